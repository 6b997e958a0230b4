/**
 * A page's own scripts (the forms, the status lookup, the search box, the
 * 法律咨询 suggestions) load after the page has been painted, with every
 * file they import statically asked for at once.
 *
 * Why after the paint: every page works without its script (forms post and
 * fold their conditional questions with CSS, src/lib/forms/conditional-css.ts;
 * the status lookup answers from the function; the search form says how to
 * search), so what a reader on a slow phone needs first is the page itself.
 * As `<script type="module" src>` in the head, the scripts were asked for as
 * soon as the head was read, and shared the slow connection with the rest
 * of the page; Lighthouse's simulated slow 4G counted all of them (and their
 * import levels, one round trip each) before the first paint. Measured on
 * 7 December, the same built pages as built and with this loader, 3 runs
 * each, median LCP: 法律援助 form page 1.41 → 0.98 s, /apply/status/
 * 1.63 → 0.86 s (21 files), /search/ 1.37 → 0.75 s.
 *
 * Why at once: the entry imports shared chunks, which import further chunks;
 * a browser learns of each level only once the level above has arrived, so
 * each level costs a round trip (the status page's graph is 4 deep). The
 * loader adds `<link rel="modulepreload">` for the whole static graph
 * (module-graph.ts) just before it imports the entries, so every file is
 * asked for in the same round trip. Files only import() reaches stay lazy.
 * Neither Astro 7 nor Vite writes such links for Astro's page scripts
 * (withastro/astro#8804, a `preloadModules` option, was closed unmerged).
 *
 * "After the paint" is: the load event (no page has images that hold it up)
 * and the browser's first contentful paint, whichever comes later. Until
 * then the page is plain HTML, as without JavaScript.
 * The loader then marks `<html data-page-scripts="ready">` (or "failed"),
 * which the browser tests wait for.
 *
 * A page whose script must run before anything else says so with an
 * element carrying `data-scripts-at-once` (SCRIPTS_AT_ONCE): it loads its
 * scripts as Astro wrote them, with modulepreload links for the graph
 * (withModulePreloads). Today that is the staff desk, which is its script
 * (it signs in and decrypts on the staff's device). A script must not
 * change what the reader already sees: the forms' script folded the
 * questions that do not apply, which after the paint moved the 法律援助
 * form's later sections (Lighthouse: a layout shift of 0.10 in 1 of 3
 * runs), so the page is now painted already folded, by CSS.
 *
 * Small self-contained scripts are not deferred: the header's script applies
 * the reader's stored text size and contrast before the first paint, and
 * goes into the page itself (inline-scripts.ts). The loader is the same
 * text on every page (the files are in its tag's attributes), so the CSP
 * allows it by one hash (src/lib/http/csp.ts hashes every inline script).
 * Pure: the build step is src/integrations/deferred-scripts.ts.
 */
import { html } from './html.ts';
import {
  ASTRO_MODULE_SCRIPT,
  decodeAttribute,
  importGraph,
  moduleScripts,
  tagAttribute,
  type ReadModule,
} from './module-graph.ts';

/**
 * The loader: an inline module script, so it runs once the page is parsed
 * and before DOMContentLoaded, when `load` is still to come (the readyState
 * check covers a page restored some other way). "Painted" is the browser's
 * own first-contentful-paint entry: an animation frame and a task after it
 * were measured too early in Chromium for a page opened in a tab that
 * showed another page (the paint entry came 20 ms after the scripts were
 * asked for). Where the browser has no paint entries, or none comes within
 * 3 s of `load` (a page opened in the background), the scripts load anyway.
 */
export const DEFERRED_SCRIPTS_LOADER =
  'const s=document.querySelector("script[data-page-scripts]"),' +
  'list=(n)=>(s.getAttribute(n)||"").split(" ").filter(Boolean);' +
  'let started=false;' +
  'const run=()=>{if(started)return;started=true;' +
  'for(const h of list("data-preload")){const l=document.createElement("link");l.rel="modulepreload";l.href=h;document.head.append(l)}' +
  'list("data-page-scripts").reduce((p,u)=>p.then(()=>import(u)),Promise.resolve())' +
  '.then(()=>"ready",()=>"failed").then((v)=>{document.documentElement.dataset.pageScripts=v})},' +
  'painted=()=>performance.getEntriesByName("first-contentful-paint").length>0,' +
  'afterPaint=()=>{if(painted()||!PerformanceObserver.supportedEntryTypes?.includes("paint"))return setTimeout(run);' +
  'const o=new PerformanceObserver(()=>{if(painted()){o.disconnect();setTimeout(run)}});o.observe({type:"paint"});setTimeout(run,3000)};' +
  'document.readyState==="complete"?afterPaint():addEventListener("load",afterPaint,{once:true});';

