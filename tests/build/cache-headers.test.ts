/**
 * How long browsers keep the built files (netlify.toml, the "/_astro/*"
 * rule): the scripts under /_astro/, named by a hash of their content, are
 * cached for good; every other file (pages, pagefind's index, the shells)
 * keeps Netlify's default and is revalidated, so a new deploy is seen at
 * once. The rules are read as Netlify merges them (dist/_headers, then
 * netlify.toml) and served by the local static server (scripts/lib/serve.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, serveStatic, siteHeaderRules, type StaticServer } from '../../scripts/lib/serve.ts';
import { projectRoot } from '../support/dist.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NETLIFY_DEFAULT = 'public, max-age=0, must-revalidate';

const dist = join(projectRoot, 'dist');
const rules = siteHeaderRules(dist);
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const sitePaths = files(dist).map((f) => '/' + relative(dist, f).split(sep).join('/'));
const astro = sitePaths.filter((p) => p.startsWith('/_astro/'));

describe('Cache-Control of the built files', () => {
  it('names every file under /_astro/ by its content hash, so caching it for good is safe', () => {
    expect(astro.length).toBeGreaterThan(5);
    // Vite's [name].[hash].js, and [name]-[hash].js for the read-aloud module it builds as a worker.
    expect(astro.filter((p) => !/[.-][\w-]{8}\.\w+$/.test(p))).toEqual([]);
  });

  it('caches the /_astro/ files for good, and keeps the site’s other headers on them', () => {
    const wrong = astro.filter((p) => headersFor(rules, p)['Cache-Control'] !== IMMUTABLE);
    expect(wrong).toEqual([]);
    const headers = headersFor(rules, astro[0]!);
    expect(headers['Content-Security-Policy']).toBe(headersFor(rules, '/')['Content-Security-Policy']);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('gives no other file a Cache-Control of its own, /admin/ aside: pages and pagefind’s files are revalidated', () => {
    const others = sitePaths.filter((p) => !p.startsWith('/_astro/') && !p.startsWith('/admin/'));
    expect(others.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    const cached = others.filter((p) => headersFor(rules, p)['Cache-Control'] !== undefined);
    expect(cached).toEqual([]);
    for (const page of ['/', '/cases/', '/apply/status/', '/zh-hant/cases/'])
      expect(headersFor(rules, page)['Content-Security-Policy']).toMatch(/style-src 'self' 'sha256-/);
  });

  describe('as the local static server sends them', () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(dist);
    });
    afterAll(() => server.close());
    const cacheControl = async (path: string) => {
      const res = await fetch(server.origin + path);
      await res.arrayBuffer();
      return res.headers.get('cache-control');
    };

    it('caches a script for good and revalidates the page and pagefind’s entry file', async () => {
      expect(await cacheControl(astro[0]!)).toBe(IMMUTABLE);
      expect(await cacheControl('/apply/status/')).toBe(NETLIFY_DEFAULT);
      expect(await cacheControl('/pagefind/pagefind.js')).toBe(NETLIFY_DEFAULT);
    });
  });
});
