/**
 * Rules every built page keeps: language, one h1, skip link, no inline script or style (CSP).
 * The language follows the address: /zh-hant/ is zh-Hant (the build's copy), /en/ is English, the rest zh-CN.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFERRED_SCRIPTS_LOADER } from '../../src/lib/deferred-scripts.ts';
import { earlyScript } from '../../src/components/DisplaySettings/settings.ts';
import { inlineScripts } from '../../src/lib/http/csp.ts';
import { htmlFiles, pagePath, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const pages = htmlFiles(dist).filter((f) => !f.includes(`${join(dist, 'admin')}`));
/**
 * The texts of the scripts the build bundled, the loader of the page's own scripts
 * (src/lib/deferred-scripts.ts) and the reader's stored display choices in <head>
 * (DisplaySettings/settings.ts): an inline script must be one of them, word for word.
 */
const builtScripts = new Set([
  ...readdirSync(join(dist, '_astro'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, '_astro', f), 'utf8')),
  DEFERRED_SCRIPTS_LOADER,
  earlyScript(),
]);

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
  it('has no inline script but the build’s own, no style attribute or event handler (the CSP forbids them; <style> elements and the build’s scripts are allowed by hash: csp.test.ts)', () => {
    // The build puts small self-contained scripts into pages (src/lib/inline-scripts.ts): the
    // header's everywhere, 快速离开 where it shows; and the loader of the page's own scripts
    // where it has some; the stored display choices in every <head>. Nothing else runs inline.
    const foreign = inlineScripts(html).filter((js) => !builtScripts.has(js));
    expect(foreign.map((js) => js.slice(0, 120))).toEqual([]);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
