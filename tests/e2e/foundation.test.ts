/**
 * The site shell in Chromium against the served build: the display settings,
 * keyboard access, small screens, printing, no-JavaScript use and security
 * headers. axe on these page types, in each display mode with the menu open:
 * reader.test.ts, which visits every page type.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';

const baseURL = inject('baseURL');
const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['plan', '/plan/'],
  ['services index', '/services/'],
  ['service guide', '/services/legal-aid/'],
  ['information-only service', '/services/community-correction/'],
  ['privacy', '/privacy/'],
  ['review list (for the bureau)', '/review/'],
  ['not found', '/no-such-page/'],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const contextWith = (display: DisplayPrefs, width = 390): Promise<BrowserContext> =>
  newContext(browser, { viewport: { width, height: 800 }, display });

/** A tab in a context with these display choices, shared by the tests of the enclosing describe block. */
const pageWith = (display: DisplayPrefs, width = 390) => sharedPage(() => contextWith(display, width));

describe('display settings', () => {
  it('remembers the font size across pages and meets the large-text size', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseURL + '/');
    await page.locator('summary.site-menu__toggle').click();
    await page.getByRole('button', { name: '特大' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '“三进”方案' }).click();
    await page.waitForURL('**/plan/');
    expect(await page.getAttribute('html', 'data-font')).toBe('xlarge');
    // In the closed 菜单 of the new page, still pressed.
    expect(await page.getByRole('button', { name: '特大', includeHidden: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const bodySize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize),
    );
    expect(bodySize).toBeGreaterThanOrEqual(20);
    await context.close();
  });

  it('switches high contrast on and off and remembers it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseURL + '/services/');
    await page.locator('summary.site-menu__toggle').click();
    const toggle = page.getByRole('button', { name: '高对比度' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.goto(baseURL + '/plan/');
    expect(await page.getAttribute('html', 'data-contrast')).toBe('high');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(0, 0, 0)');
    await page.locator('summary.site-menu__toggle').click();
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await page.getAttribute('html', 'data-contrast')).toBe('normal');
    await context.close();
  });
});

describe('keyboard', () => {
  // Each test loads its page afresh (focus starts at the top): one tab for both.
  const tab = sharedPage(() => newContext(browser));
  it('reaches the main content through the skip link', async () => {
    const page = tab();
    await page.goto(baseURL + '/services/legal-aid/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(first).toEqual({ text: '跳到正文', href: '#main' });
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(inMain).toBe(true);
  });

  it('opens a cited article with the keyboard', async () => {
    const page = tab();
    await page.goto(baseURL + '/services/legal-aid/');
    const summary = page.locator('.law-article summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.law-article').first().getAttribute('open')).not.toBeNull();
  });
});

describe('small screens', () => {
  const tabs = [{}, { font: 'xlarge' }].map((prefs) => ({ prefs, tab: pageWith(prefs, 320) }));
  it.each(PAGE_TYPES)('%s fits 320 px without horizontal scrolling, even at the largest font', async (_name, path) => {
    for (const { prefs, tab } of tabs) {
      const page = tab();
      await page.goto(baseURL + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} ${JSON.stringify(prefs)}`).toBeLessThanOrEqual(0);
    }
  });
});

describe('without JavaScript', () => {
  it('shows content pages completely and hides controls that need scripts', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page: Page = await context.newPage();
    await page.goto(baseURL + '/plan/');
    expect(await page.locator('h1').textContent()).toContain('“三进”实施方案');
    expect(await page.locator('#legal-aid').count()).toBe(1);
    expect(await page.locator('[data-display-settings]').isVisible()).toBe(false);
    await page.locator('#law-changes ~ div details summary, #law-changes + p + div details summary').first().click();
    expect(await page.locator('details[open]').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('page scripts after the first paint', () => {
  const page = pageWith({});
  it.each(['/apply/status/', '/search/', '/consult/'])(
    '%s asks for none of its script files before its first paint, then all of them, and runs them',
    async (path) => {
      await page().goto(baseURL + path); // waits for html[data-page-scripts] (support/chromium.ts)
      const seen = await page().evaluate(() => {
        const loader = document.querySelector('script[data-page-scripts]');
        const named = ['data-page-scripts', 'data-preload'].flatMap((a) => loader?.getAttribute(a)?.split(' ') ?? []);
        return {
          state: document.documentElement.dataset.pageScripts,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          named,
          scripts: performance
            .getEntriesByType('resource')
            .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime }))
            .filter((r) => r.path.endsWith('.js')),
        };
      });
      expect(seen.state).toBe('ready');
      expect(seen.paint).toBeGreaterThan(0);
      expect(seen.named.length).toBeGreaterThanOrEqual(4);
      // Every named file was fetched (the lazily imported ones may follow), none before the paint.
      expect(seen.named.filter((f) => !seen.scripts.some((s) => s.path === f))).toEqual([]);
      expect(
        seen.scripts.filter((s) => s.start < seen.paint!),
        `first paint ${seen.paint}`,
      ).toEqual([]);
    },
  );
});

describe('page furniture', () => {
  it('shows a QR code of the page URL and the bureau contact in the footer', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseURL + '/services/notary/');
    const title = await page.locator('.qr svg title').textContent();
    expect(title).toMatch(/\/services\/notary\/$/);
    const footer = await page.locator('footer').textContent();
    for (const s of ['0750-5524538', 'ts686@126.com', '12348']) expect(footer).toContain(s);
    expect(await page.locator('footer a', { hasText: '隐私与使用条款' }).count()).toBe(1);
    await context.close();
  });

  it('prints the content under a masthead with the QR code, without header, navigation or the footer’s contact', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseURL + '/plan/');
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-header', '.site-footer__contact', '.breadcrumbs']) {
      expect(await page.locator(sel).isVisible(), sel).toBe(false);
    }
    for (const sel of ['.print-masthead', '.site-footer .qr svg', 'main h1']) {
      expect(await page.locator(sel).isVisible(), sel).toBe(true);
    }
    await context.close();
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the other security headers', async () => {
    const res = await fetch(baseURL + '/plan/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('permissions-policy')).toBeTruthy();
  });
});
