/**
 * Rules every built page keeps: language, one h1, skip link, no inline script or style (CSP).
 * The language follows the address: /zh-hant/ is zh-Hant (the build's copy), /en/ is English, the rest zh-CN.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, pagePath, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const pages = htmlFiles(dist).filter((f) => !f.includes(`${join(dist, 'admin')}`));

describe.each(pages.map((f) => [pagePath(dist, f), f]))('%s', (_path, file) => {
  const html = readFileSync(file, 'utf8');
  const lang = _path.startsWith('/zh-hant/') ? 'zh-Hant' : _path.startsWith('/en/') ? 'en' : 'zh-CN';
  it(`is in its language (${lang}), with a title, one h1, a skip link and a main landmark`, () => {
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html.match(/<h1[\s>]/g)?.length).toBe(1);
    expect(html).toContain('href="#main"');
    expect(html).toMatch(/<main id="main"/);
  });
  it('has no inline script, style attribute or event handler (the CSP forbids them; <style> elements are allowed by hash: csp.test.ts)', () => {
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/type="application\/(ld\+)?json"/.test(m[1]!),
    );
    expect(inlineScripts.map((m) => m[0].slice(0, 120))).toEqual([]);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
