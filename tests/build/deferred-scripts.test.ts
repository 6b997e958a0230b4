/**
 * Page scripts loaded after the first paint on the built site
 * (src/lib/deferred-scripts.ts, applied by src/integrations/deferred-scripts.ts):
 * on every page (简体, 繁體 and the page-shell templates) no module script
 * is asked for by the HTML itself; the one loader names the page's scripts,
 * and the files it preloads with them are exactly those the scripts import
 * statically, however deep, and nothing that only import() reaches. The
 * graph is walked here on its own from the built files, so a page that lost
 * a file from its list, or gained a lazy one, fails. Under the /sfj/ base
 * path: tests/build/links.test.ts (every address carries the base and
 * exists) and tests/unit/deferred-scripts.test.ts; in Chromium, that
 * nothing loads before the first paint: tests/e2e/foundation.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportType, initSync, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import { DEFERRED_SCRIPTS_LOADER, deferredScripts, wantsScriptsAtOnce } from '../../src/lib/deferred-scripts.ts';
import { moduleScripts } from '../../src/lib/module-graph.ts';
import { inlineScripts } from '../../src/lib/http/csp.ts';
import type { ShellBundle } from '../../src/lib/shell.ts';
import { htmlFiles, pagePath, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
initSync();

/** The files a page preloads: named by its loader, or (the desk) as links. */
const preloads = (page: string) => [
  ...deferredScripts(page).preload,
  ...[...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!.replace(/&amp;/g, '&')),
];
/** The page's own scripts: named by its loader, or (the desk) as <script src>. */
const entries = (page: string) => [...deferredScripts(page).entries, ...moduleScripts(page)];

/**
 * The files the page's module scripts import statically, however deep (with
 * `withDynamic`, through import() too), less the scripts themselves.
 */
function reach(page: string, withDynamic = false): Set<string> {
  const seen = new Set<string>();
  const queue = entries(page);
  for (let href = queue.shift(); href; href = queue.shift()) {
    if (seen.has(href)) continue;
    seen.add(href);
    for (const i of parse(readFileSync(join(dist, href), 'utf8'))[0]) {
      const followed = i.t === ImportType.Static || (withDynamic && i.t === ImportType.Dynamic);
      if (followed && i.n) queue.push(new URL(i.n, `http://site${href}`).pathname);
    }
  }
  for (const entry of entries(page)) seen.delete(entry);
  return seen;
}

/** What only import() reaches: files loaded on demand, which must not be preloaded. */
function lazyOnly(page: string): Set<string> {
  const statically = reach(page);
  return new Set([...reach(page, true)].filter((h) => !statically.has(h)));
}

const read = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const name = (href: string) => href.replace(/^.*\//, '').replace(/[.-][\w-]{8}\.js$/, '');
const INTERACTIVE = ['/apply/legal-aid/form/', '/apply/status/', '/search/', '/consult/'];
const LOADER = `>${DEFERRED_SCRIPTS_LOADER}</script>`;

describe('page scripts loaded after the first paint, on the built site', () => {
  it.each(INTERACTIVE.flatMap((p) => [p, `/zh-hant${p}`]))(
    '%s asks for no script file itself; its loader names its script and the script’s whole static import graph, and nothing loaded lazily',
    (path) => {
      const page = read(path);
      expect(moduleScripts(page)).toEqual([]);
      expect(page.match(/<link rel="modulepreload"/g)).toBeNull();
      expect(entries(page)).toHaveLength(1);
      expect(page.split(LOADER)).toHaveLength(2);
      const statically = reach(page);
      const lazily = lazyOnly(page);
      expect(statically.size).toBeGreaterThanOrEqual(3);
      if (!path.includes('/consult/')) expect(lazily.size).toBeGreaterThan(0);
      expect(preloads(page).sort()).toEqual([...statically].sort());
      expect(new Set(preloads(page)).size).toBe(preloads(page).length);
      expect(preloads(page).filter((h) => lazily.has(h))).toEqual([]);
      expect(preloads(page).filter((h) => entries(page).includes(h))).toEqual([]);
      // Lazy by design: the read-aloud reader (header), the 繁體 converter, the form's widgets and schemas.
      expect(
        preloads(page)
          .map(name)
          .filter((n) => /^(reader|page-converter|apply-form|form|steps)$/.test(n)),
      ).toEqual([]);
    },
  );

  it('every page carries exactly its own graph and at most one loader, word for word; pages with the header’s script alone carry none', () => {
    const wrong = htmlFiles(dist)
      .filter((file) => !pagePath(dist, file).startsWith('/admin/'))
      .flatMap((file) => {
        const page = readFileSync(file, 'utf8');
        const want = [...reach(page)].sort();
        const got = preloads(page).sort();
        const loaders = page.split('data-page-scripts=').length - 1;
        const atOnce = wantsScriptsAtOnce(page);
        const problems = [
          JSON.stringify(got) === JSON.stringify(want) ? '' : `${got} ≠ ${want}`,
          moduleScripts(page).length && !atOnce ? `<script src> ${moduleScripts(page)}` : '',
          loaders > 1 || (loaders === 1 && page.split(LOADER).length !== 2) ? `${loaders} loaders` : '',
        ].filter(Boolean);
        return problems.length ? [`${pagePath(dist, file)}：${problems.join('；')}`] : [];
      });
    expect(wrong).toEqual([]);
    for (const path of ['/', '/zh-hant/', '/cases/unpaid-wages-contractor-fled/', '/plan/', '/privacy/'])
      expect(deferredScripts(read(path))).toEqual({ entries: [], preload: [] });
  });

  it.each(['/staff/'])(
    '%s, which asks for its script at once (the desk is its script), loads it so, with its whole graph preloaded before </head>',
    (path) => {
      const page = read(path);
      expect(wantsScriptsAtOnce(page)).toBe(true);
      expect(deferredScripts(page)).toEqual({ entries: [], preload: [] });
      expect(moduleScripts(page)).toHaveLength(1);
      expect(reach(page).size).toBeGreaterThanOrEqual(4);
      expect(preloads(page).sort()).toEqual([...reach(page)].sort());
      expect(page.lastIndexOf('<link rel="modulepreload"')).toBeLessThan(page.indexOf('</head>'));
    },
  );

  it('the form page still loads the form’s widgets and its kind’s schema lazily', () => {
    const lazily = lazyOnly(read('/apply/legal-aid/form/'));
    expect([...lazily].map(name)).toEqual(expect.arrayContaining(['apply-form', 'form', 'legal-aid']));
    expect([...lazily].some((h) => preloads(read('/apply/legal-aid/form/')).includes(h))).toBe(false);
  });

  it('the page-shell templates (简体 and 繁體) carry exactly their scripts’ graph too', () => {
    const bundle = JSON.parse(readFileSync(join(dist, '_shell', 'shells.json'), 'utf8')) as ShellBundle;
    const templates = [...Object.values(bundle.sections), ...Object.values(bundle.languages?.['zh-Hant'] ?? {})];
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) {
      // Their one script, the header's, is in the template itself (src/lib/inline-scripts.ts) and
      // imports nothing statically: nothing to preload, and no link left over from the file.
      expect(inlineScripts(t).length).toBeGreaterThan(0);
      expect(moduleScripts(t)).toEqual([]);
      expect(preloads(t).sort()).toEqual([...reach(t)].sort());
    }
  });
});
