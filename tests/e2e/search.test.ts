/**
 * The search page in Chromium against the served build (netlify dev, so with
 * the site's real Content-Security-Policy): the header box, results with
 * highlighted excerpts, everyday words, filters, deep links and the address
 * bar, no results, keyboard use, no JavaScript, accessibility in every display
 * mode, and pagefind's WebAssembly running under the CSP (no worker: the
 * page runs pagefind on the main thread, see search.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage } from './support/chromium.ts';
import { readResults, searchPage } from './support/search.ts';
import { htmlFiles } from '../support/dist.ts';

const baseURL = inject('baseURL');
const root = inject('projectRoot');
const CATEGORY_LINKS = ['/services/', '/cases/', '/directory/', '/plan/'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  options: { prefs?: { font?: string; contrast?: string }; width?: number; js?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, {
    viewport: { width: options.width ?? 390, height: 844 },
    javaScriptEnabled: options.js ?? true,
    display: options.prefs,
  });
  return { context, page: await context.newPage() };
}

/** Filter keys that some built page actually has (the page offers only those). */
function facetKeysInBuild(): Set<string> {
  const keys = new Set<string>();
  for (const f of htmlFiles(join(root, 'dist'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/data-pagefind-filter="([^":]+):/g)) keys.add(m[1]!);
  }
  return keys;
}

/**
 * The tests up to “no results” only search and read, each loading its own
 * page: one tab for all of them. Those that route requests, listen for
 * events, change the viewport or turn JavaScript off open their own context.
 */
const tab = sharedPage(() => newContext(browser, { viewport: { width: 390, height: 844 } }));

describe('header search box', () => {
  it('submits to /search/?q=… and the search page shows the results', async () => {
    const page = tab();
    await page.goto(baseURL + '/services/');
    await page.locator('summary.site-menu__toggle').click();
    await page.locator('#header-search-q').fill('公证');
    await page.locator('#header-search-q').press('Enter');
    await page.waitForURL('**/search/?q=*');
    expect(new URL(page.url()).searchParams.get('q')).toBe('公证');
    const { paths, status } = await readResults(page, baseURL, '公证');
    expect(paths).toContain('/services/notary/');
    expect(status).toMatch(/^找到约? \d+ 条与“公证”有关的结果/);
    expect(await page.locator('#search-q').inputValue()).toBe('公证');
  });
});

describe('results', () => {
  it('show titles, types and excerpts with the matched words highlighted, and no other markup', async () => {
    const page = tab();
    const { paths } = await searchPage(page, baseURL, '法律援助');
    expect(paths[0]).toBe('/services/legal-aid/');
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__meta').textContent()).toContain('服务指南');
    const marks = await page.locator('.search-result__excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /法律|援助/.test(m))).toBe(true);
    const tags = await page
      .locator('.search-result__excerpt')
      .evaluateAll((ps) => [...new Set(ps.flatMap((p) => [...p.querySelectorAll('*')].map((e) => e.tagName)))]);
    expect(tags).toEqual(['MARK']);
  });

  it('announce the outcome in a polite live region', async () => {
    const page = tab();
    await searchPage(page, baseURL, '调解');
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/^找到约? \d+ 条与“调解”有关的结果/);
  });

  it('search everyday words too, and say so', async () => {
    const page = tab();
    const { paths } = await searchPage(page, baseURL, '讨薪');
    expect(await page.locator('[data-search-also]').textContent()).toBe('也搜索了：拖欠工资、劳动报酬');
    expect(paths).toContain('/services/legal-aid/');
  });

  it('search the content words of a question', async () => {
    const page = tab();
    const { paths } = await searchPage(page, baseURL, '怎么申请法律援助');
    // 怎么 and 申请 are not required on the page: the guide and the
    // application page lead, whichever pagefind scores higher.
    expect(paths.slice(0, 2).sort()).toEqual(['/apply/legal-aid/', '/services/legal-aid/']);
  });

  it('leave out pages pagefind matched only by a fragment of an unknown word (pagefind #1237 fallback)', async () => {
    const page = tab();
    // No page says 出差; pagefind alone returns pages with 出国, 出具 … (matched by 出).
    const { paths, state } = await searchPage(page, baseURL, '出差');
    expect(paths).toEqual([]);
    expect(state).toBe('empty');
  });
});

describe('filters', () => {
  it('offers only the filters that have values', async () => {
    const page = tab();
    await searchPage(page, baseURL, '法律援助');
    const offered = await page
      .locator('[data-search-filters] select')
      .evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).dataset.facet));
    const inBuild = facetKeysInBuild();
    expect(offered).toEqual(['类型', '工作条线', '对象', '镇街'].filter((k) => inBuild.has(k)));
    expect(offered).toContain('类型');
  });

  it('narrows the results and keeps the choice in the address', async () => {
    const page = tab();
    const all = await searchPage(page, baseURL, '法律援助');
    await page.locator('[data-facet="类型"]').selectOption('方案');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === '方案');
    const filtered = await readResults(page, baseURL, '法律援助');
    expect(filtered.paths).toEqual(['/plan/']);
    expect(all.paths.length).toBeGreaterThan(1);
    expect(filtered.status).toContain('已筛选：方案');
  });

  it('are restored from a deep link', async () => {
    const page = tab();
    const { paths } = await searchPage(
      page,
      baseURL,
      '调解',
      '&type=' + encodeURIComponent('服务指南') + '&audience=' + encodeURIComponent('企业'),
    );
    expect(await page.locator('[data-facet="类型"]').inputValue()).toBe('服务指南');
    expect(await page.locator('[data-facet="对象"]').inputValue()).toBe('企业');
    expect(paths.length).toBeGreaterThan(0);
    for (const meta of await page.locator('.search-result__meta').allTextContents()) expect(meta).toMatch(/^服务指南/);
  });
});

