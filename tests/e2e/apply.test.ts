/**
 * Online applications in Chromium against the built site and the real
 * functions (netlify dev), with and without JavaScript: both forms completed
 * with the keyboard only, errors seen and fixed, the receipt read, the record
 * found in netlify dev's local database, the status looked up; axe on every step.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';
import { active, noDialogs, tabTo } from './support/keyboard.ts';
import { storedRecord } from './support/database.ts';
import { makeId, withWrongCheckDigit } from '../fixtures/applications.ts';
import { openStored } from './support/keys.ts';

const baseURL = inject('baseURL');
/** netlify dev starts a worker per function call; on a busy machine that can take seconds. */
const POLL = { timeout: 30_000, interval: 250 };
const LONG = 300_000;
/** The run's bureau private key (global-setup.ts): records are stored encrypted. */
const keyFile = inject('staffKeyFile');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const copy of copies.values()) await copy.context.close();
  await browser?.close();
});

const context = (js: boolean, display: DisplayPrefs = {}): Promise<BrowserContext> =>
  newContext(browser, { javaScriptEnabled: js, display });

/**
 * axe needs scripts to run, and hangs in a context with JavaScript disabled.
 * So for a page seen without JavaScript, its HTML is shown again, at the same
 * address and with the same stylesheet, in a context whose page scripts are all
 * blocked, and axe runs there. Such a context is made once per viewport and
 * serves each copy in turn: it runs no page script, so nothing of one copy
 * stays for the next.
 */
const copies = new Map<string, { context: BrowserContext; page: Page; html: string }>();

async function copyContext(viewport: { width: number; height: number } | null) {
  const key = JSON.stringify(viewport);
  if (!copies.has(key)) {
    const context = await newContext(browser, { viewport: viewport ?? undefined });
    const copy = { context, page: await context.newPage(), html: '' };
    await context.route('**/*', (route) => {
      const req = route.request();
      if (req.resourceType() === 'document')
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: copy.html });
      if (req.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    copies.set(key, copy);
  }
  return copies.get(key)!;
}

async function expectNoAxeViolationsNoJs(page: Page, label: string): Promise<void> {
  const html = await page.content();
  const url = page.url();
  const copy = await copyContext(page.viewportSize());
  copy.html = html;
  await copy.page.goto('about:blank'); // so the next address is always loaded anew, even when it is the same
  await copy.page.goto(url);
  await expectNoAxeViolations(copy.page, `${label} (without JavaScript)`);
}

// ------------------------------------------------------------------ keyboard only

async function typeIn(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `#${id}`);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** A radio group: Tab lands on it, arrow keys move and select, Space selects the first. */
async function choose(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type="radio"][name="${name}"]`);
  const values = await page.$$eval(`input[type="radio"][name="${name}"]`, (els) =>
    els.map((e) => (e as HTMLInputElement).value),
  );
  for (let i = 0; i < values.length + 1; i++) {
    const current = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    if (current === value) break;
    await page.keyboard.press(values.indexOf(current) < values.indexOf(value) ? 'ArrowDown' : 'ArrowUp');
  }
  if (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)))
    await page.keyboard.press('Space');
  expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
}

async function tick(page: Page, id: string): Promise<void> {
  await tabTo(page, `#${id}`);
  if (!(await page.locator(`#${id}`).isChecked())) await page.keyboard.press('Space');
}

async function select(page: Page, id: string, value: string): Promise<void> {
  await tabTo(page, `#${id}`);
  const values = await page.$$eval(`#${id} option`, (els) => els.map((e) => (e as HTMLOptionElement).value));
  for (let i = 0; i < values.length; i++) {
    const current = await page.locator(`#${id}`).inputValue();
    if (current === value) return;
    await page.keyboard.press(values.indexOf(current) < values.indexOf(value) ? 'ArrowDown' : 'ArrowUp');
  }
  expect(await page.locator(`#${id}`).inputValue()).toBe(value);
}

async function press(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
}

// ------------------------------------------------------------------ tests

