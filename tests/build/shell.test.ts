/**
 * Pages that functions render wear exactly the static pages' shell: the same
 * header (navigation, search box, display settings and its script, the
 * site's styles) and footer (contact, links), with their own section marked in
 * the navigation. Checked on the built site: /privacy/ against a confirmation
 * page and /stats/ rendered by their real handlers with the build's shell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handleDone, type HandlerDeps } from '../../src/lib/requests/handlers/index.ts';
import { pageShell, type ShellBundle } from '../../src/lib/shell.ts';
import { inlineStyles } from '../../src/lib/http/csp.ts';
import { handleStats } from '../../src/lib/staff/stats-page.ts';
import { projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const bundle = JSON.parse(readFileSync(join(dist, '_shell', 'shells.json'), 'utf8')) as ShellBundle;
const shell = pageShell(bundle);

const part = (page: string, re: RegExp) => re.exec(page)?.[0] ?? '';
const header = (page: string) => part(page, /<header class="site-header"[\s\S]*?<\/header>/);
const footer = (page: string) =>
  part(page, /<footer class="site-footer"[\s\S]*?<\/footer>/)
    .replace(/<figure class="qr"[\s\S]*?<\/figure>/, 'QR')
    .replace(/subject=[^"]*/, 'subject=');
const head = (page: string) => [...page.matchAll(/<(?:link rel="stylesheet"|script)[^>]*>/g)].map((m) => m[0]).sort();
const gzipped = (text: string) => gzipSync(text).length;
const current = (page: string) => [...header(page).matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((m) => m[1]);
// The language switch links to the page itself in other languages: a shell page's to its section.
const withoutCurrent = (page: string) =>
  header(page)
    .replace(/ aria-current="page"/g, '')
    .replace(/<nav class="language-switch"[\s\S]*?<\/nav>/, 'LANGUAGES');

const staticPage = readFileSync(join(dist, 'privacy', 'index.html'), 'utf8');

async function confirmationPage(): Promise<string> {
  const deps = { base: bundle.base, shell, now: () => new Date(), log: () => {} } as unknown as HandlerDeps;
  const res = handleDone(
    'legal-aid',
    new Request('http://x/apply/legal-aid/done/?receipt=FY-20261127-7K3Q9P'),
    deps,
    'c',
  );
  expect(res.status).toBe(200);
  return res.text();
}

async function statsPage(): Promise<string> {
  // No application yet: nothing frozen, nothing missing.
  const store = {
    firstMonth: async () => null,
    frozen: async () => [],
    monthRaw: async () => ({}),
    freeze: async () => true,
  };
  const jobs = { lease: async () => true, finish: async () => {} };
  const deps = {
    store,
    jobs,
    logFailure: () => {},
    now: () => new Date('2026-12-01T01:00:00Z'),
    base: bundle.base,
    shell,
    deadlineMs: 1000,
    perCallMs: 1000,
    log: () => {},
  };
  const res = await handleStats(new Request('http://x/stats/'), deps, 'c');
  expect(res.status).toBe(200);
  return res.text();
}

describe('the page shell of function-rendered pages', () => {
  it('was made from the built layout, with every section of the navigation', () => {
    expect(Object.keys(bundle.sections).sort()).toEqual([
      'apply',
      'cases',
      'directory',
      'home',
      'none',
      'plan',
      'search',
      'services',
    ]);
    expect(header(staticPage)).toContain('header-search');
    expect(header(staticPage)).toContain('data-display-settings');
  });
  it.each([
    ['a confirmation page', confirmationPage, ['/apply/']],
    ['/stats/', statsPage, []],
  ] as const)(
    '%s has the header, search box, display settings and footer of /privacy/',
    async (_name, render, marked) => {
      const page = await render();
      expect(withoutCurrent(page)).toBe(withoutCurrent(staticPage));
      expect(footer(page)).toBe(footer(staticPage));
      // The static page's script, and its styles (inline) with the interactive pages' own after them
      // (forms, statistics: about 1 KB gzipped).
      expect(head(page)).toEqual(head(staticPage));
      const [styles, site] = [inlineStyles(page), inlineStyles(staticPage)];
      expect(styles.length).toBe(1);
      expect(styles[0]!.startsWith(site[0]!)).toBe(true);
      expect(gzipped(styles[0]!.slice(site[0]!.length))).toBeLessThan(2048);
      expect(current(page)).toEqual(marked.map((p) => `${bundle.base}${p.slice(1)}`));
      expect(page).toContain('<figure class="qr"');
    },
  );
  it('is not published as pages of its own', () => {
    expect(() => readFileSync(join(dist, 'shell', 'none', 'index.html'))).toThrow();
  });
});
