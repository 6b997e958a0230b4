/**
 * Reading the built site's module scripts: which files a page's
 * `<script type="module" src>` tags load, and every file those import
 * statically, however deep. Used after the build to put small scripts into
 * the page (inline-scripts.ts) and to load the others after the first paint
 * with their whole graph at once (deferred-scripts.ts), and by the page
 * weight (scripts/lib/page-weight.ts).
 *
 * Imports are found with es-module-lexer, the lexer Vite itself uses: it
 * tells a static import (`import{a as b}from"./x.js"`, `import"./x.js"`,
 * `export{…}from"./x.js"`) from a dynamic one (`import()`, with or without
 * Vite's `__vite__mapDeps` helper, whose list is plain strings) and is not
 * fooled by strings or comments. What only import() reaches loads on demand
 * and is never part of a graph here: the form's widgets and its kind's
 * schema, the read-aloud reader, the 繁體 converter.
 */
import { ImportType, initSync, parse } from 'es-module-lexer';

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

/** The value of attribute `name` in an opening tag, as written (entities not decoded). */
export function tagAttribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v != null);
}

export const decodeAttribute = (v: string) => v.replace(/&amp;/g, '&');

/** Astro's tag for a page's bundled script, exactly as it writes it: `<script type="module" src="…"></script>`; group 1 is the src. */
export const ASTRO_MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** The src of each `<script type="module" src>` on the page, in page order. */
export function moduleScripts(page: string): string[] {
  return [...page.matchAll(/<script\b[^>]*>/gi)]
    .filter((m) => tagAttribute(m[0], 'type')?.toLowerCase() === 'module')
    .map((m) => tagAttribute(m[0], 'src'))
    .filter((src) => src !== undefined)
    .map(decodeAttribute);
}

// Resolving needs an absolute URL; site addresses ("/_astro/x.js") are resolved against this and written back without it.
const ORIGIN = 'https://module-graph.invalid';

/** `spec` imported by the module at `from` (an address as the page writes it), in the same form. */
function resolve(spec: string, from: string): string {
  const url = new URL(spec, new URL(from, ORIGIN));
  return url.origin === ORIGIN ? url.pathname + url.search : url.href;
}

/**
 * Every module that the modules at `entries` (addresses as a page writes
 * them) import statically, directly or not, in the order found (breadth
 * first, entries in order), each once, entries themselves left out. `page`
 * names the page in messages. Throws when a module cannot be read: a page
 * that refers to a missing file is a broken build.
 */
export function importGraph(entries: readonly string[], read: ReadModule, page = ''): string[] {
  for (const src of entries)
    if (!src.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(src))
      throw new Error(
        `页面脚本：页面 ${page} 的脚本地址 ${src} 应当以 / 开头 / page scripts: script src ${src} of page ${page} must start with /`,
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
        `页面脚本：页面 ${page} 的脚本文件 ${item.href} 不存在（${zh}）/ page scripts: ${item.href} of page ${page} does not exist (${en})`,
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
