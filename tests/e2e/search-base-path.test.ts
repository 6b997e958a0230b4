/**
 * Search under a base path: the site may be published as a channel of the city
 * portal at /sfj/. Builds the site with SITE_BASE=/sfj/ (into dist-search-base/,
 * its own folder so it never races the link checker's dist-base/), indexes it
 * with the same script as `npm run build`, serves it under /sfj/ only, and
 * searches: the index, the everyday-words map and every result link must
 * resolve under /sfj/.
 */
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/chromium.ts';
import { searchPage } from './support/search.ts';
import { projectRoot } from '../support/dist.ts';

const BASE = '/sfj/';
const out = join(projectRoot, 'dist-search-base');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.pagefind': 'application/wasm',
};

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  // Vitest sets BASE_URL=/ in its workers, and Astro lets that variable override
  // the configured base: drop it so SITE_BASE takes effect.
  const { BASE_URL: _viteBase, ...inherited } = process.env;
  const env = { ...inherited, SITE_BASE: BASE, ASTRO_OUT_DIR: './dist-search-base', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const [cmd, args] of [
    ['astro', ['build']],
    ['node', ['scripts/build-search-index.ts', 'dist-search-base']],
  ] as const) {
    const r = spawnSync(cmd, args, { cwd: projectRoot, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`带基础路径的构建失败（${cmd}）：\n${r.stdout}\n${r.stderr}`);
  }
  // A plain static server that knows nothing outside /sfj/.
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE)) return void res.writeHead(404).end();
    let file = join(out, path.slice(BASE.length));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (!process.env.KEEP) rmSync(out, { recursive: true, force: true });
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
    expect(
      await page.locator('#header-search-q').evaluate((i) => (i as HTMLInputElement).form!.getAttribute('action')),
    ).toBe(`${BASE}search/`);
    await context.close();
  });
});
