/**
 * The 繁體中文 copy in dist/zh-hant/ (src/lib/i18n/build.ts): every public
 * page has one, in 繁體 throughout, linked both ways, listed in the sitemap;
 * and the small dictionary the functions and browsers get converts every
 * page exactly as the build did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter, type Dictionary } from '../../src/lib/i18n/convert.ts';
import { convertPage, DICTIONARY_FILE, MESSAGES_MARK, preloadsDictionary } from '../../src/lib/i18n/build.ts';
import { leftovers, simplifiedOnlyCharacters } from '../../src/lib/i18n/check.ts';
import { exceptionEntries, readExceptions } from '../../src/lib/i18n/exceptions.ts';
import { convertHtml } from '../../src/lib/i18n/html.ts';
import { openccDictionary } from '../../src/lib/i18n/opencc.ts';
import { hasZhHant, zhHantPath } from '../../src/lib/i18n/paths.ts';
import { SHELL_MARKS, type ShellBundle } from '../../src/lib/shell.ts';
import { htmlFiles, pagePath, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const origin = 'http://localhost:8888';
const originals = htmlFiles(dist)
  .map((f) => ({ file: f, path: pagePath(dist, f).replace(/\/$/, '/') }))
  .filter((p) => hasZhHant(p.path));
const copyOf = (path: string) => join(dist, zhHantPath(path).slice(1), path.endsWith('/') ? 'index.html' : '');
const read = (f: string) => readFileSync(f, 'utf8');

/** The text the converter reads on a page: text nodes and readable attributes, as html.ts decides. */
function readableText(page: string): string[] {
  const texts: string[] = [];
  convertHtml(page, {
    base: '/',
    convert: (t) => {
      texts.push(t);
      return t;
    },
  });
  return texts;
}

describe('the 繁體 copy of the site', () => {
  it('has every public page, and nothing of the staff tools or English pages', () => {
    expect(originals.length).toBeGreaterThan(100);
    const missing = originals.filter((p) => !existsSync(copyOf(p.path))).map((p) => p.path);
    expect(missing).toEqual([]);
    for (const dir of ['staff', 'admin', 'review', 'en', 'shell'])
      expect(existsSync(join(dist, 'zh-hant', dir))).toBe(false);
  });

  it('leaves no simplified-only character on any page', () => {
    const simplifiedOnly = simplifiedOnlyCharacters(openccDictionary(exceptionEntries(readExceptions(projectRoot))));
    expect(simplifiedOnly.has('发')).toBe(true);
    expect(simplifiedOnly.has('干')).toBe(false);
    // The check can fail: the 简体 home page is full of such characters.
    expect(leftovers(readableText(read(join(dist, 'index.html'))), simplifiedOnly).length).toBeGreaterThan(10);
    const found = originals.flatMap((p) =>
      leftovers(readableText(read(copyOf(p.path))), simplifiedOnly).map((l) => `${zhHantPath(p.path)}：${l}`),
    );
    expect(found).toEqual([]);
  });

  it('marks each page zh-Hant, links the two scripts both ways, and keeps links in the copy', () => {
    for (const p of originals.filter((x) => x.path.endsWith('/'))) {
      const hant = read(copyOf(p.path));
      expect(hant).toMatch(/<html lang="zh-Hant"/);
      expect(hant).toContain(`hreflang="zh-Hans" lang="zh-Hans">简体中文</a>`);
      expect(read(p.file)).toContain(`href="${zhHantPath(p.path)}" hreflang="zh-Hant" lang="zh-Hant">繁體中文</a>`);
      const nav = hant.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? '';
      expect(nav.match(/href="([^"]+)"/g)?.every((h) => h.startsWith('href="/zh-hant/'))).toBe(true);
    }
    const notary = read(copyOf('/services/notary/'));
    expect(notary).toContain(`<link rel="canonical" href="${origin}/zh-hant/services/notary/">`);
    expect(notary).toContain(`<link rel="alternate" hreflang="zh-Hans" href="${origin}/services/notary/">`);
    expect(notary).toContain(`<title id="qr-title">本頁二維碼：${origin}/zh-hant/services/notary/</title>`);
  });

  it('is converted the same by the small dictionary the functions and browsers get', () => {
    const small = createConverter(JSON.parse(read(join(dist, DICTIONARY_FILE))) as Dictionary);
    const differ = originals.filter(
      (p) => convertPage(read(p.file), p.path, { convert: small, base: '/', origin }) !== read(copyOf(p.path)),
    );
    expect(differ.map((p) => p.path)).toEqual([]);
  });

  it('preloads the dictionary on the 繁體 pages whose scripts write words as they open (status), and nowhere else', () => {
    const preload = `<link rel="preload" href="/${DICTIONARY_FILE}" as="fetch" crossorigin>`;
    const writers = originals.filter((p) => read(p.file).includes(` ${MESSAGES_MARK}`)).map((p) => p.path);
    expect(writers).toEqual(
      expect.arrayContaining(['/apply/status/', '/apply/legal-aid/form/', '/apply/mediation/form/']),
    );
    // The forms write only once the reader turns to them, and fetch the dictionary then.
    const atOpen = originals.filter((p) => preloadsDictionary(read(p.file))).map((p) => p.path);
    expect(atOpen).toContain('/apply/status/');
    expect(atOpen).not.toContain('/apply/legal-aid/form/');
    for (const p of originals) {
      expect(read(copyOf(p.path)).includes(preload), zhHantPath(p.path)).toBe(atOpen.includes(p.path));
      expect(read(p.file)).not.toContain(preload);
    }
  });

  it('has its own not-found page, served for unknown /zh-hant/ addresses', () => {
    expect(read(join(dist, 'zh-hant', '404.html'))).toMatch(/<html lang="zh-Hant"/);
    expect(read(join(projectRoot, 'netlify.toml'))).toMatch(
      /from = "\/zh-hant\/\*"\s+to = "\/zh-hant\/404\.html"\s+status = 404/,
    );
  });

  it('is listed in the sitemap', () => {
    const xml = read(join(dist, 'sitemap-0.xml'));
    expect(xml).toContain(`<loc>${origin}/services/notary/</loc>`);
    expect(xml).toContain(`<loc>${origin}/zh-hant/services/notary/</loc>`);
    expect(xml).not.toContain('/zh-hant/staff/');
  });

  it('gives the functions a 繁體 page shell with every marker', () => {
    const bundle = JSON.parse(read(join(dist, '_shell', 'shells.json'))) as ShellBundle;
    const hant = bundle.languages?.['zh-Hant'] ?? {};
    expect(Object.keys(hant).sort()).toEqual(Object.keys(bundle.sections).sort());
    for (const page of Object.values(hant)) {
      expect(page).toMatch(/<html lang="zh-Hant"/);
      for (const m of Object.values(SHELL_MARKS)) expect(page.split(m).length).toBe(2);
    }
  });
});
