/**
 * The modulepreload links on the built site (src/lib/module-preload.ts,
 * written by src/integrations/module-preload.ts): on every page (简体, 繁體
 * and the page-shell templates) they are exactly the files the page's
 * module scripts import statically, however deep, and nothing that only
 * import() reaches. The graph is walked here on its own from the built
 * files, so a page that lost its links, or gained a lazy file's, fails.
 * Under the /sfj/ base path: tests/build/links.test.ts (every href carries
 * the base and exists) and tests/unit/module-preload.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportType, initSync, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import { moduleScripts } from '../../src/lib/module-preload.ts';
import { inlineScripts } from '../../src/lib/http/csp.ts';
import type { ShellBundle } from '../../src/lib/shell.ts';
import { htmlFiles, pagePath, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
initSync();

const preloads = (page: string) =>
  [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

/**
 * The files the page's module scripts import statically, however deep (with
 * `withDynamic`, through import() too), less the scripts themselves.
 */
function reach(page: string, withDynamic = false): Set<string> {
  const seen = new Set<string>();
  const queue = moduleScripts(page);
  for (let href = queue.shift(); href; href = queue.shift()) {
    if (seen.has(href)) continue;
    seen.add(href);
    for (const i of parse(readFileSync(join(dist, href), 'utf8'))[0]) {
      const followed = i.t === ImportType.Static || (withDynamic && i.t === ImportType.Dynamic);
      if (followed && i.n) queue.push(new URL(i.n, `http://site${href}`).pathname);
    }
  }
  for (const entry of moduleScripts(page)) seen.delete(entry);
  return seen;
}

/** What only import() reaches: files loaded on demand, which must not be preloaded. */
function lazyOnly(page: string): Set<string> {
  const statically = reach(page);
  return new Set([...reach(page, true)].filter((h) => !statically.has(h)));
}

const read = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const name = (href: string) => href.replace(/^.*\//, '').replace(/[.-][\w-]{8}\.js$/, '');
const INTERACTIVE = ['/apply/legal-aid/form/', '/apply/status/', '/search/'];

describe('modulepreload links on the built site', () => {
  it.each(INTERACTIVE.flatMap((p) => [p, `/zh-hant${p}`]))(
    '%s preloads its scripts’ whole static import graph, and nothing they load lazily',
    (path) => {
      const page = read(path);
      const statically = reach(page);
      const lazily = lazyOnly(page);
      expect(statically.size).toBeGreaterThanOrEqual(4);
      expect(lazily.size).toBeGreaterThan(0);
      expect(preloads(page).sort()).toEqual([...statically].sort());
      expect(new Set(preloads(page)).size).toBe(preloads(page).length);
      expect(preloads(page).filter((h) => lazily.has(h))).toEqual([]);
      expect(preloads(page).filter((h) => moduleScripts(page).includes(h))).toEqual([]);
      // Lazy by design: the read-aloud reader (header), the 繁體 converter, the form's widgets and schemas.
      expect(
        preloads(page)
          .map(name)
          .filter((n) => /^(reader|page-converter|apply-form|form|steps)$/.test(n)),
      ).toEqual([]);
      // Before </head>, so the browser asks for them all as it starts reading the page.
      expect(page.indexOf('<link rel="modulepreload"')).toBeLessThan(page.indexOf('</head>'));
    },
  );

  it('the form page still loads the form’s widgets and its kind’s schema lazily', () => {
    const lazily = lazyOnly(read('/apply/legal-aid/form/'));
    expect([...lazily].map(name)).toEqual(expect.arrayContaining(['apply-form', 'form', 'legal-aid']));
    expect([...lazily].some((h) => preloads(read('/apply/legal-aid/form/')).includes(h))).toBe(false);
  });

  it('every page carries exactly its own graph, and pages with the header’s script alone carry none', () => {
    const wrong = htmlFiles(dist).flatMap((file) => {
      const page = readFileSync(file, 'utf8');
      const want = [...reach(page)].sort();
      const got = preloads(page).sort();
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${pagePath(dist, file)}：${got} ≠ ${want}`];
    });
    expect(wrong).toEqual([]);
    for (const path of ['/', '/zh-hant/', '/cases/unpaid-wages-contractor-fled/', '/plan/', '/privacy/'])
      expect(preloads(read(path))).toEqual([]);
  });

  it('the page-shell templates (简体 and 繁體) carry exactly their scripts’ graph too', () => {
    const bundle = JSON.parse(readFileSync(join(dist, '_shell', 'shells.json'), 'utf8')) as ShellBundle;
    const templates = [...Object.values(bundle.sections), ...Object.values(bundle.languages?.['zh-Hant'] ?? {})];
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) {
      // Their one script, the header's, is in the template itself (src/lib/inline-scripts.ts) and
      // imports nothing statically: nothing to preload, and no link left over from the file.
      expect(inlineScripts(t).length).toBeGreaterThan(0);
      expect(preloads(t).sort()).toEqual([...reach(t)].sort());
    }
  });
});
