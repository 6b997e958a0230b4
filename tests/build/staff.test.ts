/**
 * The staff desk in the built site: private (noindex, outside the search
 * index, the sitemap and robots), HTML-first with the JavaScript notice, its
 * styles only on its own page; /stats/ listed in the sitemap although a
 * function renders it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { headerScript, pageScripts, projectRoot } from '../support/dist.ts';
import { inlineStyles } from '../../src/lib/http/csp.ts';
import { wantsScriptsAtOnce } from '../../src/lib/deferred-scripts.ts';
import { earlyScript } from '../../src/components/DisplaySettings/settings.ts';

const dist = join(projectRoot, 'dist');
const html = readFileSync(join(dist, 'staff', 'index.html'), 'utf8');
const stylesheets = (page: string) => [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);

describe('/staff/', () => {
  // pagefind indexes only pages with data-pagefind-body (it says so when building).
  it('is noindex and outside the search index, the sitemap and robots.txt', () => {
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
    expect(html).not.toContain('data-pagefind-body');
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('/staff/');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/^Disallow: \/staff\/$/m);
  });

  it('says, before any script runs, that the desk needs JavaScript; everything else starts hidden', () => {
    expect(html).toMatch(
      /<div class="notice notice--warning" data-js-required>\s*<p class="notice__title">工作台需要开启 JavaScript<\/p>/,
    );
    expect(html).toMatch(/<div class="desk" data-desk [^>]*\bhidden>/);
    // The desk is its script: it asks for it at once, not after the first paint.
    expect(wantsScriptsAtOnce(html)).toBe(true);
    expect(html).toContain('不要写姓名、电话、身份证号码、住址等任何个人信息');
    expect(html).toContain('《中华人民共和国法律援助法》第四十三条');
  });

  it('has the token field as a password without autocomplete, and no inline script but the display choices’ and the header’s, no style attribute', () => {
    expect(html).toMatch(
      /<input class="input input--l" id="desk-token" name="token" type="password" autocomplete="off"/,
    );
    expect(pageScripts(html).inline).toEqual([earlyScript(), headerScript(dist)]);
    expect(html).not.toMatch(/\sstyle="|\son[a-z]+="/);
  });

  it('carries its own styles (inline, as every page); other pages do not', () => {
    const own = inlineStyles(html).join('');
    const home = inlineStyles(readFileSync(join(dist, 'index.html'), 'utf8')).join('');
    expect(stylesheets(html)).toEqual([]);
    expect(own).toContain('.desk-row--overdue');
    expect(home).not.toContain('.desk-row--overdue');
    // The desk's own and the forms' (fields and buttons) styles add little to the content pages'.
    expect(gzipSync(own).length - gzipSync(home).length).toBeLessThan(2048);
  });
});

describe('/stats/ in the sitemap', () => {
  it('is listed although no file exists for it', () => {
    expect(existsSync(join(dist, 'stats', 'index.html'))).toBe(false);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toMatch(/<loc>https?:\/\/[^<]+\/stats\/<\/loc>/);
  });
});
