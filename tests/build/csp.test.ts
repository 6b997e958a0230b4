/**
 * Inlined styles and the Content-Security-Policy on the built site: every
 * <style> of every page and of every page-shell template (简体 and 繁體) has
 * its hash in the policy that page is served with, no public page waits for
 * a stylesheet link before its first paint, and /admin/ keeps its own policy.
 * The policy served is what Netlify applies: dist/_headers, then netlify.toml
 * (the same merge as scripts/lib/serve.ts). Why: src/lib/http/csp.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html } from '../../src/lib/html.ts';
import {
  contentSecurityPolicy,
  inlineScripts,
  inlineStyles,
  scriptHash,
  scriptHashesOf,
  styleHash,
} from '../../src/lib/http/csp.ts';
import { DEFERRED_SCRIPTS_LOADER, deferredScripts } from '../../src/lib/deferred-scripts.ts';
import { pageShell, type ShellBundle } from '../../src/lib/shell.ts';
import { earlyScript } from '../../src/components/DisplaySettings/settings.ts';
import { headersFor, siteHeaderRules } from '../../scripts/lib/serve.ts';
import { htmlFiles, pagePath, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const rules = siteHeaderRules(dist);
const policyFor = (path: string) => headersFor(rules, path)['Content-Security-Policy'] ?? '';
const styleSources = (policy: string) => /(?:^|; )style-src ([^;]*)/.exec(policy)?.[1]!.split(' ') ?? [];
const scriptSources = (policy: string) => /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1]!.split(' ') ?? [];
/** Module scripts a page loads as files: `<script type="module" src>`. */
const scriptFiles = (html: string) => [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
const pages = htmlFiles(dist)
  .map((file) => ({ path: pagePath(dist, file), html: readFileSync(file, 'utf8') }))
  .filter((p) => !p.path.startsWith('/admin/'));
const bundle = JSON.parse(readFileSync(join(dist, '_shell', 'shells.json'), 'utf8')) as ShellBundle;
const templates = [
  ...Object.entries(bundle.sections).map(([k, t]) => [`简体 ${k}`, t] as const),
  ...Object.entries(bundle.languages?.['zh-Hant'] ?? {}).map(([k, t]) => [`繁體 ${k}`, t] as const),
];

/** `<link rel="stylesheet">` that blocks rendering: not print-only, not a preload swapped in later. */
const blockingStylesheets = (html: string) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((l) => /\brel="?stylesheet\b/.test(l) && !/\bmedia="?print\b/.test(l));

describe('inline styles and the Content-Security-Policy', () => {
  it('the build found the pages and their styles', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.every((p) => inlineStyles(p.html).length > 0)).toBe(true);
    expect(templates.length).toBe(2 * Object.keys(bundle.sections).length);
  });

  it('every inline <style> of every public page has its hash in the policy that page is served with', () => {
    const missing = pages.flatMap(({ path, html }) => {
      const allowed = styleSources(policyFor(path));
      return inlineStyles(html)
        .filter((css) => !allowed.includes(styleHash(css)))
        .map((css) => `${path}：<style> ${css.slice(0, 40)}… 的哈希不在 style-src 里`);
    });
    expect(missing).toEqual([]);
  });

  it('no public page waits for a stylesheet link before its first paint', () => {
    const blocking = pages.flatMap(({ path, html }) => blockingStylesheets(html).map((l) => `${path}：${l}`));
    expect(blocking).toEqual([]);
    expect(templates.flatMap(([k, t]) => blockingStylesheets(t).map((l) => `${k}：${l}`))).toEqual([]);
  });

  it('every shell template’s styles, in both languages, are in the hashes the functions send', () => {
    const missing = templates.flatMap(([key, template]) =>
      inlineStyles(template)
        .filter((css) => !bundle.styleHashes.includes(styleHash(css)))
        .map((css) => `${key}：${css.slice(0, 40)}…`),
    );
    expect(missing).toEqual([]);
    expect(templates.every(([, t]) => inlineStyles(t).length > 0)).toBe(true);
    // A page a function renders is sent with exactly the shell's hashes: its body adds none.
    const page = pageShell(bundle).render({
      title: '测试',
      path: '/stats/',
      section: 'none',
      breadcrumbs: [{ label: '测试' }],
      body: html`<style>p{}</style>`,
    });
    expect(page.styleHashes).toEqual(bundle.styleHashes);
    expect(bundle.styleHashes).not.toContain(styleHash('p{}'));
    expect(styleSources(contentSecurityPolicy(bundle.styleHashes))).toEqual(["'self'", ...bundle.styleHashes]);
  });

  it('no public page is allowed inline styles wholesale; /admin/ keeps netlify.toml’s own policy', () => {
    for (const path of ['/', '/cases/', '/zh-hant/cases/', '/staff/', '/en/notarisation/']) {
      expect(policyFor(path), path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(styleSources(policyFor(path)).length, path).toBeGreaterThan(1);
    }
    expect(policyFor('/admin/')).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(policyFor('/admin/')).not.toContain('sha256-');
  });
});

