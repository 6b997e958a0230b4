/**
 * The staff desk in Chromium against the built site and the real functions
 * (netlify dev and its local database, with this run's key pair and tokens
 * from global-setup.ts): a full-width working page sorted by deadline,
 * counts that filter, search by receipt and by name on the device, names
 * decrypted in the list, confirmation before a final answer, keyset pages;
 * a staff member signs in with the keyboard, loads the private key file,
 * lists, opens (decrypted in the page), changes the status, and the
 * applicant's status page shows it; the CSV export is downloaded and read
 * (BOM, Chinese, formula-safe); the key kept on the device is non-extractable;
 * a town office sees only its town; axe on every state, normal, high contrast
 * and largest font; /stats/ without JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, expectNoAxeViolationsInEveryMode } from './support/axe.ts';
import {
  chooseDisplay,
  DISPLAY_MODES,
  downloadedBytes,
  launchBrowser,
  newContext,
  type DisplayPrefs,
} from './support/chromium.ts';
import { active, noDialogs, tabTo } from './support/keyboard.ts';
import { openStored } from './support/keys.ts';
import { loadKeyFile, signIn } from './support/desk.ts';
import { e2eStore, storedRecord } from './support/database.ts';
import { DEV_SECRET } from '../../functions/_shared/secrets.ts';
import { syntheticRecords } from '../../scripts/seed-requests.ts';
import { legalAidSelf, mediation } from '../fixtures/applications.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';

const baseURL = inject('baseURL');
const keyFile = inject('staffKeyFile');
const tokens = inject('staffTokens');
const POLL = { timeout: 30_000, interval: 250 };
const LONG = 300_000;
const FORMULA =
  '=HYPERLINK("http://example.com","点这里")这是一段以等号开头的事情经过，用来检查导出的表格不会把它当成公式。';

let browser: Browser;
let legalAidReceipt = '';
let mediationReceipt = '';
let overdueReceipt = '';

async function submit(path: string, values: FormValues): Promise<string> {
  const res = await fetch(baseURL + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...values, _key: `e2e-staff-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

beforeAll(async () => {
  browser = await launchBrowser();
  legalAidReceipt = await submit('/api/legal-aid', { ...legalAidSelf(), facts: FORMULA });
  mediationReceipt = await submit('/api/mediation', mediation()); // dispute in 都斛镇
  // An application received 10 days ago and never decided, written into netlify dev's local database
  // (the functions cannot be told to back-date): the desk must flag it as overdue.
  const old = await storedRecord(legalAidReceipt);
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
  overdueReceipt = `FY-${tenDaysAgo.slice(0, 10).replace(/-/g, '')}-ZZZZ-ZZZZ-${Math.floor(Math.random() * 9000 + 1000)}`;
  const written = await e2eStore().createRecord({
    ...old,
    receipt: overdueReceipt,
    createdAt: tenDaysAgo,
    updatedAt: tenDaysAgo,
    personal: null,
    status: {
      current: '审查中',
      history: [
        { status: '已收到', at: tenDaysAgo, by: 'system' },
        { status: '审查中', at: tenDaysAgo, by: 'staff' },
      ],
    },
  });
  expect(written).toEqual({ written: true });
}, LONG);

afterAll(async () => {
  await browser?.close();
});

async function context(prefs: { contrast?: string; font?: string; js?: boolean } = {}): Promise<BrowserContext> {
  return newContext(browser, {
    viewport: { width: 1024, height: 900 },
    acceptDownloads: true,
    javaScriptEnabled: prefs.js ?? true,
    display: prefs,
  });
}

/** Finds one application by its receipt with the desk's search, as staff would. */
async function find(page: Page, receipt: string): Promise<void> {
  await page.locator('#desk-q').fill(receipt);
  await page.locator('[data-search] button[type="submit"]').click();
  await expect.poll(() => page.locator('[data-records] tr').count(), POLL).toBe(1);
  await page.locator(`[data-open="${receipt}"]`).waitFor(POLL);
}