describe('the address bar', () => {
  it('follows the query as it is typed, without adding history entries', async () => {
    const page = tab();
    await page.goto(baseURL + '/search/');
    const before = await page.evaluate(() => history.length);
    await page.locator('#search-q').pressSequentially('公证', { delay: 30 });
    await readResults(page, baseURL, '公证');
    expect(new URL(page.url()).searchParams.get('q')).toBe('公证');
    expect(await page.title()).toContain('“公证”的搜索结果');
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.locator('#search-q').fill('');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    expect(await page.locator('.search-result').count()).toBe(0);
  });
});

describe('no results', () => {
  it('says so helpfully and links to the categories', async () => {
    const page = tab();
    const { paths, status, state } = await searchPage(page, baseURL, '魑魅魍魉');
    expect(paths).toEqual([]);
    expect(state).toBe('empty');
    expect(status).toContain('没有找到与“魑魅魍魉”有关的内容');
    const empty = page.locator('[data-search-empty]');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.locator('.notice__title').textContent()).toContain('魑魅魍魉');
    const links = await empty
      .locator('a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of CATEGORY_LINKS) expect(links).toContain(path);
  });
});

describe('when the index cannot be loaded', () => {
  it('says so and points to the categories and 12348', async () => {
    const { context, page } = await open();
    await context.route('**/pagefind/**', (route) => route.abort());
    const { paths, state, status } = await searchPage(page, baseURL, '公证');
    expect(paths).toEqual([]);
    expect(state).toBe('error');
    expect(status).toContain('搜索暂时无法使用');
    expect(await page.locator('[data-search-error]').isVisible()).toBe(true);
    expect(await page.locator('.search-browse a').count()).toBe(CATEGORY_LINKS.length);
    await context.close();
  });
});

describe('keyboard', () => {
  it('types a query, reaches the filters and the results with Tab, and opens a result with Enter', async () => {
    const { context, page } = await open({ width: 1024 });
    await page.goto(baseURL + '/search/');
    await page.locator('#search-q').focus();
    await page.keyboard.type('社区矫正');
    await page.keyboard.press('Enter');
    await readResults(page, baseURL, '社区矫正');
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement!;
        return {
          tag: a.tagName,
          facet: (a as HTMLElement).dataset.facet ?? '',
          inResults: !!a.closest('[data-search-results]'),
          outline: getComputedStyle(a).outlineStyle,
        };
      });
      expect(el.outline, 'focus must be visible').not.toBe('none');
      reached.push(el.inResults ? 'result' : el.tag === 'SELECT' ? `select:${el.facet}` : el.tag);
      if (el.inResults) break;
    }
    expect(reached).toContain('select:类型');
    expect(reached.at(-1)).toBe('result');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('Enter');
    await page.waitForURL(target);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('the form still submits and the page explains how to browse by category', async () => {
    const { context, page } = await open({ js: false });
    await page.goto(baseURL + '/plan/');
    await page.locator('summary.site-menu__toggle').click();
    await page.locator('#header-search-q').fill('讨薪');
    await page.locator('#header-search-q').press('Enter');
    await page.waitForURL('**/search/?q=*');
    expect(new URL(page.url()).searchParams.get('q')).toBe('讨薪');
    expect(await page.locator('[data-search-app]').isVisible()).toBe(false);
    const notice = page.locator('noscript .notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('搜索需要浏览器开启 JavaScript');
    const browse = page.locator('.search-browse');
    expect(await browse.isVisible()).toBe(true);
    const links = await browse
      .locator('a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(CATEGORY_LINKS);
    // The page's own form submits too.
    await page.locator('#search-q').fill('公证');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === '公证');
    await context.close();
  });
});

describe('accessibility of the search page with results shown', () => {
  it.each([
    ['normal', {}],
    ['high contrast', { contrast: 'high' }],
    ['largest font', { font: 'xlarge' }],
  ] as const)('has no axe violations (%s)', async (mode, prefs) => {
    const { context, page } = await open({ prefs });
    await searchPage(page, baseURL, '讨薪');
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, `/search/?q=讨薪 (${mode})`);
    await searchPage(page, baseURL, '魑魅魍魉');
    await expectNoAxeViolations(page, `/search/ no results (${mode})`);
    await context.close();
  });

  it('fits 320 px at the largest font without horizontal scrolling', async () => {
    const { context, page } = await open({ prefs: { font: 'xlarge' }, width: 320 });
    await searchPage(page, baseURL, '法律援助');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('under the site’s Content-Security-Policy', () => {
  it('runs pagefind (module script and WebAssembly) with no CSP violation', async () => {
    const res = await fetch(baseURL + '/search/');
    expect(res.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");

    const { context, page } = await open();
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /Content Security Policy|falling back to main thread/i.test(m.text()))
        problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const wasm: string[] = [];
    context.on('response', (r) => {
      if (r.url().includes('/pagefind/wasm.')) wasm.push(r.url());
    });
    const { paths } = await searchPage(page, baseURL, '人民调解');
    expect(paths.length).toBeGreaterThan(0);
    expect(wasm.length, 'pagefind 的 WebAssembly 已下载').toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
