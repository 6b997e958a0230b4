/**
 * Page scripts loaded after the first paint (src/lib/deferred-scripts.ts):
 * every module script file of a page that cannot go inline is replaced by
 * one loader that names it and its whole static import graph
 * (src/lib/module-graph.ts: each file once, never the scripts themselves,
 * never what only import() reaches, in the scripts' own address form). On
 * the built site: tests/build/deferred-scripts.test.ts; in Chromium:
 * tests/e2e/foundation.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { init, parse } from 'es-module-lexer';
import {
  DEFERRED_SCRIPTS_LOADER,
  deferPageScripts,
  deferredScripts,
  wantsScriptsAtOnce,
  withModulePreloads,
} from '../../src/lib/deferred-scripts.ts';
import { importGraph, moduleScripts, staticImports } from '../../src/lib/module-graph.ts';

/** A page with these module scripts. */
const page = (...srcs: string[]) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{color:#000}</style></head><body>` +
  srcs.map((src) => `<script type="module" src="${src}"></script>`).join('') +
  `</body></html>`;

/** Reads from a map of address → code. */
const reader = (files: Record<string, string>) => (href: string) => files[href];

/** The header's script stays for inlining: here, any script without imports. */
const immediate = (js: string) => staticImports(js).length === 0 && !js.includes('import(');
describe('static imports of a built module', () => {
  it('follows import … from, bare import and export … from, as the bundler minifies them', () => {
    expect(
      staticImports(
        'import{a as e,b as t}from"./render.x.js";import"./side.js";export{c}from"./re.js";export*from"./all.js";var x=1',
      ),
    ).toEqual(['./render.x.js', './side.js', './re.js', './all.js']);
  });

  it('leaves out import(), the preload helper’s list and look-alikes in strings, comments and regular expressions', () => {
    const js =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/lazy.js","_astro/dep.js"])))=>i.map(i=>d[i]);' +
      'import{t as e}from"./preload-helper.js";' +
      'const a=()=>e(()=>import(`./lazy.js`),__vite__mapDeps([0,1]));const b=()=>import("./other.js");' +
      'const s=`import"./in-template.js"`,q=\'import x from "./in-string.js"\';/* import"./in-comment.js" */' +
      'const u=import.meta.url;const r=/import"\\.\\/in-regex.js"/;';
    expect(staticImports(js)).toEqual(['./preload-helper.js']);
  });
});

describe('the import graph of a page’s scripts', () => {
  const files = {
    '/_astro/Form.entry.js':
      'import{a}from"./definitions.js";import"./post-json.js";const f=()=>import("./apply-form.js")',
    '/_astro/definitions.js': 'import{t}from"./towns.js";export const a=1',
    '/_astro/towns.js': 'import{x}from"./names.js";export const t=1',
    // A cycle: names imports definitions back.
    '/_astro/names.js': 'import{a}from"./definitions.js";export const x=1',
    '/_astro/post-json.js': 'import{a}from"./definitions.js";export{}',
    '/_astro/apply-form.js': 'import"./schema.js";import"./definitions.js"',
    '/_astro/schema.js': '',
    // The header's script: the reader by its address, imported only when 朗读 is pressed (voices.js is never read).
    '/_astro/Header.entry.js': 'document.title',
    '/_astro/reader.js': 'import"./voices.js"',
  };

  it('lists every file reached statically, however deep, each once (cycles too), breadth first', () => {
    expect(importGraph(['/_astro/Header.entry.js', '/_astro/Form.entry.js'], reader(files))).toEqual([
      '/_astro/definitions.js',
      '/_astro/post-json.js',
      '/_astro/towns.js',
      '/_astro/names.js',
    ]);
  });

  it('never lists what only import() reaches, nor the entries themselves', () => {
    expect(importGraph(['/_astro/Form.entry.js', '/_astro/definitions.js'], reader(files))).toEqual([
      '/_astro/post-json.js',
      '/_astro/towns.js',
      '/_astro/names.js',
    ]);
    expect(importGraph(['/_astro/Header.entry.js'], reader(files))).toEqual([]);
  });

  it('writes the addresses as the scripts’ src is written: under the base path, or on another origin', () => {
    const based = Object.fromEntries(Object.entries(files).map(([k, v]) => [`/sfj${k}`, v]));
    expect(importGraph(['/sfj/_astro/Form.entry.js'], reader(based))).toEqual([
      '/sfj/_astro/definitions.js',
      '/sfj/_astro/post-json.js',
      '/sfj/_astro/towns.js',
      '/sfj/_astro/names.js',
    ]);
    const cdn = { 'https://cdn.example/_astro/a.js': 'import"./b.js"', 'https://cdn.example/_astro/b.js': '' };
    expect(importGraph(['https://cdn.example/_astro/a.js'], reader(cdn))).toEqual(['https://cdn.example/_astro/b.js']);
  });

  it('reads only module scripts, with their attributes in any order', () => {
    const source =
      '<script src="/admin/gate.js"></script><script src="/_astro/a.js" type="module"></script>' +
      "<script type='module' src='/_astro/b.js?v=1&amp;x=2'></script><script type=\"module\">0</script>";
    expect(moduleScripts(source)).toEqual(['/_astro/a.js', '/_astro/b.js?v=1&x=2']);
  });

  it('fails naming the page and the file, in Chinese and English, when a script or a chunk does not exist', () => {
    const broken = { ...files, '/_astro/towns.js': 'import"./gone.js"' };
    expect(() => importGraph(['/_astro/Form.entry.js'], reader(broken), 'apply/form/index.html')).toThrow(
      '页面脚本：页面 apply/form/index.html 的脚本文件 /_astro/gone.js 不存在（经 /_astro/towns.js 引用）/ ' +
        'page scripts: /_astro/gone.js of page apply/form/index.html does not exist (imported by /_astro/towns.js)',
    );
    expect(() => importGraph(['/_astro/missing.js'], reader(files), 'apply/form/index.html')).toThrow(
      '页面脚本：页面 apply/form/index.html 的脚本文件 /_astro/missing.js 不存在（<script src>）',
    );
  });

  describe('the loader that replaces the page’s own scripts', () => {
    it('takes every deferred script out and puts one loader where the first was, naming them and their graph', () => {
      const source = page('/_astro/Header.entry.js', '/_astro/Form.entry.js', '/_astro/post-json.js');
      const out = deferPageScripts(source, reader(files), immediate, 'apply/form/index.html');
      expect(out).toBe(
        page('/_astro/Header.entry.js').replace(
          '</body>',
          '<script type="module" data-page-scripts="/_astro/Form.entry.js /_astro/post-json.js" ' +
            'data-preload="/_astro/definitions.js /_astro/towns.js /_astro/names.js">' +
            `${DEFERRED_SCRIPTS_LOADER}</script></body>`,
        ),
      );
      expect(moduleScripts(out)).toEqual(['/_astro/Header.entry.js']);
      expect(deferredScripts(out)).toEqual({
        entries: ['/_astro/Form.entry.js', '/_astro/post-json.js'],
        preload: ['/_astro/definitions.js', '/_astro/towns.js', '/_astro/names.js'],
      });
      // Run again over its own output, it changes nothing.
      expect(deferPageScripts(out, reader(files), immediate)).toBe(out);
    });

    it('leaves a page whose scripts all stay (the header’s alone), or that has none, as it was', () => {
      for (const source of [page('/_astro/Header.entry.js'), page()])
        expect(deferPageScripts(source, reader(files), immediate)).toBe(source);
      expect(deferredScripts(page('/_astro/Form.entry.js'))).toEqual({ entries: [], preload: [] });
    });

    it('escapes the addresses in its attributes and gives them back as the src meant them', () => {
      const odd = { '/_astro/a.js?v=1&x=2': 'import"./b.js"', '/_astro/b.js': '' };
      const out = deferPageScripts(page('/_astro/a.js?v=1&amp;x=2'), reader(odd), () => false);
      expect(out).toContain('data-page-scripts="/_astro/a.js?v=1&amp;x=2"');
      expect(deferredScripts(out).entries).toEqual(['/_astro/a.js?v=1&x=2']);
    });

    it('knows a page that asks for its scripts at once, and gives it modulepreload links before </head> instead', () => {
      expect(wantsScriptsAtOnce('<div class="desk" data-desk data-scripts-at-once hidden>')).toBe(true);
      expect(wantsScriptsAtOnce('<form data-base="/" data-scripts-at-once>')).toBe(true);
      expect(wantsScriptsAtOnce('<p>data-scripts-at-once</p>')).toBe(false);
      const source = page('/_astro/Form.entry.js');
      const out = withModulePreloads(source, reader(files));
      expect(out).toContain(
        '</style><link rel="modulepreload" href="/_astro/definitions.js"><link rel="modulepreload" href="/_astro/post-json.js">' +
          '<link rel="modulepreload" href="/_astro/towns.js"><link rel="modulepreload" href="/_astro/names.js"></head>',
      );
      expect(out.replace(/<link rel="modulepreload"[^>]*>/g, '')).toBe(source);
      expect(withModulePreloads(out, reader(files))).toBe(out);
      expect(withModulePreloads(page('/_astro/Header.entry.js'), reader(files))).toBe(page('/_astro/Header.entry.js'));
    });

    it('fails naming the page when a script it names does not exist', () => {
      expect(() => deferPageScripts(page('/_astro/gone.js'), reader(files), immediate, 'search/index.html')).toThrow(
        '页面脚本：页面 search/index.html 的脚本文件 /_astro/gone.js 不存在',
      );
    });

    it('is one module the CSP can hash: the same text on every page, importing nothing statically, with nothing that ends a <script>', async () => {
      await init;
      expect(() => parse(DEFERRED_SCRIPTS_LOADER)).not.toThrow();
      expect(staticImports(DEFERRED_SCRIPTS_LOADER)).toEqual([]);
      expect(DEFERRED_SCRIPTS_LOADER).not.toMatch(/<\/script|<!--|import\.meta/i);
      // After load and the first contentful paint, then the graph's links, then the entries in order.
      expect(DEFERRED_SCRIPTS_LOADER).toContain('addEventListener("load",afterPaint,{once:true})');
      expect(DEFERRED_SCRIPTS_LOADER).toContain('performance.getEntriesByName("first-contentful-paint")');
    });
  });
});