describe('legal aid with JavaScript, keyboard only', () => {
  it(
    'start → errors → fix → check → submit → receipt → record → status',
    async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(`${baseURL}/apply/legal-aid/`);
      await expectNoAxeViolations(page, 'legal-aid start');
      await press(page, 'a.button--start');
      await page.waitForURL('**/apply/legal-aid/form/');
      await expectNoAxeViolations(page, 'legal-aid form');

      // Submitting the empty form: a summary of every error takes focus.
      await press(page, 'form[data-apply-form] button[type="submit"]');
      await expect.poll(() => active(page, '[data-error-summary]'), POLL).toBe(true);
      expect(await page.title()).toMatch(/^错误：/);
      expect(await page.locator('[data-error-summary] li').count()).toBe(13);
      await expectNoAxeViolations(page, 'legal-aid form with errors');

      // Fill in with the keyboard, with one mistake in the identity number.
      const id = makeId('19650412', '248');
      await choose(page, 'forWhom', 'self');
      await typeIn(page, 'f-name', '陈大文');
      await typeIn(page, 'f-idNumber', withWrongCheckDigit(id));
      await typeIn(page, 'f-phone', '１３８ ００１３ ８０００');
      await select(page, 'f-town', 'chixi');
      await typeIn(page, 'f-address', '赤溪镇某某村3号');
      await choose(page, 'matterType', 'labour');
      await typeIn(page, 'f-opponent', '姓王的包工头');
      await choose(page, 'stage', 'arbitration');
      await typeIn(page, 'f-stageBody', '某某劳动人事争议仲裁委员会');
      await typeIn(page, 'f-facts', '我在工地干了三个月，老板一直拖欠工资，一共一万二千元。<script>alert(1)</script>');
      await tick(page, 'f-exemptions-7');
      await tick(page, 'f-pledgeTruth');
      await tick(page, 'f-pledgeVerify');
      await choose(page, 'contactTime', 'morning');
      await press(page, 'form[data-apply-form] button[type="submit"]');
      await expect.poll(() => active(page, '[data-error-summary]'), POLL).toBe(true);
      const summary = await page.locator('[data-error-summary]').textContent();
      expect(summary).toContain('校验位');
      expect(await page.locator('[data-error-summary] li').count()).toBe(1);
      await expectNoAxeViolations(page, 'legal-aid one error');

      // The summary link takes focus to the field; fix it there.
      await press(page, '[data-error-summary] a');
      expect(await active(page, '#f-idNumber')).toBe(true);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(id);
      await press(page, 'form[data-apply-form] button[type="submit"]');

      // Check your answers; a change link returns to the field.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('请核对填写的内容');
      const check = await page.locator('[data-step-view]').textContent();
      expect(check).toContain('13800138000');
      expect(check).toContain('<script>alert(1)</script>');
      await expectNoAxeViolations(page, 'legal-aid check answers');
      await press(page, '[data-edit="address"]');
      expect(await active(page, '#f-address')).toBe(true);
      await page.keyboard.press('End');
      await page.keyboard.type('（后门）');
      await press(page, 'form[data-apply-form] button[type="submit"]');
      await expect
        .poll(() => page.locator('[data-step-view]').textContent(), POLL)
        .toContain('赤溪镇某某村3号（后门）');

      // Submit and read the receipt.
      await press(page, '[data-confirm]');
      await page.waitForSelector('[data-receipt]');
      const receipt = (await page.locator('[data-receipt]').textContent())!;
      expect(receipt).toMatch(/^FY-\d{8}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(await active(page, '[data-confirmation-title]')).toBe(true);
      expect(await page.title()).toContain(receipt);
      expect(await page.locator('[data-print]').isVisible()).toBe(true);
      await expectNoAxeViolations(page, 'legal-aid confirmation');

      // The record, in the local store.
      const rec = await storedRecord(receipt);
      expect(rec).toMatchObject({
        receipt,
        formType: 'legal-aid',
        status: { current: '已收到' },
        meta: { town: 'chixi', category: 'labour' },
      });
      expect(rec.personal).toMatchObject({ encoding: 'ecdh-p256-aes256gcm' });
      expect(JSON.stringify(rec)).not.toContain('陈大文');
      expect(await openStored(rec, keyFile)).toMatchObject({
        name: '陈大文',
        idNumber: id,
        phone: '13800138000',
        address: '赤溪镇某某村3号（后门）',
        stageBody: '某某劳动人事争议仲裁委员会',
      });

      // Nothing of the form kept on the device.
      expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([[], []]);
      expect(await ctx.cookies()).toEqual([]);

      // Status, by keyboard.
      await page.goto(`${baseURL}/apply/status/`);
      await typeIn(page, 'f-receipt', receipt.toLowerCase());
      await typeIn(page, 'f-phone', '138-0013-8000');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-status-answer]').textContent(), POLL).toContain('已收到');
      expect(await active(page, '#status-title')).toBe(true);
      await expectNoAxeViolations(page, 'status with JavaScript');
      await ctx.close();
    },
    LONG,
  );
});

