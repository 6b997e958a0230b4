/**
 * Search under a base path: the site may be published as a channel of the city
 * portal at /sfj/. The site built with SITE_BASE=/sfj/ and indexed with the
 * same script as `npm run build` (once per run, by
 * tests/support/base-path-build.ts) is served under /sfj/ only, by the
 * project's static server with netlify.toml's headers, and searched: the
 * index, the everyday-words map and every result link must resolve under /sfj/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { basePathBuild } from '../support/base-path.ts';
import { launchBrowser, newContext } from './support/chromium.ts';
import { searchPage } from './support/search.ts';

const BASE = inject('basePathBuild').base;

let server: StaticServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  // A server that knows nothing outside /sfj/.
  server = await serveStatic((await basePathBuild()).dir, { base: BASE });
  origin = server.origin;
  browser = await launchBrowser();
}, 240_000); // the build may still be running

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`search under the base path ${BASE}`, () => {
  it('loads the index and the everyday-words map from /sfj/ and links every result under /sfj/', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    const siteURL = origin + BASE.replace(/\/$/, '');
    const { paths } = await searchPage(page, siteURL, '讨薪');
    expect(missing).toEqual([]);
    expect(paths).toContain('/services/legal-aid/');
    expect(await page.locator('[data-search-also]').textContent()).toContain('劳动报酬');
    const hrefs = await page
      .locator('.search-result a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(new URL(href).pathname.startsWith(BASE), href).toBe(true);
      expect((await fetch(href)).status, href).toBe(200);
    }
    // The search page's own box (it has no header search box) submits under the base path.
    expect(await page.locator('#search-q').evaluate((i) => (i as HTMLInputElement).form!.getAttribute('action'))).toBe(
      `${BASE}search/`,
    );
    await context.close();
  });
});
