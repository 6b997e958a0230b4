/**
 * The modulepreload links the build adds to every page
 * (src/lib/module-preload.ts): the whole static import graph of the page's
 * module scripts, each file once, never the scripts themselves, never what
 * only import() reaches, in the scripts' own address form. On the built
 * site: tests/build/module-preload.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { modulePreloads, moduleScripts, staticImports, withModulePreloads } from '../../src/lib/module-preload.ts';

/** A page with these module scripts. */
const page = (...srcs: string[]) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{color:#000}</style></head><body>` +
  srcs.map((src) => `<script type="module" src="${src}"></script>`).join('') +
  `</body></html>`;

/** Reads from a map of address → code. */
const reader = (files: Record<string, string>) => (href: string) => files[href];

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

describe('the modulepreload links of a page', () => {
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
    '/_astro/Header.entry.js': 'const r=()=>import(`/_astro/reader.js`)',
    '/_astro/reader.js': 'import"./voices.js"',
  };

  it('lists every file reached statically, however deep, each once (cycles too), breadth first', () => {
    const links = modulePreloads(page('/_astro/Header.entry.js', '/_astro/Form.entry.js'), reader(files));
    expect(links).toEqual(['/_astro/definitions.js', '/_astro/post-json.js', '/_astro/towns.js', '/_astro/names.js']);
  });

  it('never lists what only import() reaches, nor the page’s own scripts', () => {
    const links = modulePreloads(page('/_astro/Form.entry.js', '/_astro/definitions.js'), reader(files));
    expect(links).toEqual(['/_astro/post-json.js', '/_astro/towns.js', '/_astro/names.js']);
    expect(modulePreloads(page('/_astro/Header.entry.js'), reader(files))).toEqual([]);
  });

  it('writes the links before </head>, and leaves a page without imports as it was', () => {
    const source = page('/_astro/Form.entry.js');
    const out = withModulePreloads(source, reader(files));
    expect(out).toContain(
      '</style><link rel="modulepreload" href="/_astro/definitions.js"><link rel="modulepreload" href="/_astro/post-json.js">' +
        '<link rel="modulepreload" href="/_astro/towns.js"><link rel="modulepreload" href="/_astro/names.js"></head>',
    );
    expect(out.replace(/<link rel="modulepreload"[^>]*>/g, '')).toBe(source);
    // Run again over its own output, it adds nothing.
    expect(withModulePreloads(out, reader(files))).toBe(out);
    const plain = page('/_astro/Header.entry.js');
    expect(withModulePreloads(plain, reader(files))).toBe(plain);
  });

  it('writes the addresses as the scripts’ src is written: under the base path, or on another origin', () => {
    const based = Object.fromEntries(Object.entries(files).map(([k, v]) => [`/sfj${k}`, v]));
    expect(modulePreloads(page('/sfj/_astro/Form.entry.js'), reader(based))).toEqual([
      '/sfj/_astro/definitions.js',
      '/sfj/_astro/post-json.js',
      '/sfj/_astro/towns.js',
      '/sfj/_astro/names.js',
    ]);
    const cdn = { 'https://cdn.example/_astro/a.js': 'import"./b.js"', 'https://cdn.example/_astro/b.js': '' };
    expect(modulePreloads(page('https://cdn.example/_astro/a.js'), reader(cdn))).toEqual([
      'https://cdn.example/_astro/b.js',
    ]);
  });

  it('reads only module scripts, with their attributes in any order', () => {
    const source =
      '<script src="/admin/gate.js"></script><script src="/_astro/a.js" type="module"></script>' +
      "<script type='module' src='/_astro/b.js?v=1&amp;x=2'></script><script type=\"module\">0</script>";
    expect(moduleScripts(source)).toEqual(['/_astro/a.js', '/_astro/b.js?v=1&x=2']);
  });

  it('fails naming the page and the file, in Chinese and English, when a script or a chunk does not exist', () => {
    const broken = { ...files, '/_astro/towns.js': 'import"./gone.js"' };
    expect(() => modulePreloads(page('/_astro/Form.entry.js'), reader(broken), 'apply/form/index.html')).toThrow(
      '模块预加载：页面 apply/form/index.html 的脚本文件 /_astro/gone.js 不存在（经 /_astro/towns.js 引用）/ ' +
        'module preload: /_astro/gone.js of page apply/form/index.html does not exist (imported by /_astro/towns.js)',
    );
    expect(() => modulePreloads(page('/_astro/missing.js'), reader(files), 'apply/form/index.html')).toThrow(
      '模块预加载：页面 apply/form/index.html 的脚本文件 /_astro/missing.js 不存在（<script src>）',
    );
  });
});
