/**
 * 以案说法 in Chromium against the served build: filters and pagination as
 * plain links (also without JavaScript), cited articles that open without
 * JavaScript, inline citations that open the right article, accessibility in
 * every display mode, small screens, and the RSS feed and sitemap as XML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { itHasNoAxeViolationsUnfolded } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';

const baseURL = inject('baseURL');
const projectRoot = inject('projectRoot');

// The published articles, newest first (same order rule as src/lib/cases.ts).
const articles = readdirSync(join(projectRoot, 'content', 'cases'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({
    slug: f.replace(/\.md$/, ''),
    data: splitFrontmatter(readFileSync(join(projectRoot, 'content', 'cases', f), 'utf8')).data,
  }))
  .filter((a) => a.data.draft !== true)
  .map((a) => ({
    slug: a.slug,
    title: String(a.data.title),
    published: new Date(String(a.data.published)),
    audiences: a.data.audiences as string[],
  }))
  .sort(
    (a, b) =>
      b.published.getTime() - a.published.getTime() ||
      a.title.localeCompare(b.title, 'zh-CN') ||
      a.slug.localeCompare(b.slug),
  );
const ARTICLE = '/cases/unpaid-wages-contractor-fled/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const contextWith = (
  display: DisplayPrefs,
  options: { width?: number; javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> =>
  newContext(browser, {
    viewport: { width: options.width ?? 390, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    display,
  });

/** The tests without JavaScript only follow links: one tab for all of them. */
const noJsTab = sharedPage(() => contextWith({}, { javaScriptEnabled: false }));

const listTitles = (page: Page) => page.locator('.case-list__title').allInnerTexts();

describe('filters (without JavaScript)', () => {
  it('filters by audience, topic and service through plain links, each page showing its count', async () => {
    const page = noJsTab();
    await page.goto(baseURL + '/cases/');
    const filters = page.getByRole('navigation', { name: '分类查找' });

    const school = articles.filter((a) => a.audiences.includes('学校'));
    await filters.getByRole('link', { name: new RegExp(`^学校（${school.length}\\s*篇\\s*）$`) }).click();
    await page.waitForURL('**/cases/audience/school/');
    expect(await page.locator('h1').innerText()).toBe('学校以案说法');
    expect(await page.locator('.case-count').innerText()).toContain(`共有 ${school.length} 篇文章`);
    expect(await listTitles(page)).toEqual(school.map((a) => a.title));
    expect(await filters.getByRole('link', { name: /^学校/ }).getAttribute('aria-current')).toBe('page');

    await filters.getByRole('link', { name: /^拖欠工资（/ }).click();
    await page.waitForURL('**/cases/topic/wages/');
    expect(await page.locator('h1').innerText()).toBe('以案说法：拖欠工资');
    expect((await listTitles(page)).length).toBeGreaterThan(0);

    await filters.getByRole('link', { name: /^法律援助（/ }).click();
    await page.waitForURL('**/cases/line/legal-aid/');
    expect(await page.locator('.case-count').innerText()).toMatch(/“法律援助”类共有 \d+ 篇文章/);

    await filters.getByRole('link', { name: /^全部文章/ }).click();
    await page.waitForURL(/\/cases\/$/);
  });

  it('shows an honest empty state for a topic without articles', async () => {
    const page = noJsTab();
    const res = await page.goto(baseURL + '/cases/topic/consumer/');
    expect(res?.status()).toBe(200);
    expect(await page.locator('main').innerText()).toContain('这一类暂时还没有文章');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
  });
});

describe('pagination', () => {
  it('shows 10 articles a page, newest first, with an accessible page navigation', async () => {
    const page = noJsTab();
    await page.goto(baseURL + '/cases/');
    expect(await listTitles(page)).toEqual(articles.slice(0, 10).map((a) => a.title));
    const nav = page.getByRole('navigation', { name: '分页' });
    expect(await nav.getByRole('link', { name: '第 1 页' }).getAttribute('aria-current')).toBe('page');
    await nav.getByRole('link', { name: '下一页' }).click();
    await page.waitForURL('**/cases/page/2/');
    expect(await listTitles(page)).toEqual(articles.slice(10, 20).map((a) => a.title));
    expect(await page.locator('h1').innerText()).toBe('以案说法（第2页）');
    const nav2 = page.getByRole('navigation', { name: '分页' });
    expect(await nav2.getByRole('link', { name: '第 2 页' }).getAttribute('aria-current')).toBe('page');
    expect(await nav2.getByRole('link', { name: '下一页' }).count()).toBe(articles.length > 20 ? 1 : 0);
    await nav2.getByRole('link', { name: '上一页' }).click();
    await page.waitForURL(/\/cases\/$/);
  });
});

