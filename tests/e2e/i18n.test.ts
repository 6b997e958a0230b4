/**
 * The 繁體中文 copy (/zh-hant/) and the English pages (/en/) in Chromium,
 * against the real build and functions (netlify dev): axe on every page type
 * in the three display modes, the language switch landing on the same page,
 * both forms completed in 繁體 with and without JavaScript (the record keeps
 * the language), an overseas phone number accepted and the status found
 * with it typed another way, and no simplified-only character in what the
 * pages and their scripts write.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolationsInEveryMode } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';
import { leftovers, simplifiedOnlyCharacters } from '../../src/lib/i18n/check.ts';
import { exceptionEntries, readExceptions } from '../../src/lib/i18n/exceptions.ts';
import { openccDictionary } from '../../src/lib/i18n/opencc.ts';
import { hasZhHant, zhHantPath } from '../../src/lib/i18n/paths.ts';
import { makeId } from '../fixtures/applications.ts';
import { PAGE_TYPES } from '../../scripts/lib/page-weight.ts';
import { storedRecord } from './support/database.ts';
import { openStored } from './support/keys.ts';

const baseURL = inject('baseURL');
const projectRoot = inject('projectRoot');
const keyFile = inject('staffKeyFile');
const POLL = { timeout: 30_000, interval: 250 };
const LONG = 300_000;

/** One example of every page type that has a 繁體 copy, the copy's not-found page, and the English pages. */
const HANT_PAGES = [
  ...PAGE_TYPES.filter((t) => hasZhHant(t.example) && !t.example.startsWith('/stats/')).map((t) =>
    zhHantPath(t.example),
  ),
  '/zh-hant/no-such-page/',
];
const EN_PAGES = ['/en/', ...PAGE_TYPES.filter((t) => t.example.startsWith('/en/')).map((t) => t.example)];

const simplifiedOnly = simplifiedOnlyCharacters(openccDictionary(exceptionEntries(readExceptions(projectRoot))));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const context = (js: boolean, display: DisplayPrefs = {}): Promise<BrowserContext> =>
  newContext(browser, { javaScriptEnabled: js, display });

/** Simplified-only characters in the page's main text (what the reader reads, typed values included). */
async function simplifiedLeft(page: Page): Promise<string[]> {
  return leftovers([(await page.locator('main').innerText()) + (await page.title())], simplifiedOnly);
}