describe('inline scripts and the Content-Security-Policy', () => {
  it('every inline script a browser runs, on every public page, has its hash in script-src', () => {
    const missing = pages.flatMap(({ path, html }) => {
      const allowed = scriptSources(policyFor(path));
      return inlineScripts(html)
        .filter((js) => !allowed.includes(scriptHash(js)))
        .map((js) => `${path}：<script> ${js.slice(0, 40)}… 的哈希不在 script-src 里`);
    });
    expect(missing).toEqual([]);
    // JSON-LD is data, never run: not hashed, and still on the office pages.
    const office = pages.find((p) => p.path === '/directory/taishan-legal-aid-office/')!;
    expect(office.html).toContain('<script type="application/ld+json">');
    expect(inlineScripts(office.html).some((js) => js.includes('"@context"'))).toBe(false);
  });

  it('content pages make no request for a script: the stored display choices and the header script are in the page, in both languages', () => {
    for (const path of ['/', '/cases/', '/cases/unpaid-wages-contractor-fled/', '/directory/', '/zh-hant/', '/en/']) {
      const page = pages.find((p) => p.path === path);
      expect(page, path).toBeDefined();
      expect(scriptFiles(page!.html), path).toEqual([]);
      const scripts = inlineScripts(page!.html);
      expect(scripts, path).toHaveLength(2);
      expect(scripts[0], path).toBe(earlyScript());
    }
  });

  it('scripts that import shared chunks stay files, loaded after the paint; the shell templates carry the header script inline, with its hash', () => {
    const status = pages.find((p) => p.path === '/apply/status/')!;
    expect(scriptFiles(status.html)).toEqual([]);
    expect(deferredScripts(status.html).entries).toHaveLength(1);
    expect(scriptHashesOf(status.html)).toContain(scriptHash(DEFERRED_SCRIPTS_LOADER));
    // Asked for at once: the desk, which is its script.
    expect(scriptFiles(pages.find((p) => p.path === '/staff/')!.html)).toHaveLength(1);
    for (const [key, template] of templates) {
      expect(scriptFiles(template), key).toEqual([]);
      expect(inlineScripts(template).map(scriptHash).sort(), key).toEqual(bundle.scriptHashes);
    }
    // A page a function renders is sent with exactly the shell's script hashes.
    const page = pageShell(bundle).render({
      title: '测试',
      path: '/stats/',
      section: 'none',
      breadcrumbs: [],
      body: html``,
    });
    expect(page.scriptHashes).toEqual(bundle.scriptHashes);
    expect(scriptSources(contentSecurityPolicy(page.styleHashes, page.scriptHashes))).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      ...bundle.scriptHashes,
    ]);
  });
});
