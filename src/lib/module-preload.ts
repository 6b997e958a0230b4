/**
 * `<link rel="modulepreload">` for the whole static import graph of a page's
 * module scripts, so the browser fetches every file at once instead of level
 * by level.
 *
 * Why: Astro writes one `<script type="module" src="/_astro/X.js">` per page
 * script, and X.js imports shared chunks, which import further chunks. A
 * browser learns of each level only once the level above has arrived, so
 * each level costs a round trip before the page's script runs. Measured on
 * the built site before this step: the 法律援助 form page loaded 6 script
 * files at an import depth of up to 3, /apply/status/ 21 files at depth 4,
 * /search/ 9 files at depth 3: 2 or 3 round trips after the script's own,
 * on slow 4G (Lighthouse simulates 150 ms a round trip, DevTools' preset
 * 562 ms) 0.3–1.7 s before the form's questions, the status lookup or the
 * search box work. With the links, every file is asked for as the page's
 * head is read. Neither Astro 7 nor Vite writes them for Astro's page
 * scripts (Vite does for its own HTML entries only; withastro/astro#8804, a
 * `preloadModules` option, was closed unmerged), so the build adds them
 * after the fact (src/integrations/module-preload.ts, before the 繁體 copy
 * and the page shell are made, so both carry them too).
 *
 * What is preloaded: every file the page's module scripts import statically
 * (`import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`),
 * transitively, each once, and never a script the page already loads. What
 * is not: anything reached only through `import()` (with or without Vite's
 * `__vite__mapDeps` preload helper, whose list is plain strings): those
 * files load on demand and must stay lazy (the form's widgets and its kind's
 * schema, the read-aloud reader, the 繁體 converter). Imports are found with
 * es-module-lexer, the lexer Vite itself uses for this: it tells a static
 * import from a dynamic one and is not fooled by strings or comments.
 *
 * The links go before `</head>`, with their href in the same form as the
 * scripts' src (base path included), and without crossorigin, like the
 * scripts, so the browser reuses what it preloaded. They are `<link>`s, not
 * inline scripts or styles, so the CSP (which hashes the texts of inline
 * styles and scripts: src/lib/http/csp.ts) is unchanged. A script small and
 * self-contained enough to go into the page (src/lib/inline-scripts.ts)
 * imports nothing statically, so it has nothing to preload.
 */
import { ImportType, initSync, parse } from 'es-module-lexer';
import { html } from './html.ts';

/** Reads a module by its address as the page writes it ("/sfj/_astro/x.js"); undefined when there is no such file. */
export type ReadModule = (href: string) => string | undefined;

/**
 * The specifiers a built module imports statically, in order: the modules
 * that must load before it runs. Dynamic import() and import.meta are left out.
 */
export function staticImports(js: string): string[] {
  initSync();
  const [imports] = parse(js);
  return imports
    .filter((i) => i.t === ImportType.Static || i.t === ImportType.StaticDeferPhase)
    .flatMap((i) => i.n ?? []);
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v != null);
const decode = (v: string) => v.replace(/&amp;/g, '&');

/** The src of each `<script type="module" src>` on the page, in page order. */
export function moduleScripts(page: string): string[] {
  return [...page.matchAll(/<script\b[^>]*>/gi)]
    .filter((m) => attr(m[0], 'type')?.toLowerCase() === 'module')
    .map((m) => attr(m[0], 'src'))
    .filter((src) => src !== undefined)
    .map(decode);
}

/** The href of each `<link rel="modulepreload">` already on the page. */
function preloadedModules(page: string): string[] {
  return [...page.matchAll(/<link\b[^>]*>/gi)]
    .filter((m) => attr(m[0], 'rel')?.toLowerCase().split(/\s+/).includes('modulepreload'))
    .map((m) => attr(m[0], 'href'))
    .filter((href) => href !== undefined)
    .map(decode);
}

// Resolving needs an absolute URL; site addresses ("/_astro/x.js") are resolved against this and written back without it.
const ORIGIN = 'https://module-preload.invalid';

/** `spec` imported by the module at `from` (an address as the page writes it), in the same form. */
function resolve(spec: string, from: string): string {
  const url = new URL(spec, new URL(from, ORIGIN));
  return url.origin === ORIGIN ? url.pathname + url.search : url.href;
}

/**
 * Every module the module scripts of `source` (a page's HTML) import
 * statically, directly or not, in the order found (breadth first, scripts in
 * page order): the hrefs to preload. `page` names the page in messages.
 * Throws when a module cannot be read: a page that refers to a missing file
 * is a broken build.
 */
export function modulePreloads(source: string, read: ReadModule, page = ''): string[] {
  const entries = moduleScripts(source);
  for (const src of entries)
    if (!src.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(src))
      throw new Error(
        `模块预加载：页面 ${page} 的脚本地址 ${src} 应当以 / 开头 / module preload: script src ${src} of page ${page} must start with /`,
      );
  const seen = new Set(entries);
  const found: string[] = [];
  const queue = entries.map((href) => ({ href, from: '' }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const js = read(item.href);
    if (js === undefined) {
      const [zh, en] = item.from
        ? [`经 ${item.from} 引用`, `imported by ${item.from}`]
        : ['<script src>', '<script src>'];
      throw new Error(
        `模块预加载：页面 ${page} 的脚本文件 ${item.href} 不存在（${zh}）/ module preload: ${item.href} of page ${page} does not exist (${en})`,
      );
    }
    for (const spec of staticImports(js)) {
      const href = resolve(spec, item.href);
      if (seen.has(href)) continue;
      seen.add(href);
      found.push(href);
      queue.push({ href, from: item.href });
    }
  }
  return found;
}

/** The page with a modulepreload link before `</head>` for each module of modulePreloads not already linked. */
export function withModulePreloads(source: string, read: ReadModule, page = ''): string {
  const linked = new Set(preloadedModules(source));
  const hrefs = modulePreloads(source, read, page).filter((href) => !linked.has(href));
  if (!hrefs.length) return source;
  const at = source.indexOf('</head>');
  if (at < 0) throw new Error(`模块预加载：页面 ${page} 没有 </head> / module preload: page ${page} has no </head>`);
  const links = hrefs.map((href) => html`<link rel="modulepreload" href="${href}">`).join('');
  return source.slice(0, at) + links + source.slice(at);
}