describe('mediation without JavaScript, keyboard only', () => {
  it(
    'start → errors → fix → check → change → confirm → receipt → record → status → withdraw',
    async () => {
      const ctx = await context(false);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/apply/mediation/`);
      expect(await page.locator('a[data-quick-exit]').getAttribute('href')).toBe('https://www.baidu.com/');
      await expectNoAxeViolationsNoJs(page, 'mediation start');
      await press(page, 'a.button--start');
      await page.waitForURL('**/apply/mediation/form/');
      await expectNoAxeViolationsNoJs(page, 'mediation form');
      // Questions that apply only after an answer are folded by CSS, without JavaScript too
      // (src/lib/forms/conditional-css.ts), and unfold when it is given.
      expect(await page.locator('#f-mediatorNote').isVisible()).toBe(false);
      await choose(page, 'mediator', 'choose');
      expect(await page.locator('#f-mediatorNote').isVisible()).toBe(true);

      // Partly filled, with a landline missing its area code.
      await typeIn(page, 'f-name', '李小梅');
      await typeIn(page, 'f-phone', '5524538');
      await select(page, 'f-town', 'duhu');
      await typeIn(page, 'f-otherName', '隔壁的陈伯');
      await choose(page, 'otherWilling', 'unknown');
      await press(page, 'form.apply-form button[type="submit"]');
      await page.waitForURL('**/api/mediation');
      expect(await page.title()).toMatch(/^错误：人民调解申请/);
      expect(await active(page, '.error-summary')).toBe(true);
      expect(await page.locator('.error-summary').textContent()).toContain('区号');
      expect(await page.locator('#f-name').inputValue()).toBe('李小梅');
      expect(await page.locator('#f-otherWilling-2').isChecked()).toBe(true);
      expect(await page.locator('a[data-quick-exit]').count()).toBe(1);
      await expectNoAxeViolationsNoJs(page, 'mediation error page');

      await typeIn(page, 'f-phone', '0750-5524538');
      await choose(page, 'disputeType', 'neighbour');
      await select(page, 'f-disputeTown', 'duhu');
      await typeIn(page, 'f-facts', '隔壁新建房屋把排水沟改到我家门口，下雨时水都流进我家院子里。');
      await typeIn(page, 'f-request', '希望改回去');
      await choose(page, 'proceedings', 'none');
      await choose(page, 'mediator', 'choose');
      await typeIn(page, 'f-mediatorNote', '想请村里的老支书');
      await choose(page, 'publicity', 'private');
      await choose(page, 'contactTime', 'any');
      await typeIn(page, 'f-contactNote', '打电话时请不要说是哪里打来的');
      await tick(page, 'f-pledgeVoluntary');
      // The address stays /api/mediation from here on: wait for the new page by its title.
      await press(page, 'form.apply-form button[type="submit"]');
      await expect.poll(() => page.title(), POLL).toMatch(/^核对人民调解申请/);
      expect(await page.locator('main').textContent()).toContain('0750-5524538');
      await expectNoAxeViolationsNoJs(page, 'mediation check page');

      // A change button posts back; the form returns with every value.
      await press(page, 'button[name="_edit"][value="request"]');
      await expect.poll(() => page.title(), POLL).toMatch(/^人民调解申请/);
      expect(await page.locator('#f-request').inputValue()).toBe('希望改回去');
      expect(await page.locator('#f-mediatorNote').inputValue()).toBe('想请村里的老支书');
      await typeIn(page, 'f-request', '希望把排水沟改回原来的位置');
      await press(page, 'form.apply-form button[type="submit"]');
      await expect.poll(() => page.title(), POLL).toMatch(/^核对人民调解申请/);
      expect(await page.locator('main').textContent()).toContain('希望把排水沟改回原来的位置');
      await press(page, 'button[name="_step"][value="submit"]');
      await page.waitForURL(/\/apply\/mediation\/done\/\?receipt=TJ-/);
      const receipt = (await page.locator('[data-receipt]').textContent())!;
      expect(receipt).toMatch(/^TJ-\d{8}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(await page.title()).toContain(receipt);
      expect(await page.locator('main').textContent()).toContain('需要撤回或者更正');
      await expectNoAxeViolationsNoJs(page, 'mediation confirmation');

      const rec = await storedRecord(receipt);
      expect(rec).toMatchObject({ formType: 'mediation', meta: { town: 'duhu', category: 'neighbour' } });
      expect(await openStored(rec, keyFile)).toMatchObject({
        phone: '0750-5524538',
        mediator: 'choose',
        mediatorNote: '想请村里的老支书',
      });

      // Status without JavaScript: a page from the function.
      await page.goto(`${baseURL}/apply/status/`);
      await typeIn(page, 'f-receipt', receipt);
      await typeIn(page, 'f-phone', '07505524538');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/api/status');
      expect(await page.locator('.status-tag').textContent()).toBe('已收到');
      await expectNoAxeViolationsNoJs(page, 'status page');

      // Withdraw from the confirmation page, within the 10 minutes.
      await page.goto(`${baseURL}/apply/mediation/done/?receipt=${receipt}`);
      await press(page, 'button[name="action"][value="withdraw"]');
      await page.waitForURL('**/api/withdraw');
      expect(await page.locator('h1').textContent()).toBe('申请已撤回');
      await expectNoAxeViolationsNoJs(page, 'withdrawn');
      expect(await storedRecord(receipt)).toMatchObject({ status: { current: '已撤回' }, personal: null });
      await ctx.close();
    },
    LONG,
  );
});

describe('mediation with JavaScript: correct, then withdraw, in the page', () => {
  it(
    'corrects within 10 minutes, then withdraws; the status page says 已撤回',
    async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(`${baseURL}/apply/mediation/form/`);
      // Conditional questions appear only when they apply.
      expect(await page.locator('#f-mediatorNote').isVisible()).toBe(false);
      await page.locator('#f-name').fill('黄阿婆');
      await page.locator('#f-phone').fill('13712345678');
      await page.locator('#f-town').selectOption('sanhe');
      await page.locator('#f-otherName').fill('我的儿子');
      await page.locator('input[name="otherWilling"][value="no"]').check();
      await page.locator('input[name="disputeType"][value="family"]').check();
      await page.locator('#f-disputeTown').selectOption('sanhe');
      await page.locator('#f-facts').fill('儿子成家后不愿意给我生活费，我年纪大了没有收入，看病也没有钱。');
      await page.locator('#f-request').fill('希望儿子每月给我生活费');
      await page.locator('input[name="proceedings"][value="none"]').check();
      await page.locator('input[name="mediator"][value="choose"]').check();
      expect(await page.locator('#f-mediatorNote').isVisible()).toBe(true);
      await page.locator('input[name="publicity"][value="private"]').check();
      await page.locator('input[name="contactTime"][value="any"]').check();
      await page.locator('#f-pledgeVoluntary').check();
      // Live validation as the user leaves a field, cleared as they fix it.
      await page.locator('#f-phone').fill('123');
      await page.locator('#f-phone').blur();
      await expect.poll(() => page.locator('#f-phone-error').isVisible(), POLL).toBe(true);
      expect(await page.locator('#f-phone').getAttribute('aria-invalid')).toBe('true');
      await page.locator('#f-phone').fill('13712345678');
      await expect.poll(() => page.locator('#f-phone-error').isVisible(), POLL).toBe(false);

      await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
      await page.getByRole('button', { name: '确认提交' }).click();
      await page.waitForSelector('[data-receipt]');
      const receipt = (await page.locator('[data-receipt]').textContent())!;

      await page.getByRole('button', { name: '更正内容' }).click();
      expect(await page.locator('h1[data-step-title]').textContent()).toBe('更正人民调解申请');
      expect(await page.locator('#f-name').inputValue()).toBe('黄阿婆');
      await page.locator('input[name="publicity"][value="either"]').check();
      await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
      const corrected = page.waitForResponse('**/api/mediation');
      await page.getByRole('button', { name: '确认更正' }).click();
      const res = await corrected;
      expect(res.status(), await res.text()).toBe(200);
      await expect.poll(() => page.locator('[data-confirmation-title]').textContent(), POLL).toBe('更正已提交');
      expect(await page.locator('[data-receipt]').textContent()).toBe(receipt);
      expect(await storedRecord(receipt)).toMatchObject({ meta: { corrections: 1 } });
      expect(await openStored(await storedRecord(receipt), keyFile)).toMatchObject({ publicity: 'either' });

      await page.getByRole('button', { name: '撤回申请' }).click();
      await expect.poll(() => active(page, '[data-withdraw-confirm]'), POLL).toBe(true);
      await expectNoAxeViolations(page, 'withdraw question');
      await page.getByRole('button', { name: '确定撤回' }).click();
      await expect.poll(() => page.locator('[data-step-view] h1').textContent(), POLL).toBe('申请已撤回');
      expect((await storedRecord(receipt)).personal).toBeNull();

      await page.goto(`${baseURL}/apply/status/`);
      await page.locator('#f-receipt').fill(receipt);
      await page.locator('#f-phone').fill('13712345678');
      await page.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => page.locator('[data-status-answer]').textContent(), POLL).toContain('已撤回');
      await ctx.close();
    },
    LONG,
  );

  it(
    'keeps everything typed, in memory, when the network fails, and submits on retry',
    async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/apply/mediation/form/`);
      const fill: [string, string][] = [
        ['#f-name', '周先生'],
        ['#f-phone', '13612345678'],
        ['#f-otherName', '某某物业公司'],
        ['#f-facts', '物业公司一直不修小区的电梯，老人上下楼很困难，找了很多次都没有结果。'],
        ['#f-request', '希望尽快修好电梯'],
      ];
      for (const [sel, v] of fill) await page.locator(sel).fill(v);
      await page.locator('#f-town').selectOption('taicheng');
      await page.locator('#f-disputeTown').selectOption('taicheng');
      for (const [n, v] of [
        ['otherWilling', 'yes'],
        ['disputeType', 'property-management'],
        ['proceedings', 'none'],
        ['mediator', 'assign'],
        ['publicity', 'public'],
        ['contactTime', 'afternoon'],
      ]) {
        await page.locator(`input[name="${n}"][value="${v}"]`).check();
      }
      await page.locator('#f-pledgeVoluntary').check();
      await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
      await page.route('**/api/mediation', (r) => r.abort('internetdisconnected'));
      await page.getByRole('button', { name: '确认提交' }).click();
      await expect.poll(() => page.locator('[data-send-error]').textContent(), POLL).toContain('没有提交成功');
      expect(await page.title()).toMatch(/^错误：/);
      await expectNoAxeViolations(page, 'send failure');
      await page.unroute('**/api/mediation');
      await page.getByRole('button', { name: '再试一次' }).click();
      await page.waitForSelector('[data-receipt]');
      const receipt = (await page.locator('[data-receipt]').textContent())!;
      expect(await openStored(await storedRecord(receipt), keyFile)).toMatchObject({
        name: '周先生',
        request: '希望尽快修好电梯',
      });
      await ctx.close();
    },
    LONG,
  );
});