/**
 * Run in the browser (page.waitForFunction in the browser tests and the
 * bench): the page's own scripts have settled, as the loader marks it
 * ("ready" or "failed"), or the page has no loader (true). Self-contained,
 * as it is sent to the page as text.
 */
export function pageScriptsSettled(): string | boolean {
  return !document.querySelector('script[data-page-scripts]') || document.documentElement.dataset.pageScripts || false;
}

/** The attribute by which a page asks for its scripts at once (see the top of this file). */
export const SCRIPTS_AT_ONCE = 'data-scripts-at-once';

/** Does the page ask for its scripts at once? */
export function wantsScriptsAtOnce(page: string): boolean {
  return new RegExp(`<[a-z][^>]*\\s${SCRIPTS_AT_ONCE}[\\s>=]`, 'i').test(page);
}

/** The loader's tag, as the build writes it: entries and their static graph in its attributes. */
const LOADER_TAG = /<script type="module" data-page-scripts="([^"]*)" data-preload="([^"]*)">/;

/**
 * The page with its module scripts loaded after the first paint: every
 * `<script type="module" src>` that `immediate` does not claim (given the
 * built script's text) is taken out, and one loader goes where the first of
 * them was, naming them and their whole static import graph. A page without
 * such scripts, or already deferred, is returned as it is. `read` gives a
 * script by its src as the page writes it; `page` names the page in errors.
 */
export function deferPageScripts(
  source: string,
  read: ReadModule,
  immediate: (js: string) => boolean,
  page = '',
): string {
  if (LOADER_TAG.test(source)) return source;
  const deferred = [...source.matchAll(ASTRO_MODULE_SCRIPT)]
    .map((m) => ({ tag: m[0], src: decodeAttribute(m[1]!) }))
    .filter(({ src }) => {
      const js = read(src);
      if (js === undefined)
        throw new Error(
          `页面脚本：页面 ${page} 的脚本文件 ${src} 不存在 / deferred scripts: ${src} of page ${page} does not exist`,
        );
      return !immediate(js);
    });
  if (!deferred.length) return source;
  const entries = deferred.map((d) => d.src);
  const graph = importGraph(entries, read, page);
  const loader = html`<script type="module" data-page-scripts="${entries.join(' ')}" data-preload="${graph.join(' ')}">`
    .value;
  let out = source.replace(deferred[0]!.tag, () => `${loader}${DEFERRED_SCRIPTS_LOADER}</script>`);
  for (const d of deferred.slice(1)) out = out.replace(d.tag, () => '');
  return out;
}

/**
 * For a page whose scripts load at once (wantsScriptsAtOnce): the page with a
 * `<link rel="modulepreload">` before `</head>` for every file of their
 * static import graph, so they too arrive in one round trip. Pages that
 * already have the links are returned as they are.
 */
export function withModulePreloads(source: string, read: ReadModule, page = ''): string {
  const hrefs = importGraph(moduleScripts(source), read, page);
  if (!hrefs.length || source.includes('<link rel="modulepreload"')) return source;
  const at = source.indexOf('</head>');
  if (at < 0) throw new Error(`页面脚本：页面 ${page} 没有 </head> / page scripts: page ${page} has no </head>`);
  const links = hrefs.map((href) => html`<link rel="modulepreload" href="${href}">`).join('');
  return source.slice(0, at) + links + source.slice(at);
}

/** What a built page loads after its first paint: the entries and the files preloaded with them (none without a loader). */
export function deferredScripts(page: string): { entries: string[]; preload: string[] } {
  const tag = LOADER_TAG.exec(page)?.[0];
  const list = (name: string) =>
    decodeAttribute((tag && tagAttribute(tag, name)) ?? '')
      .split(' ')
      .filter(Boolean);
  return { entries: list('data-page-scripts'), preload: list('data-preload') };
}