describe('axe on the 繁體 and English pages', () => {
  // One tab; each page loaded once, each display mode chosen on it in the menu, whose labels are the page's language.
  const tab = sharedPage(() => newContext(browser));
  it.each([...HANT_PAGES, ...EN_PAGES])('%s has no violations in any display mode', async (path) => {
    const page = tab();
    const res = await page.goto(baseURL + path);
    if (path.includes('no-such-page')) expect(res?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe(path.startsWith('/en/') ? 'en' : 'zh-Hant');
    await expectNoAxeViolationsInEveryMode(page, path);
  });
});

/** The print masthead as printed (print media), then back to the screen. */
async function printedMasthead(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('.print-masthead').innerText();
  await page.emulateMedia({ media: 'screen' });
  return text;
}

describe('the language switch', () => {
  it('lands on the same page in the other script and in English, and back', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    const go = async (label: string, to: string) => {
      // On a phone the switch is the first item of 菜单 (Menu).
      const menu = page.locator('summary.site-menu__toggle');
      if (await menu.isVisible()) await menu.click();
      await page.locator('nav.language-switch').getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(baseURL + to);
    };
    await page.goto(`${baseURL}/services/notary/`);
    await go('繁體中文', '/zh-hant/services/notary/');
    expect(await page.locator('h1').textContent()).toContain('公證');
    expect(await printedMasthead(page)).toMatch(/打印時間：\d{4}年/);
    await go('English', '/en/notarisation/');
    // Printed, an English page says who published it in both languages, in English words.
    const masthead = await printedMasthead(page);
    expect(masthead).toContain('Taishan Justice Bureau (台山市司法局)');
    expect(masthead).toMatch(/Web address: \S+\/en\/notarisation\//);
    expect(masthead).toMatch(/Printed: \d{1,2} \w+ \d{4}/);
    await go('繁體中文', '/zh-hant/services/notary/');
    await go('简体中文', '/services/notary/');
    // The check used on the forms below can fail: a 简体 page is full of such characters.
    expect((await simplifiedLeft(page)).length).toBeGreaterThan(10);
    await page.goto(`${baseURL}/cases/unpaid-wages-contractor-fled/`);
    await go('繁體中文', '/zh-hant/cases/unpaid-wages-contractor-fled/');
    await go('简体中文', '/cases/unpaid-wages-contractor-fled/');
    await ctx.close();
  });
});

describe('the forms in 繁體', () => {
  it(
    'mediation without JavaScript, with a US phone number: check, receipt, record in zh-Hant, status found with the number typed another way',
    async () => {
      const ctx = await context(false);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/zh-hant/apply/mediation/form/`);
      await page.locator('#f-name').fill('李小梅');
      await page.locator('#f-phone').fill('+1 415 555 0123');
      await page.locator('#f-town').selectOption('duhu');
      await page.locator('#f-otherName').fill('隔壁的陳伯');
      await page.locator('input[name="otherWilling"][value="unknown"]').check();
      await page.locator('input[name="disputeType"][value="neighbour"]').check();
      await page.locator('#f-disputeTown').selectOption('duhu');
      await page.locator('#f-facts').fill('隔壁新建房屋把排水溝改到我家門口，下雨時水都流進我家院子裡。');
      await page.locator('#f-request').fill('希望改回原來的位置');
      await page.locator('input[name="proceedings"][value="none"]').check();
      await page.locator('input[name="mediator"][value="assign"]').check();
      await page.locator('input[name="publicity"][value="private"]').check();
      await page.locator('input[name="contactTime"][value="any"]').check();
      await page.locator('#f-pledgeVoluntary').check();
      await page.locator('form.apply-form button[type="submit"]').click();
      await expect.poll(() => page.title(), POLL).toMatch(/^核對人民調解申請/);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
      expect(await page.locator('main').textContent()).toContain('+14155550123');
      expect(await simplifiedLeft(page)).toEqual([]);
      await page.locator('button[name="_step"][value="submit"]').click();
      await page.waitForURL(/\/zh-hant\/apply\/mediation\/done\/\?receipt=TJ-/);
      const receipt = (await page.locator('[data-receipt]').textContent())!;
      expect(await simplifiedLeft(page)).toEqual([]);

      const rec = await storedRecord(receipt);
      expect(rec.meta.lang).toBe('zh-Hant');
      expect(await openStored(rec, keyFile)).toMatchObject({ phone: '+14155550123' });

      await page.goto(`${baseURL}/zh-hant/apply/status/`);
      await page.locator('#f-receipt').fill(receipt);
      await page.locator('#f-phone').fill('001 (415) 555-0123');
      await page.locator('form[data-status-form] button[type="submit"]').click();
      await page.waitForURL('**/api/status');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
      expect(await page.locator('.status-tag').textContent()).toBe('已收到');
      expect(await simplifiedLeft(page)).toEqual([]);
      await ctx.close();
    },
    LONG,
  );

  it(
    'legal aid with JavaScript, with a Hong Kong number: errors, check step and receipt written in 繁體, record in zh-Hant, status found in the page',
    async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/zh-hant/apply/legal-aid/form/`);
      // The empty form: the script's error summary, in 繁體.
      await page.locator('form[data-apply-form] button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-error-summary] li').count(), POLL).toBeGreaterThan(5);
      expect(await page.title()).toMatch(/^錯誤：/);
      expect(await simplifiedLeft(page)).toEqual([]);

      await page.locator('input[name="forWhom"][value="self"]').check();
      await page.locator('#f-name').fill('陳大文');
      await page.locator('#f-idNumber').fill(makeId('19650412', '248'));
      await page.locator('#f-phone').fill('+852 9123 4567');
      await page.locator('#f-town').selectOption('taicheng');
      await page.locator('#f-address').fill('台城街道某某路12號');
      await page.locator('input[name="matterType"][value="labour"]').check();
      await page.locator('#f-opponent').fill('姓王的包工頭');
      await page.locator('input[name="stage"][value="none"]').check();
      await page.locator('#f-facts').fill('我在工地幹了三個月，老闆一直拖欠工資，一共一萬二千元。');
      await page.locator('input[name="exemptions"][value="migrant-worker"]').check();
      await page.locator('#f-pledgeTruth').check();
      await page.locator('#f-pledgeVerify').check();
      await page.locator('input[name="contactTime"][value="any"]').check();
      await page.locator('form[data-apply-form] button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-step-view]').isVisible(), POLL).toBe(true);
      expect(await page.locator('[data-step-view]').textContent()).toContain('+85291234567');
      expect(await page.title()).toMatch(/核對/);
      expect(await simplifiedLeft(page)).toEqual([]);

      await page.locator('[data-confirm]').click();
      await page.waitForSelector('[data-receipt]', POLL);
      const receipt = (await page.locator('[data-receipt]').textContent())!;
      expect(receipt).toMatch(/^FY-/);
      expect(await simplifiedLeft(page)).toEqual([]);
      const rec = await storedRecord(receipt);
      expect(rec.meta.lang).toBe('zh-Hant');
      expect(await openStored(rec, keyFile)).toMatchObject({ phone: '+85291234567' });

      await page.goto(`${baseURL}/zh-hant/apply/status/`);
      await page.locator('#f-receipt').fill(receipt);
      await page.locator('#f-phone').fill('(852) 9123-4567');
      await page.locator('form[data-status-form] button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-status-answer]').textContent(), POLL).toContain('已收到');
      expect(page.url()).toBe(`${baseURL}/zh-hant/apply/status/`);
      expect(await simplifiedLeft(page)).toEqual([]);
      await ctx.close();
    },
    LONG,
  );
});