describe('cited articles (without JavaScript)', () => {
  it('expands a cited article in the 法条 section', async () => {
    const page = noJsTab();
    await page.goto(baseURL + ARTICLE);
    const first = page.locator('#cited-laws ~ .law-list details.law-article').first();
    expect(await first.getAttribute('open')).toBeNull();
    expect(await first.locator('.law-article__body').isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.getAttribute('open')).not.toBeNull();
    expect(await first.locator('.law-article__body p').first().isVisible()).toBe(true);
  });

  it('opens the right article when an inline citation in the text is followed', async () => {
    const page = noJsTab();
    await page.goto(baseURL + ARTICLE);
    const link = page.locator('.case__body a[href^="#law-"]', { hasText: '第四十三条' }).first();
    const anchor = (await link.getAttribute('href'))!.slice(1);
    expect(anchor).toBe('law-legal-aid-law-43');
    const target = page.locator('details.law-article', { has: page.locator(`#${anchor}`) });
    expect(await target.getAttribute('open')).toBeNull();
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${anchor}`);
    await expect.poll(() => target.getAttribute('open')).not.toBeNull();
    expect(await target.locator('summary').innerText()).toContain('《中华人民共和国法律援助法》第四十三条');
    expect(await target.locator('.law-article__body').innerText()).toContain('七日内');
    expect(await target.isVisible()).toBe(true);
    const box = await target.boundingBox();
    expect(box!.y).toBeLessThan(800);
  });

  it('follows an inline citation with the keyboard', async () => {
    const context = await contextWith({});
    const page = await context.newPage();
    await page.goto(baseURL + ARTICLE);
    const link = page.locator('.case__body a[href^="#law-"]').first();
    const anchor = (await link.getAttribute('href'))!.slice(1);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('details.law-article', { has: page.locator(`#${anchor}`) }).getAttribute('open'))
      .not.toBeNull();
    await context.close();
  });
});

const PAGES: [string, string][] = [
  ['list', '/cases/'],
  ['list page 2', '/cases/page/2/'],
  ['audience filter', '/cases/audience/village/'],
  ['topic filter', '/cases/topic/campus-safety/'],
  ['empty topic', '/cases/topic/consumer/'],
  ['work-line filter', '/cases/line/mediation/'],
  ['article', ARTICLE],
];

/** Pages of PAGES that reader.test.ts checks with axe in every mode already. */
const READER_CHECKS = ['/cases/', '/cases/topic/campus-safety/'];

describe('axe in each display mode', () => {
  // The list and a topic filter are checked by reader.test.ts with every page type (their only
  // folded content is the menu, which it opens); the article here, with its statutes unfolded.
  itHasNoAxeViolationsUnfolded(
    PAGES.filter(([, path]) => !READER_CHECKS.includes(path)),
    sharedPage(() => contextWith({})),
    baseURL,
  );
});

describe('small screens', () => {
  const tab = sharedPage(() => contextWith({ font: 'xlarge' }, { width: 320 }));
  it.each(PAGES)('%s (%s) fits 320 px at the largest font', async (_name, path) => {
    const page = tab();
    await page.goto(baseURL + path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('feeds', () => {
  // A page only for the browser's XML parser: one tab for both tests.
  const tab = sharedPage(() => newContext(browser));
  /** Parses XML with the browser's strict XML parser; a parse error fails the test. */
  async function parseXml(page: Page, url: string): Promise<{ ok: boolean; error?: string }> {
    const text = await (await fetch(url)).text();
    return page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      const err = doc.querySelector('parsererror');
      return err ? { ok: false, error: err.textContent ?? '' } : { ok: true };
    }, text);
  }

  it('RSS: well-formed XML, every published article newest first, absolute links', async () => {
    const page = tab();
    await page.goto(baseURL + '/cases/');
    const res = await fetch(baseURL + '/cases/rss.xml');
    expect(res.headers.get('content-type')).toMatch(/xml/);
    expect(await parseXml(page, baseURL + '/cases/rss.xml')).toEqual({ ok: true });
    const text = await res.text();
    const items = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      return [...doc.querySelectorAll('channel > item')].map((i) => ({
        title: i.querySelector('title')?.textContent,
        link: i.querySelector('link')?.textContent,
        pubDate: i.querySelector('pubDate')?.textContent,
        description: i.querySelector('description')?.textContent,
      }));
    }, text);
    expect(items.map((i) => i.title)).toEqual(articles.map((a) => a.title));
    const dates = items.map((i) => Date.parse(i.pubDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const [i, item] of items.entries()) {
      const url = new URL(item.link!); // throws unless absolute
      expect(url.protocol).toMatch(/^https?:$/);
      expect(url.pathname).toBe(`/cases/${articles[i]!.slug}/`);
      expect(item.description!.length).toBeGreaterThanOrEqual(30);
    }
  });

  it('sitemap: well-formed XML listing every case page, and no /admin/', async () => {
    const page = tab();
    await page.goto(baseURL + '/cases/');
    expect(await parseXml(page, baseURL + '/sitemap-index.xml')).toEqual({ ok: true });
    const index = await (await fetch(baseURL + '/sitemap-index.xml')).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const path of sitemaps) {
      expect(await parseXml(page, baseURL + path)).toEqual({ ok: true });
      const xml = await (await fetch(baseURL + path)).text();
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    }
    for (const a of articles) expect(locs).toContain(`/cases/${a.slug}/`);
    expect(locs).toContain('/cases/audience/village/');
    expect(locs.some((l) => l.startsWith('/admin/'))).toBe(false);
    const robots = await (await fetch(baseURL + '/robots.txt')).text();
    expect(robots).toContain('Sitemap:');
  });
});
