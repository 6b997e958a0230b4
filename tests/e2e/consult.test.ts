/**
 * 法律咨询 in Chromium against the built site, the real functions (netlify dev)
 * and its local database: ask with and without JavaScript and get a ZX-
 * receipt; the site's own guides and cases are offered before asking; a staff
 * member answers on the desk (links picked from lists, a suggestion); the
 * asker reads the answer with receipt and phone and rates it, and the rating
 * reaches the desk. With no service days published (the repository's
 * schedule is empty), /consult/ says so with the 司法所 route and the bureau's
 * contact, and the form offers no slots. axe on every new page type in
 * normal, high-contrast and largest-font modes.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, expectNoAxeViolationsInEveryMode } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';
import { noDialogs } from './support/keyboard.ts';
import { openStored } from './support/keys.ts';
import { loadKeyFile } from './support/desk.ts';
import { storedRecord } from './support/database.ts';

const baseURL = inject('baseURL');
const keyFile = inject('staffKeyFile');
const tokens = inject('staffTokens');
const POLL = { timeout: 30_000, interval: 250 };
const LONG = 300_000;
const PHONE = '13712345678';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const context = (js: boolean, display: DisplayPrefs = {}): Promise<BrowserContext> =>
  newContext(browser, { javaScriptEnabled: js, display, viewport: { width: 1024, height: 900 } });

async function fillQuestion(page: Page, question: string): Promise<void> {
  await page.locator('#f-question').fill(question);
  await page.locator('#f-topic').selectOption('wages');
  await page.locator('#f-town').selectOption('sijiu');
  await page.locator('input[name="channel"][value="online"]').check();
  await page.locator('#f-phone').fill(PHONE);
}

/** Asks through the form; returns the receipt from the confirmation page. */
async function ask(js: boolean, question: string): Promise<string> {
  const ctx = await context(js);
  const page = await ctx.newPage();
  noDialogs(page);
  await page.goto(`${baseURL}/consult/`);
  await page.getByRole('link', { name: '开始提问' }).click();
  await page.waitForURL('**/apply/consultation/form/');
  // No service days published: 当面咨询 has no slots to choose (staff call to arrange).
  expect(await page.locator('input[name="slot"]').count()).toBe(0);
  await fillQuestion(page, question);
  await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.waitForSelector('[data-receipt]', POLL);
  const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
  await ctx.close();
  return receipt;
}

let jsReceipt = '';

describe('asking', () => {
  it(
    'with JavaScript: the site’s own guides and cases first, then a receipt; the question is stored sealed',
    async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/consult/`);
      // The schedule is empty in the repository: the page says so, with the 司法所 route and the bureau's contact.
      const days = await page.locator('main').textContent();
      expect(days).toContain('司法局还没有在本网站公布，所以这里暂时没有服务日安排，也不能在网上预约');
      const contact = await page.locator('#service-day ~ .contact-fallback').textContent();
      for (const s of ['服务日的时间表尚未公布', '0750-5524538', 'ts686@126.com', '12348'])
        expect(contact).toContain(s);
      expect(await page.locator('#service-day ~ p a[href$="/directory/type/justice-office/"]').count()).toBe(1);
      expect(await page.locator('section[aria-labelledby^="day-"]').count()).toBe(0);
      await page.locator('#consult-suggest-q').fill('老板欠工资不给怎么办');
      await expect.poll(() => page.locator('[data-consult-suggest-list] li').count(), POLL).toBeGreaterThan(0);
      expect(await page.locator('[data-consult-suggest-list] li').count()).toBeLessThanOrEqual(5);
      expect(await page.locator('[data-consult-suggest-results] h3').textContent()).toBe(
        '这些内容可能已经回答了您的问题',
      );
      const hrefs = await page
        .locator('[data-consult-suggest-list] a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const h of hrefs) expect(h).toMatch(/^\/(services|cases)\//);
      await expectNoAxeViolations(page, '/consult/ with suggestions');
      await ctx.close();

      jsReceipt = await ask(true, '我在工地干了三个月，老板一直拖欠工资，现在人也联系不上了，我该怎么办？');
      expect(jsReceipt).toMatch(/^ZX-\d{8}-/);
      const rec = await storedRecord(jsReceipt);
      expect(rec).toMatchObject({ formType: 'consultation', meta: { town: 'sijiu', category: 'wages' } });
      expect(JSON.stringify({ ...rec, personal: null })).not.toContain(PHONE);
      expect(await openStored(rec, keyFile)).toMatchObject({ phone: PHONE, channel: 'online' });
    },
    LONG,
  );

  it(
    'without JavaScript: the suggestion box is a site search, and the form still gives a receipt',
    async () => {
      const ctx = await context(false);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/consult/`);
      await page.locator('#consult-suggest-q').fill('欠工资');
      await page.getByRole('button', { name: '在网站里找一找' }).click();
      await page.waitForURL('**/search/?q=*');
      await ctx.close();
      const receipt = await ask(false, '邻居家的空调外机对着我家窗户，噪音很大，可以要求他挪走吗？');
      expect(receipt).toMatch(/^ZX-\d{8}-/);
      expect((await storedRecord(receipt)).formType).toBe('consultation');
    },
    LONG,
  );
});