describe('快速离开', () => {
  it('replaces the form in the history: Back does not return to it', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await ctx.route('https://www.baidu.com/**', (r) =>
      r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>百度一下</title><p>百度</p>' }),
    );
    await page.goto(`${baseURL}/apply/mediation/`);
    await press(page, 'a.button--start');
    await page.waitForURL('**/apply/mediation/form/');
    await page.locator('#f-name').fill('李小梅');
    await press(page, 'a[data-quick-exit]');
    await page.waitForURL('https://www.baidu.com/');
    await page.goBack();
    expect(page.url()).toBe(`${baseURL}/apply/mediation/`);
    await ctx.close();
  });
});

describe('eligibility check without JavaScript', () => {
  it(
    'leads through the questions to a result that links to the application; no violations on the way',
    async () => {
      const ctx = await context(false);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/apply/legal-aid/check/`);
      await expectNoAxeViolationsNoJs(page, 'check: question 1');
      for (const answer of ['讨要工资，或者确认劳动关系', '都没有', '都不是']) {
        await page.getByRole('link', { name: answer }).click();
        await page.waitForLoadState();
        await expectNoAxeViolationsNoJs(page, `check after “${answer}”`);
      }
      expect(await page.locator('h1').textContent()).toBe('家里的经济情况是哪一种？');
      await page.getByRole('link', { name: '收入明显高于这个标准，或者有价值较大的财产' }).click();
      expect(await page.locator('h1').textContent()).toBe('您可能不符合经济困难条件');
      expect(await page.locator('main').textContent()).toContain('您仍然可以申请');
      await expectNoAxeViolationsNoJs(page, 'check: result');
      await page.getByRole('link', { name: '去申请法律援助' }).click();
      expect(page.url()).toBe(`${baseURL}/apply/legal-aid/`);
      await ctx.close();
    },
    LONG,
  );
});

describe('display modes', () => {
  it.each([
    ['high contrast', { contrast: 'high' }],
    ['largest font', { font: 'xlarge' }],
  ] as const)('%s: the form with its errors has no violations and fits the screen', async (_mode, prefs) => {
    const ctx = await context(true, prefs);
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/apply/legal-aid/form/`);
    await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
    await expect.poll(() => active(page, '[data-error-summary]'), POLL).toBe(true);
    await expectNoAxeViolations(page, `form errors (${_mode})`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await ctx.close();
  });
  // These only read pages: one tab for all of them.
  const tab = sharedPage(() => context(true));
  it.each([
    '/apply/',
    '/apply/legal-aid/',
    '/apply/mediation/',
    '/apply/status/',
    '/apply/legal-aid/check/result/criminal/',
  ])('%s has no violations', async (path) => {
    const page = tab();
    await page.goto(baseURL + path);
    await expectNoAxeViolations(page, path);
  });
});

describe('under the site’s Content-Security-Policy', () => {
  it.each(['/apply/legal-aid/form/', '/apply/mediation/form/', '/apply/status/'])(
    '%s checks its answers with no CSP violation (no eval probe)',
    async (path) => {
      const ctx = await context(true);
      // Collected in the page from the first script on: the zod probe runs while
      // the form script loads, before a test could attach a listener.
      await ctx.addInitScript(() => {
        (window as unknown as { cspViolations: string[] }).cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { cspViolations: string[] }).cspViolations.push(
            `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
          ),
        );
      });
      const page = await ctx.newPage();
      const res = await page.goto(baseURL + path);
      expect(res?.headers()['content-security-policy']).not.toContain("'unsafe-eval'");
      // Submitting the empty form runs its checks in the page (the forms: the
      // shared zod schema), which show the error summary.
      await page.locator('main form button[type="submit"]').first().click();
      await expect.poll(() => page.locator('.error-summary').first().isVisible(), POLL).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      await ctx.close();
    },
  );
});