describe('staff desk', () => {
  it(
    'says that JavaScript is required when it is off, and is axe clean',
    async () => {
      const ctx = await context({ js: false });
      const page = await ctx.newPage();
      const res = await page.goto(`${baseURL}/staff/`);
      expect(res!.status()).toBe(200);
      expect(await page.locator('[data-js-required]').isVisible()).toBe(true);
      expect(await page.locator('[data-js-required]').textContent()).toContain('工作台需要开启 JavaScript');
      expect(await page.locator('[data-desk]').isVisible()).toBe(false);
      const html = await page.content();
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html).not.toContain('data-pagefind-body');
      await ctx.close();
      // axe needs scripts: the same HTML in a context whose page scripts are blocked.
      const copyCtx = await context();
      await copyCtx.route('**/*', (route) =>
        route.request().resourceType() === 'script' ? route.abort() : route.continue(),
      );
      const copy = await copyCtx.newPage();
      await copy.goto(`${baseURL}/staff/`);
      expect(await copy.locator('[data-js-required]').isVisible()).toBe(true);
      await expectNoAxeViolations(copy, '/staff/ without JavaScript');
      await copyCtx.close();
    },
    LONG,
  );

  it('is left out of robots.txt crawling and the sitemap', async () => {
    expect(await (await fetch(`${baseURL}/robots.txt`)).text()).toContain('Disallow: /staff/');
    const index = await (await fetch(`${baseURL}/sitemap-0.xml`)).text();
    expect(index).not.toContain('/staff/');
  });

  it(
    'refuses a wrong token with an error summary that takes focus',
    async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(`${baseURL}/staff/`);
      await page.waitForSelector('[data-desk]:not([hidden])');
      await expectNoAxeViolations(page, '/staff/ signed out');
      await page.locator('#desk-token').focus();
      await page.keyboard.type('tsk_this-is-not-a-real-token-aaaaaaaaaaaaaaaaaaaaa');
      await page.keyboard.press('Enter');
      await expect.poll(() => active(page, '[data-signin-error]'), POLL).toBe(true);
      expect(await page.locator('[data-signin-error]').textContent()).toContain('令牌不对');
      expect(await page.locator('#desk-token').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, '/staff/ sign-in error');
      await ctx.close();
    },
    LONG,
  );

  it(
    'keyboard only: sign in, load the key, open a record decrypted in the page, change its status; the applicant sees it; the audit shows it',
    async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      noDialogs(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
      await signIn(page, baseURL, tokens.city);
      expect(await page.locator('[data-who]').textContent()).toBe('测试管理员');
      // The token is not kept anywhere but in memory.
      expect(
        await page.evaluate(() => [
          Object.keys(localStorage).filter((k) => !k.startsWith('ts-')),
          Object.keys(sessionStorage),
          document.cookie,
        ]),
      ).toEqual([[], [], '']);

      // Counts per status, and the overdue application stands out in words, not colour alone.
      expect(await page.locator('[data-counts]').textContent()).toMatch(/已收到\s*\d+/);
      const overdueRow = page.locator('tr', { has: page.locator(`[data-open="${overdueReceipt}"]`) });
      expect(await overdueRow.textContent()).toMatch(/⚠\s*已超期\d+天/);
      expect(await overdueRow.getAttribute('class')).toContain('desk-row--overdue');

      // The private key file, through the file input: it stays on this device.
      await loadKeyFile(page, keyFile);
      const keyText = readFileSync(keyFile, 'utf8');
      const d = JSON.parse(keyText).d as string;
      expect(requests.some((r) => r.includes(d))).toBe(false);

      // Find the legal-aid record by its receipt and open it, with the keyboard.
      await tabTo(page, '#desk-q');
      await page.keyboard.type(legalAidReceipt.toLowerCase());
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-records] tr').count(), POLL).toBe(1);
      // Its days left, read here: on the first page it may sit behind other files' records due sooner.
      const freshRow = page.locator('tr', { has: page.locator(`[data-open="${legalAidReceipt}"]`) });
      expect(await freshRow.textContent()).toMatch(/还剩7天/);
      await tabTo(page, `[data-open="${legalAidReceipt}"]`);
      await page.keyboard.press('Enter');
      await expect.poll(() => active(page, '[data-record-title]'), POLL).toBe(true);
      await expect.poll(() => page.locator('[data-record-body]').textContent(), POLL).toContain('陈大文');
      const body = (await page.locator('[data-record-body]').textContent())!;
      expect(body).toContain('13800138000');
      expect(body).toContain('=HYPERLINK'); // shown as text
      await expectNoAxeViolations(page, '/staff/ record open');

      // 需补充材料 with every missing material at once, by keyboard.
      await tabTo(page, '#desk-s-0'); // into the radio group; arrows choose within it
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#desk-s-1').isChecked()).toBe(true);
      await expect.poll(() => page.locator('[data-materials]').isVisible(), POLL).toBe(true);
      await tabTo(page, '#desk-m-0');
      await page.keyboard.press('Space');
      await tabTo(page, '#desk-other-materials');
      await page.keyboard.type('工资欠条的照片');
      await page.keyboard.press('Enter');
      await page.keyboard.type('工地考勤记录');
      await tabTo(page, '#desk-note');
      await page.keyboard.type('请在收到通知后尽快到台城司法所提交，也可以拍照后再联系我们。');
      await tabTo(page, '[data-status-form] button[type="submit"]');
      await page.keyboard.press('Enter');
      await expect.poll(() => active(page, '[data-status-done]'), POLL).toBe(true);
      expect(await page.locator('[data-status-done]').textContent()).toContain('需补充材料');
      expect((await storedRecord(legalAidReceipt)).status.current).toBe('需补充材料');

      // The applicant's status page shows the change and the full list.
      const applicant = await ctx.newPage();
      await applicant.goto(`${baseURL}/apply/status/`);
      await applicant.locator('#f-receipt').fill(legalAidReceipt);
      await applicant.locator('#f-phone').fill('13800138000');
      await applicant.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => applicant.locator('[data-status-result]').textContent(), POLL).toContain('需补充材料');
      const shown = (await applicant.locator('[data-status-result]').textContent())!;
      expect(shown).toContain('请一次性补充以下材料');
      expect(shown).toContain('1. 申请人的居民身份证或者其他身份证明');
      expect(shown).toContain('2. 工资欠条的照片');
      expect(shown).toContain('3. 工地考勤记录');
      expect(shown).not.toContain('测试管理员');
      await applicant.close();

      // A note with personal details is refused before anything is sent.
      await tabTo(page, '#desk-s-0');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      expect(await page.locator('#desk-s-3').isChecked()).toBe(true);
      await page.locator('#desk-note').fill('已电话联系 13800138000，不符合条件。');
      await page.locator('[data-status-form] button[type="submit"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => active(page, '[data-status-errors]'), POLL).toBe(true);
      expect(await page.locator('[data-status-errors]').textContent()).toContain('个人信息');
      await expectNoAxeViolations(page, '/staff/ status error');

      // The audit trail lists the read and the change.
      await tabTo(page, '[data-audit-form] button[type="submit"]', 200);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-audit-rows]').textContent(), POLL).toContain('更改状态');
      const audit = (await page.locator('[data-audit-rows]').textContent())!;
      expect(audit).toContain('查看申请');
      expect(audit).toContain(legalAidReceipt);
      expect(audit).toContain('通过');
      await expectNoAxeViolations(page, '/staff/ audit');
      await ctx.close();
    },
    LONG,
  );

  it(
    'exports the filtered records to a CSV decrypted on the device: BOM, Chinese, quoting, formula-safe',
    async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.city);
      await loadKeyFile(page, keyFile);
      await page.locator('#desk-f-type').selectOption('legal-aid');
      await page.getByRole('button', { name: '筛选', exact: true }).click();
      await expect.poll(() => page.locator('[data-records]').textContent(), POLL).not.toContain(mediationReceipt);
      // The desk first says how many people's personal data the file will hold, and asks.
      await page.locator('[data-export]').click();
      await expect.poll(() => active(page, '[data-export-confirm]'), POLL).toBe(true);
      expect(await page.locator('[data-export-summary]').textContent()).toMatch(
        /这次导出 \d+ 份申请，其中 \d+ 份含有申请人的个人信息（\d+ 个人）/,
      );
      await expectNoAxeViolations(page, '/staff/ export confirmation');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-export-personal]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^申请导出-\d{8}-\d{4}\.csv$/);
      const bytes = await downloadedBytes(download);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const [header, ...rows] = text.trim().split('\r\n');
      expect(header).toMatch(/^"回执号","申请类型","镇（街）","类别","填写用字","提交时间（北京时间）","当前状态"/);
      expect(header).toContain('"姓名"');
      const mine = rows.find((r) => r.startsWith(`"${legalAidReceipt}"`))!;
      expect(mine).toContain('"法律援助"');
      expect(mine).toContain('"台城街道"');
      expect(mine).toContain('"简体"');
      expect(mine).toContain('"陈大文"');
      expect(mine).toContain(`"${(await storedRecord(legalAidReceipt)).status.current}"`);
      // Quotes doubled, and the formula neutralised with a leading apostrophe.
      expect(mine).toContain(`"'=HYPERLINK(""http://example.com"",""点这里"")`);
      expect(text).not.toContain(mediationReceipt);
      // The record whose personal data is gone says so instead of failing.
      expect(rows.find((r) => r.startsWith(`"${overdueReceipt}"`))).toContain('申请人已撤回，已删除');
      // A file without personal data on request: only the plaintext columns.
      await page.locator('[data-export]').click();
      const [metaOnly] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-meta]').click()]);
      const metaText = (await downloadedBytes(metaOnly)).toString('utf8');
      expect(metaText).toContain(legalAidReceipt);
      expect(metaText).not.toContain('"姓名"');
      expect(metaText).not.toContain('陈大文');
      // The export is in the audit trail, with its receipts.
      await page.locator('[data-audit-form] button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-audit-rows]').textContent(), POLL).toContain('导出');
      await ctx.close();
    },
    LONG,
  );

  it(
    'keeps the key on this device only when asked, as a non-extractable CryptoKey',
    async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.city);
      await page.locator('#desk-remember').check();
      await loadKeyFile(page, keyFile);
      const stored = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('ts-staff-desk');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const all = await new Promise<{ kid: string; key: CryptoKey }[]>((resolve, reject) => {
          const r = db.transaction('private-keys').objectStore('private-keys').getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        db.close();
        const k = all[0]!.key;
        let exported = 'exported';
        try {
          await crypto.subtle.exportKey('jwk', k);
        } catch (e) {
          exported = (e as Error).name;
        }
        return {
          count: all.length,
          isKey: k instanceof CryptoKey,
          extractable: k.extractable,
          type: k.type,
          exported,
          text: JSON.stringify(all),
        };
      });
      expect(stored).toMatchObject({
        count: 1,
        isKey: true,
        extractable: false,
        type: 'private',
        exported: 'InvalidAccessError',
      });
      expect(stored.text).not.toContain(JSON.parse(readFileSync(keyFile, 'utf8')).d);
      // Signed out and in again on this device: the record opens without choosing the file.
      await page.getByRole('button', { name: '退出' }).click();
      await signIn(page, baseURL, tokens.city);
      expect(await page.locator('[data-keys-list]').textContent()).toContain('这台设备上记住的私钥');
      await find(page, mediationReceipt);
      await page.locator(`[data-open="${mediationReceipt}"]`).click();
      await expect.poll(() => page.locator('[data-record-body]').textContent(), POLL).toContain('李小梅');
      // Unticking forgets it.
      await page.locator('#desk-remember').uncheck();
      await expect
        .poll(
          () =>
            page.evaluate(
              () =>
                new Promise<number>((resolve) => {
                  const r = indexedDB.open('ts-staff-desk');
                  r.onsuccess = () => {
                    const c = r.result.transaction('private-keys').objectStore('private-keys').count();
                    c.onsuccess = () => resolve(c.result);
                  };
                }),
            ),
          POLL,
        )
        .toBe(0);
      await ctx.close();
    },
    LONG,
  );

  it(
    'shows a town office only its towns',
    async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.duhu);
      expect(await page.locator('[data-scope]').textContent()).toBe('都斛镇');
      await find(page, mediationReceipt);
      // A receipt outside the office's towns is not found at all.
      await page.locator('#desk-q').fill(legalAidReceipt);
      await page.locator('[data-search] button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-records]').textContent(), POLL).toContain('没有符合条件的申请');
      await ctx.close();
    },
    LONG,
  );

  it(
    'is a full-width working page, sorted by deadline with overdue first, whose counts filter the list',
    async () => {
      const ctx = await context({ font: 'xlarge' });
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.city);
      // No public header, navigation, QR code or footer; the table uses the width of the screen.
      expect(await page.locator('header, footer, .qr').count()).toBe(0);
      expect(await page.locator('.staff-bar [data-display-settings]').count()).toBe(1);
      const width = await page.evaluate(() => document.querySelector('.desk-table')!.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(900);
      // Cells keep their words whole at the largest font (no “人民调/解”).
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('[data-records] td')].some(
          (td) => td.getClientRects().length > 1 || (td as HTMLElement).offsetHeight > 200,
        ),
      );
      expect(broken).toBe(false);
      // Overdue first: the first row is overdue, in words.
      const first = page.locator('[data-records] tr').first();
      expect(await first.textContent()).toMatch(/⚠\s*已超期\d+天/);
      // The overdue count filters the list to overdue applications only.
      await page.locator('[data-due-filter="overdue"]').click();
      await expect
        .poll(() => page.locator('[data-due-filter="overdue"]').getAttribute('aria-pressed'), POLL)
        .toBe('true');
      const rows = await page.locator('[data-records] tr').allTextContents();
      expect(rows.every((r) => /已超期/.test(r))).toBe(true);
      expect(rows.some((r) => r.includes(overdueReceipt))).toBe(true);
      // A status count filters by status.
      await page.locator('[data-due-filter="overdue"]').click();
      await page.locator('[data-status-filter="已收到"]').click();
      await expect.poll(() => page.locator('#desk-f-status').inputValue(), POLL).toBe('已收到');
      await expect
        .poll(
          async () => (await page.locator('[data-records] tr').allTextContents()).every((r) => r.includes('已收到')),
          POLL,
        )
        .toBe(true);
      await ctx.close();
    },
    LONG,
  );

  it(
    'shows applicants’ names once the key is loaded, and finds by name or phone on the device',
    async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
      await signIn(page, baseURL, tokens.city);
      await page.locator('#desk-q').fill('陈大文');
      await page.locator('[data-search] button[type="submit"]').click();
      await expect.poll(() => active(page, '[data-list-error]'), POLL).toBe(true);
      expect(await page.locator('[data-list-error]').textContent()).toContain('要先在“私钥”一节载入私钥');
      await page.locator('#desk-keyfile').setInputFiles(keyFile);
      await find(page, legalAidReceipt);
      await expect.poll(() => page.locator(`[data-row="${legalAidReceipt}"]`).textContent(), POLL).toContain('陈大文');
      await page.locator('[data-search-clear]').click();
      // A page of mediation requests, newest first (the local database keeps earlier runs' records),
      // each name decrypted on the device.
      await page.locator('#desk-f-type').selectOption('mediation');
      await page.locator('#desk-f-sort').selectOption('newest');
      await page.getByRole('button', { name: '筛选', exact: true }).click();
      await expect.poll(() => page.locator(`[data-row="${mediationReceipt}"]`).textContent(), POLL).toContain('李小梅');
      // Name and phone are searched on this device: neither is ever sent.
      await page.locator('#desk-q').fill('李小梅');
      await page.locator('[data-search] button[type="submit"]').click();
      await expect
        .poll(() => page.locator('[data-records-caption]').textContent(), POLL)
        .toMatch(/本页查找“李小梅”找到 [1-9]\d* 份/);
      const found = await page.locator('[data-records] tr').allTextContents();
      expect(found.length).toBeGreaterThan(0);
      expect(
        found.every((r) => r.includes('李小梅')),
        found.join('\n'),
      ).toBe(true);
      await page.locator('#desk-q').fill('1391234');
      await page.locator('[data-search] button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-records]').textContent(), POLL).toContain(mediationReceipt);
      expect(
        requests.some((r) => r.includes('李小梅') || r.includes('1391234') || r.includes(encodeURIComponent('李小梅'))),
      ).toBe(false);
      await expectNoAxeViolations(page, '/staff/ names and search');
      await ctx.close();
    },
    LONG,
  );

  it(
    'asks before a final answer, showing what the applicant will see; then changes that row only',
    async () => {
      const receipt = await submit('/api/legal-aid', legalAidSelf());
      const ctx = await context();
      const page = await ctx.newPage();
      noDialogs(page);
      await signIn(page, baseURL, tokens.city);
      await page.locator('#desk-q').fill(receipt);
      await page.locator('[data-search] button[type="submit"]').click();
      await page.locator(`[data-open="${receipt}"]`).click();
      await expect.poll(() => active(page, '[data-record-title]'), POLL).toBe(true);
      await page.locator('[data-status-form] input[value="不予受理"]').check();
      await page.locator('#desk-note').fill('不属于法律援助的事项范围，可以向人民法院起诉。');
      await page.locator('[data-status-form] button[type="submit"]').click();
      await expect.poll(() => active(page, '[data-status-confirm]'), POLL).toBe(true);
      const preview = (await page.locator('[data-status-preview]').textContent())!;
      expect(preview).toContain('不予受理');
      expect(preview).toContain('不属于法律援助的事项范围');
      await expectNoAxeViolations(page, '/staff/ confirm a final answer');
      // Going back changes nothing.
      await page.locator('[data-status-confirm-no]').click();
      expect((await storedRecord(receipt)).status.current).toBe('已收到');
      await page.locator('[data-status-form] button[type="submit"]').click();
      // From here on, the list must not be fetched again: only the changed row is redrawn.
      await page
        .locator(`[data-row="${receipt}"]`)
        .evaluate((el) => el.closest('tbody')!.setAttribute('data-kept', ''));
      const lists: string[] = [];
      page.on('request', (r) => new URL(r.url()).pathname.endsWith('/api/staff/records') && lists.push(r.url()));
      await page.locator('[data-status-confirm-yes]').click();
      await expect.poll(() => active(page, '[data-status-done]'), POLL).toBe(true);
      expect((await storedRecord(receipt)).status.current).toBe('不予受理');
      expect(await page.locator(`[data-row="${receipt}"]`).textContent()).toContain('不予受理');
      // 已办结 asks too.
      await page.locator('[data-status-form] input[value="已办结"]').check();
      await page.locator('[data-status-form] button[type="submit"]').click();
      await expect.poll(() => active(page, '[data-status-confirm]'), POLL).toBe(true);
      await page.locator('[data-status-confirm-no]').click();
      // The list was not reloaded: no list request, the same table body, the row's new status in place.
      expect(lists).toEqual([]);
      expect(await page.locator('[data-records][data-kept]').count()).toBe(1);
      expect(await page.locator('[data-counts] [aria-pressed="true"]').count()).toBe(1);
      await ctx.close();
    },
    LONG,
  );

  it(
    'shows that an application was filled in on the 繁體 site',
    async () => {
      const receipt = await submit('/api/legal-aid', { ...legalAidSelf(), _lang: 'zh-Hant' });
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.city);
      await find(page, receipt);
      expect(await page.locator(`[data-row="${receipt}"] .desk-lang`).textContent()).toBe('繁體');
      await page.locator(`[data-open="${receipt}"]`).click();
      await expect.poll(() => page.locator('[data-record-body]').textContent(), POLL).toContain('填写用字繁體');
      await ctx.close();
    },
    LONG,
  );

  it(
    'says “已撤回，无需决定” for a withdrawn legal-aid application',
    async () => {
      const res = await fetch(`${baseURL}/api/legal-aid`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ...legalAidSelf(), _key: `e2e-withdraw-${Date.now()}-aaaaaaaa` }),
      });
      const { receipt, withdrawToken } = (await res.json()) as { receipt: string; withdrawToken: string };
      const out = await fetch(`${baseURL}/api/withdraw`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ receipt, token: withdrawToken }),
      });
      expect(out.status).toBe(200);
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.city);
      await find(page, receipt);
      const row = (await page.locator(`[data-row="${receipt}"]`).textContent())!;
      expect(row).toContain('已撤回，无需决定');
      expect(row).not.toContain('已作出决定');
      await ctx.close();
    },
    LONG,
  );

  it(
    'is axe clean signed out and signed in with a record open, in every display mode',
    async () => {
      // Each mode chosen in the staff bar, as staff do: one sign-in for all of them.
      const modes = [
        ...DISPLAY_MODES,
        ['high contrast, largest font', { contrast: 'high', font: 'xlarge' }],
      ] as const satisfies readonly (readonly [string, DisplayPrefs])[];
      const everyMode = async (page: Page, state: string) => {
        for (const [label, prefs] of modes) {
          await chooseDisplay(page, prefs);
          await expectNoAxeViolations(page, `/staff/ ${state} (${label})`);
        }
        await chooseDisplay(page, {});
      };
      const ctx = await context({});
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/staff/`);
      await page.waitForSelector('[data-desk]:not([hidden])');
      await everyMode(page, 'signed out');
      await signIn(page, baseURL, tokens.city);
      await loadKeyFile(page, keyFile);
      await find(page, mediationReceipt);
      await page.locator(`[data-open="${mediationReceipt}"]`).click();
      await expect.poll(() => page.locator('[data-record-body]').textContent(), POLL).toContain('李小梅');
      await page.locator('[data-search-clear]').click();
      await expect.poll(() => page.locator('[data-records] tr').count(), POLL).toBeGreaterThan(1);
      await everyMode(page, 'signed in');
      await ctx.close();
    },
    LONG,
  );

  it(
    'pages through the queue fifty at a time',
    async () => {
      // Sixty requests received one to three months ago (also what /stats/ below publishes).
      const now = new Date();
      const records = await syntheticRecords({
        count: 60,
        from: new Date(now.getTime() - 95 * 86_400_000),
        to: new Date(now.getTime() - 35 * 86_400_000),
        secret: DEV_SECRET,
        seed: 7,
      });
      for (const r of records) await e2eStore().createRecord(r);
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, baseURL, tokens.city);
      expect(await page.locator('[data-records] tr').count()).toBe(50);
      expect(await page.locator('[data-page-info]').textContent()).toMatch(/第 1 页/);
      const firstPage = await page
        .locator('[data-open]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-open')));
      await page.locator('[data-next-page]').click();
      await expect.poll(() => page.locator('[data-page-info]').textContent(), POLL).toMatch(/第 2 页/);
      const second = await page
        .locator('[data-open]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-open')));
      expect(second.some((r) => firstPage.includes(r))).toBe(false);
      await page.locator('[data-first-page]').click();
      await expect.poll(() => page.locator('[data-page-info]').textContent(), POLL).toMatch(/第 1 页/);
      await ctx.close();
    },
    LONG,
  );
});

describe('/stats/', () => {
  it(
    'works without JavaScript: table, chart with a text alternative, suppressed small counts; axe clean in every display mode',
    async () => {
      const ctx = await context({ js: false });
      const page = await ctx.newPage();
      const res = await page.goto(`${baseURL}/stats/`);
      expect(res!.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('办理情况统计');
      expect(await page.locator('table.stats-table caption').first().textContent()).toMatch(/法律援助申请：按月份/);
      expect(await page.locator('svg[role="img"] desc').first().textContent()).toMatch(/月/);
      expect(await page.locator('main').textContent()).toContain('<5');
      await page.locator('#stats-type').selectOption('mediation');
      await page.getByRole('button', { name: '查看' }).click();
      await page.waitForURL(/type=mediation/);
      expect(await page.locator('h2#stats-mediation').count()).toBe(1);
      expect(await page.locator('h2#stats-legal-aid').count()).toBe(0);
      await ctx.close();
      // axe needs scripts: the page the form led to, opened with them, each display mode chosen in the 菜单.
      // (The page as /stats/ first opens is checked in every mode by tests/e2e/reader.test.ts.)
      const jsCtx = await context();
      const copy = await jsCtx.newPage();
      await copy.goto(`${baseURL}/stats/?type=mediation`);
      expect(await copy.locator('h2#stats-mediation').count()).toBe(1);
      await expectNoAxeViolationsInEveryMode(copy, '/stats/?type=mediation');
      await jsCtx.close();
    },
    LONG,
  );

  it('reads the stored records without decrypting anything, and the applicant data stays sealed on disk', async () => {
    const rec = await storedRecord(legalAidReceipt);
    expect(JSON.stringify(rec)).not.toContain('陈大文');
    expect(await openStored(rec, keyFile)).toMatchObject({ name: '陈大文' });
  });
});