describe('answering and reading the answer', () => {
  it(
    'a staff member answers on the desk; the asker reads it with receipt and phone and rates it; the rating is recorded',
    async () => {
      const receipt = jsReceipt || (await ask(true, '老板一直拖欠工资，现在人也联系不上了，我该怎么办？'));
      const ctx = await context(true);
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(`${baseURL}/staff/`);
      await page.waitForSelector('[data-desk]:not([hidden])');
      await page.locator('#desk-token').fill(tokens.city);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-signed-in]:not([hidden])', POLL);
      await loadKeyFile(page, keyFile);
      await page.locator('#desk-f-type').selectOption('consultation');
      await page.locator('[data-filters] button[type="submit"]').click();
      await page.locator(`[data-open="${receipt}"]`).click();
      await expect.poll(() => page.locator('[data-record-body]').textContent(), POLL).toContain('拖欠工资');
      await page.waitForSelector('[data-answer-form]', POLL);
      await expectNoAxeViolations(page, '/staff/ consultation open');
      await page
        .locator('#answer-text')
        .fill('可以先向劳动监察部门投诉，也可以申请劳动仲裁；讨要工资的农民工申请法律援助，不用审查经济困难状况。');
      await page.locator('#answer-page').selectOption('/services/legal-aid/');
      await page.getByRole('button', { name: '添加', exact: true }).first().click();
      await page.locator('#answer-law').selectOption('中华人民共和国法律援助法');
      await page.locator('#answer-article').fill('42');
      await page.locator('[data-add-law]').click();
      await expect.poll(() => page.locator('[data-answer-chosen]').textContent(), POLL).toContain('第四十二条');
      await page.locator('#answer-suggest-legal-aid').check();
      await page.getByRole('button', { name: '提交答复' }).click();
      await expect.poll(() => page.locator('[data-record-body]').textContent(), POLL).toContain('已答复');
      await ctx.close();

      // The asker, without JavaScript: the answer, then the rating form.
      const asker = await context(false);
      const p = await asker.newPage();
      await p.goto(`${baseURL}/apply/status/`);
      await p.locator('#f-receipt').fill(receipt);
      await p.locator('#f-phone').fill(PHONE);
      await p.getByRole('button', { name: '查询' }).click();
      await p.waitForSelector('[data-consult-answer]', POLL);
      const answer = (await p.locator('[data-consult-answer]').textContent())!;
      expect(answer).toContain('劳动监察部门');
      expect(answer).toContain('《中华人民共和国法律援助法》第四十二条');
      expect(await p.getByRole('link', { name: '申请法律援助' }).getAttribute('href')).toBe(
        '/apply/legal-aid/form/?town=sijiu&matterType=labour',
      );
      await p.locator('input[name="rating"][value="satisfied"]').check();
      await p.locator('#rating-comment').fill('答复很快，谢谢');
      await p.getByRole('button', { name: '提交评价' }).click();
      await expect.poll(() => p.locator('h1').textContent(), POLL).toBe('谢谢您的评价');
      await asker.close();

      const again = await context(true);
      const s = await again.newPage();
      await s.goto(`${baseURL}/apply/status/`);
      await s.locator('#f-receipt').fill(receipt);
      await s.locator('#f-phone').fill(PHONE);
      await s.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => s.locator('[data-rating]').textContent(), POLL).toContain('您已经评价：满意');
      await expectNoAxeViolations(s, '/apply/status/ consultation answered and rated');
      // The suggestion opens the legal-aid form with the asker's town and the fitting category chosen.
      await s.getByRole('link', { name: '申请法律援助' }).click();
      await s.waitForURL('**/apply/legal-aid/form/?*');
      await expect.poll(() => s.locator('#f-town').inputValue(), POLL).toBe('sijiu');
      expect(await s.locator('input[name="matterType"][value="labour"]').isChecked()).toBe(true);
      await again.close();
    },
    LONG,
  );
});

describe('axe in each display mode', () => {
  const tab = sharedPage(() => context(true));
  it.each([['/consult/'], ['/apply/consultation/form/'], ['/qa/']])(
    '%s has no violations',
    async (path) => {
      const page = tab();
      await page.goto(baseURL + path);
      await expectNoAxeViolationsInEveryMode(page, path);
    },
    LONG,
  );
});
