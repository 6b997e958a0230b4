/**
 * Page weight from the built site in dist/: what a first visit to one page
 * downloads, found the way a browser finds it, without a browser.
 *
 * Starting from the page's HTML, it follows
 *   - <link rel="stylesheet" href>, and the CSS's @import and url() (fonts, images);
 *   - <script src>, <link rel="modulepreload" href>, the scripts the page loads
 *     after its first paint and the files preloaded with them (the loader's
 *     attributes: src/lib/deferred-scripts.ts), and the static imports in
 *     those scripts (`import … from "./x.js"`, `import "./x.js"`, `export … from`:
 *     staticImports in src/lib/module-graph.ts, which the loader's list is
 *     made from), transitively; dynamic import() is not followed (it loads
 *     later, on demand);
 *   - <img src>, <source srcset>, <video poster>.
 * Each resource counts once. The favicon is not counted: a browser fetches it
 * once per site, not per page, and caches it.
 *
 * Styles are inlined into the HTML (<style>, hashed into the CSP:
 * src/lib/http/csp.ts), so a page's CSS comes with its HTML: it is counted as
 * CSS of its own, with no request, and its gzip is what it adds to the
 * gzipped page (the gzipped HTML with it, less the gzipped HTML without it),
 * so HTML + CSS is exactly the page as sent. Every page carries its styles
 * again: nothing of them is cached between pages. The small scripts the build
 * puts inline (src/lib/inline-scripts.ts) are counted the same way, as
 * JavaScript.
 *
 * Bytes: raw as on disk, gzipped with zlib's default level (about what a CDN
 * sends; Netlify may send brotli, which is smaller). Requests: the document plus
 * every resource above.
 *
 * What a form page loads once the reader turns to the form (its widgets and
 * its own kind's schema: src/components/ApplyForm/enhance.ts) is measured
 * apart: formInUseWeight below.
 *
 * Shared by tests/build/budgets.test.ts (budgets, enforced in `npm test`) and
 * scripts/bench/ (the figures in BENCHMARKS.md), so both measure the same thing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { separateScripts, separateStyles, styleHash } from '../../src/lib/http/csp.ts';
import { deferredScripts } from '../../src/lib/deferred-scripts.ts';
import { staticImports, tagAttribute } from '../../src/lib/module-graph.ts';
import { htmlFiles } from '../../src/integrations/built-files.ts';

export type ResourceKind = 'html' | 'css' | 'js' | 'image' | 'font' | 'other';
export const KINDS: ResourceKind[] = ['html', 'css', 'js', 'image', 'font', 'other'];

export interface Resource {
  /** Site path without the base, e.g. /_astro/Base.x.css. */
  path: string;
  kind: ResourceKind;
  raw: number;
  gzip: number;
  /** CSS or JavaScript inside the page's HTML: no request of its own (see the top of this file). */
  inline?: true;
}

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Page path without the base, e.g. /plan/. */
  page: string;
  resources: Resource[];
  requests: number;
  total: Bytes;
  byKind: Record<ResourceKind, Bytes>;
  /** Resources referenced but not found in dist/ (a broken build; the budgets test fails on them). */
  missing: string[];
}

const gzipCache = new Map<string, Resource>();

function kindOf(path: string): ResourceKind {
  if (/\.html?$/.test(path)) return 'html';
  if (/\.css$/.test(path)) return 'css';
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.(svg|png|jpe?g|gif|webp|avif|ico)$/.test(path)) return 'image';
  if (/\.(woff2?|ttf|otf|eot)$/.test(path)) return 'font';
  return 'other';
}

function measure(dist: string, path: string, file: string): Resource {
  const key = `${dist}\0${path}`;
  let r = gzipCache.get(key);
  if (!r) {
    const bytes = readFileSync(file);
    r = { path, kind: kindOf(file), raw: bytes.length, gzip: gzipSync(bytes).length };
    gzipCache.set(key, r);
  }
  return r;
}

/**
 * A page's HTML, the styles inlined in it and the scripts inlined in it
 * (src/lib/inline-scripts.ts), as resources that add up to the page as sent,
 * with the text of each <style>. Each inline part counts what it adds to the
 * gzipped page.
 */
function measureHtml(page: string, text: string): { resources: Resource[]; styles: string[] } {
  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text).length;
  const { styles, rest: unstyled } = separateStyles(text);
  const { scripts, rest } = separateScripts(unstyled);
  if (!styles.length && !scripts.length) return { resources: [{ path: page, kind: 'html', raw, gzip }], styles };
  const html: Resource = { path: page, kind: 'html', raw: Buffer.byteLength(rest), gzip: gzipSync(rest).length };
  const resources = [html];
  const unstyledBytes = {
    raw: Buffer.byteLength(unstyled),
    gzip: scripts.length ? gzipSync(unstyled).length : html.gzip,
  };
  if (styles.length)
    resources.push({
      path: `${page} <style>`,
      kind: 'css',
      raw: raw - unstyledBytes.raw,
      gzip: gzip - unstyledBytes.gzip,
      inline: true,
    });
  if (scripts.length)
    resources.push({
      path: `${page} <script>`,
      kind: 'js',
      raw: unstyledBytes.raw - html.raw,
      gzip: unstyledBytes.gzip - html.gzip,
      inline: true,
    });
  return { resources, styles };
}

/** The file in dist/ for a page path: /plan/ → dist/plan/index.html, /404.html → dist/404.html. */
export function pageFile(dist: string, page: string): string {
  return page.endsWith('/') ? join(dist, page, 'index.html') : join(dist, page);
}

/** Resolves a reference found in `fromPath` (a site path) to a site path without the base; undefined if external. */
function resolveRef(ref: string, fromPath: string, base: string): string | undefined {
  const clean = ref.replace(/&amp;/g, '&').split('#')[0]!.split('?')[0]!;
  if (!clean || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(clean)) return undefined;
  const url = new URL(clean, `http://site${fromPath}`);
  let path = decodeURI(url.pathname);
  const b = base.endsWith('/') ? base : `${base}/`;
  if (b !== '/' && path.startsWith(b)) path = `/${path.slice(b.length)}`;
  return path;
}

/** References a page's HTML makes to things loaded on first visit. */
export function htmlRefs(html: string): string[] {
  // Script bodies could contain anything that looks like a tag: look at tags only.
  const tags = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  const refs: string[] = [];
  for (const m of tags.matchAll(/<link\s[^>]*>/g)) {
    const rel = tagAttribute(m[0], 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = tagAttribute(m[0], 'href');
    if (
      href &&
      (rel.includes('stylesheet') ||
        rel.includes('modulepreload') ||
        (rel.includes('preload') && !rel.includes('icon')))
    )
      refs.push(href);
  }
  for (const m of tags.matchAll(/<script\s[^>]*>/g)) {
    const src = tagAttribute(m[0], 'src');
    if (src) refs.push(src);
  }
  const deferred = deferredScripts(html);
  refs.push(...deferred.entries, ...deferred.preload);
  for (const m of tags.matchAll(/<img\s[^>]*>/g)) {
    const src = tagAttribute(m[0], 'src');
    if (src && !src.startsWith('data:')) refs.push(src);
  }
  for (const m of tags.matchAll(/<video\s[^>]*>/g)) {
    const poster = tagAttribute(m[0], 'poster');
    if (poster) refs.push(poster);
  }
  return refs;
}

/**
 * The module a form page's script loads once the reader turns to the form
 * (src/components/ApplyForm/enhance.ts: `import('./apply-form.ts')`), as the
 * bundler names it: ./apply-form.<hash>.js.
 */
export function formScriptChunks(js: string): string[] {
  return [...js.matchAll(/import\(\s*["'`](\.\/apply-form\.[\w-]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
}

/**
 * The chunk of the page's own kind's form and schema, which that module loads
 * with it (`<form data-apply-form="legal-aid">`, kind-form.ts). The built
 * script keeps the glob's keys, so the chunk is found by its source path:
 * `"…/requests/legal-aid/form.ts":()=>…import(\`./form.X.js\`)`. A form page
 * whose chunks cannot be found this way is reported as missing, so a change
 * in the bundler's output cannot make the form pages look lighter than they
 * are.
 */
export function formChunks(html: string, js: string): string[] {
  const kind = /<form\s[^>]*data-apply-form="([a-z-]+)"/.exec(html)?.[1];
  if (!kind) return [];
  const m = new RegExp(
    `requests/${kind}/form\\.ts["'\`]\\s*:\\s*\\(\\)\\s*=>[^;]*?import\\(["'\`]([^"'\`]+)["'\`]\\)`,
  ).exec(js);
  return m ? [m[1]!] : [];
}

/** @import and url() in CSS (fonts, images); data: URLs are inline and cost no request. */
export function cssRefs(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) out.push(m[1]!);
  for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (!m[1]!.startsWith('data:')) out.push(m[1]!);
  return [...new Set(out)];
}

/** What a first visit to `page` downloads. */
export function pageWeight(dist: string, page: string, base = '/'): PageWeight {
  return weighPage(dist, page, base).weight;
}

/** pageWeight, with the text of each <style> of the page, from the one reading of it. */
function weighPage(
  dist: string,
  page: string,
  base: string,
): { weight: PageWeight; styles: string[]; seen: Set<string>; pageHtml: string } {
  const pageHtml = readFileSync(pageFile(dist, page), 'utf8');
  const { resources, styles } = measureHtml(page, pageHtml);
  const seen = new Set<string>();
  const loaded = follow(
    dist,
    base,
    htmlRefs(pageHtml).map((ref) => ({ ref, from: page })),
    seen,
  );
  return { weight: weightOf(page, [...resources, ...loaded.resources], loaded.missing), styles, seen, pageHtml };
}

/**
 * What a form page loads once the reader turns to the form, beyond its first
 * visit: the form's widgets (formScriptChunks) and its own kind's schema
 * (formChunks), with what they import. Empty for a page without a form.
 */
export function formInUseWeight(dist: string, page: string, base = '/'): PageWeight {
  const { weight, seen, pageHtml } = weighPage(dist, page, base);
  if (!/<form\s[^>]*data-apply-form="/.test(pageHtml)) return weightOf(page, [], []);
  const scripts = weight.resources.filter((r) => r.kind === 'js' && !r.inline);
  const refs = scripts.flatMap((r) =>
    formScriptChunks(readFileSync(join(dist, r.path), 'utf8')).map((ref) => ({ ref, from: r.path })),
  );
  let kindFound = false;
  const used = follow(dist, base, [...refs], new Set(seen), (js) => {
    const chunks = formChunks(pageHtml, js);
    kindFound ||= chunks.length > 0;
    return chunks;
  });
  const missing = [...used.missing];
  if (!refs.length) missing.push('(the form script the page loads when the reader turns to it: formScriptChunks)');
  if (!kindFound) missing.push("(the chunk of the page's own kind's form: formChunks)");
  return weightOf(page, used.resources, missing);
}

/**
 * Follows `queue` and what each file loads statically (and `more(js)` of each
 * script), counting each file once across calls that share `seen`.
 */
function follow(
  dist: string,
  base: string,
  queue: { ref: string; from: string }[],
  seen: Set<string>,
  more: (js: string) => string[] = () => [],
): { resources: Resource[]; missing: string[] } {
  const resources: Resource[] = [];
  const missing: string[] = [];
  while (queue.length) {
    const { ref, from } = queue.shift()!;
    const path = resolveRef(ref, from, base);
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const target = join(dist, path);
    if (!existsSync(target) || !statSync(target).isFile()) {
      missing.push(path);
      continue;
    }
    const r = measure(dist, path, target);
    resources.push(r);
    if (r.kind === 'js') {
      const js = readFileSync(target, 'utf8');
      queue.push(...[...staticImports(js), ...more(js)].map((x) => ({ ref: x, from: path })));
    }
    if (r.kind === 'css') queue.push(...cssRefs(readFileSync(target, 'utf8')).map((x) => ({ ref: x, from: path })));
  }
  return { resources, missing };
}

function weightOf(page: string, resources: Resource[], missing: string[]): PageWeight {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<ResourceKind, Bytes>;
  for (const r of resources) {
    byKind[r.kind].raw += r.raw;
    byKind[r.kind].gzip += r.gzip;
  }
  const total = resources.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const requests = resources.filter((r) => !r.inline).length;
  return { page, resources, requests, total, byKind, missing };
}

/** Every built page as a site path (/plan/, /404.html), sorted. */
export function builtPages(dist: string): string[] {
  return htmlFiles(dist)
    .map((f) => '/' + relative(dist, f).split(sep).join('/'))
    .map((p) => (p.endsWith('/index.html') || p === '/index.html' ? p.slice(0, -'index.html'.length) : p))
    .sort();
}

// ------------------------------------------------------------ page types ---

export interface PageType {
  id: string;
  /** Chinese name, as a reader would call it. */
  name: string;
  /** The page measured for this type in BENCHMARKS.md (and by Lighthouse). */
  example: string;
  match: (page: string) => boolean;
  /** Ships more than the display-settings script by design (search, forms, staff desk, CMS). */
  interactive?: boolean;
}

const CASE_LISTS = /^\/cases\/(?:(?:page|audience|topic|line)\/.*)?$/;

/**
 * Page types, in the order BENCHMARKS.md lists them; a page belongs to the
 * first type that matches. Types whose example page is not built (search
 * and the staff pages before their branches are merged) are skipped.
 */
export const PAGE_TYPES: PageType[] = [
  { id: 'home', name: '首页', example: '/', match: (p) => p === '/' },
  { id: 'plan', name: '实施方案', example: '/plan/', match: (p) => p === '/plan/' },
  { id: 'services', name: '服务总览', example: '/services/', match: (p) => p === '/services/' },
  { id: 'service', name: '服务指南', example: '/services/legal-aid/', match: (p) => /^\/services\/[^/]+\/$/.test(p) },
  { id: 'case-list', name: '以案说法列表', example: '/cases/', match: (p) => CASE_LISTS.test(p) },
  {
    id: 'case',
    name: '以案说法文章',
    example: '/cases/unpaid-wages-contractor-fled/',
    match: (p) => /^\/cases\/[^/]+\/$/.test(p),
  },
  {
    id: 'directory',
    name: '机构名录',
    example: '/directory/',
    match: (p) => /^\/directory\/(?:(?:town|type)\/[^/]+\/)?$/.test(p),
  },
  {
    id: 'office',
    name: '机构页',
    example: '/directory/taishan-legal-aid-office/',
    match: (p) => /^\/directory\/[^/]+\/$/.test(p),
  },
  { id: 'search', name: '搜索', example: '/search/', match: (p) => p.startsWith('/search/'), interactive: true },
  { id: 'apply', name: '在线申请入口', example: '/apply/', match: (p) => p === '/apply/' },
  // The question box searches the site's index as the person types (pagefind loads on demand).
  { id: 'consult', name: '法律咨询', example: '/consult/', match: (p) => p === '/consult/', interactive: true },
  {
    id: 'apply-start',
    name: '申请：开始页',
    example: '/apply/legal-aid/',
    match: (p) => /^\/apply\/(legal-aid|mediation)\/$/.test(p),
  },
  {
    id: 'apply-check',
    name: '申请：条件自测各步',
    example: '/apply/legal-aid/check/',
    match: (p) => p.startsWith('/apply/legal-aid/check/'),
  },
  {
    id: 'apply-form',
    name: '申请：填表页',
    example: '/apply/legal-aid/form/',
    match: (p) => /^\/apply\/[^/]+\/form\/$/.test(p),
    interactive: true,
  },
  {
    id: 'apply-status',
    name: '申请：进度查询',
    example: '/apply/status/',
    match: (p) => p === '/apply/status/',
    interactive: true,
  },
  { id: 'stats', name: '统计', example: '/stats/', match: (p) => p.startsWith('/stats/') },
  { id: 'staff', name: '工作人员', example: '/staff/', match: (p) => p.startsWith('/staff/'), interactive: true },
  { id: 'admin', name: '内容编辑后台', example: '/admin/', match: (p) => p.startsWith('/admin/'), interactive: true },
  {
    id: 'english',
    name: '英文页面',
    example: '/en/notarisation/',
    match: (p) => p.startsWith('/en/'),
  },
  { id: 'other', name: '其他页面', example: '/privacy/', match: () => true },
];

/**
 * A /zh-hant/ page is the same type as the 简体 page it was made from; the
 * English pages are content pages of their own type.
 */
export function pageTypeOf(page: string): PageType {
  const original = page.startsWith('/zh-hant/') ? page.slice('/zh-hant'.length) : page;
  return PAGE_TYPES.find((t) => t.match(original))!;
}

// --------------------------------------------------------------- budgets ---

export const KB = 1024;

/**
 * The page-weight budgets, enforced by tests/build/budgets.test.ts. Sizes are
 * gzipped; "first visit" is HTML + CSS + JS (+ images and fonts, of which
 * there are none today) as measured by pageWeight().
 */
export const BUDGETS = {
  /**
   * A case article's first visit. With the styles inlined (src/lib/http/csp.ts)
   * it is one request fewer, and about 0.1 KB heavier: the heaviest, the 繁體
   * copy of unpaid-wages-contractor-fled, measured 15,393 bytes (14.9 KB in 3
   * requests with the stylesheet as a file), so 15 KB became 15.5 KB and 3
   * requests 2.
   */
  case: { gzip: 15.5 * KB, requests: 2 },
  /** 法律咨询 (/consult/) on first visit: the page and the suggestions script, before pagefind loads. */
  consult: { gzip: 25 * KB },
  /** The plan page (the whole plan text) on first visit. */
  plan: { gzip: 20 * KB },
  /** JavaScript on every content page (all but search, forms, staff desk, CMS). */
  contentJs: { gzip: 2 * KB },
  /**
   * The CSS one public page carries (inline: every page sends its styles
   * again, so this is per page, not the site's total). Measured when set:
   * 4.3 KB on content pages, 5.2 KB on forms and 法律咨询, 5.6 KB on the staff
   * desk. Before inlining the budget was 10 KB for all the site's stylesheets
   * together (7.1 KB in 5 files), which inline styles, each page's whole
   * CSS in one <style>, no longer measure.
   */
  pageCss: { gzip: 6 * KB },
  /**
   * A form page's JavaScript on first visit: what shows the conditional
   * questions and makes the choices given in the address
   * (src/components/ApplyForm/enhance.ts). The form's widgets and its kind's
   * schema load once the reader turns to the form (formInUseJs). Before that
   * split the page loaded 30.2 KB (法律援助) as it opened, schema included.
   */
  formJs: { gzip: 12 * KB },
  /** A form page's first visit, in 简体 and in 繁體 (whose script fetches the converter's dictionary only once the reader turns to the form). */
  formFirstVisit: { gzip: 25 * KB },
  /**
   * What a form page loads once the reader first touches, focuses or changes
   * anything in the form (formInUseWeight): the widgets that check and send,
   * and the page's own kind's schema only. The steps after the form (check,
   * send, confirmation: steps.ts) come right after and are not counted, nor
   * is the 繁體 converter's dictionary (about 10 KB) a 繁體 page fetches then.
   */
  formInUseJs: { gzip: 28 * KB },
  /** The staff desk's JavaScript on sign-in; the forms' questions load with the first record opened or exported. */
  deskJs: { gzip: 30 * KB },
  /**
   * A first search on a site of 2,000 case articles (the synthetic corpus of
   * scripts/bench/search-corpus.ts), from the search page in Chromium with a
   * cold cache (tests/e2e/search-budget.test.ts): pagefind's code, the index's
   * table of contents, the chunks of the query's words and the text of the
   * results shown. Measured when set: 135–146 KB, of which 94.8 KB (code
   * 67.2, table of contents 27.7) comes before any word is looked up. The
   * performance target is 110 KB, which that fixed part leaves no room for.
   */
  searchFirstQuery: { gzip: 150 * KB },
  /** Each later search on the same page: chunks and results only. Measured when set: 31–39 KB. */
  searchLaterQuery: { gzip: 40 * KB },
  /**
   * A new connection's first round trip carries ten TCP segments (the initial
   * window of RFC 6928) of 1,460 bytes: a page whose response fits in 14,600
   * bytes, headers included, is there after one round trip; one byte more
   * costs a second (about 150 ms on Lighthouse's slow 4G, the difference
   * between the pages at 0.8 s and those at 0.95–1.0 s in BENCHMARKS.md).
   * The pages that lead to a task fit: the home page, the overviews and lists,
   * the directory, search, and the application's start, self-check and status
   * pages. The long texts (plan, guides, case articles) and the forms cannot
   * without cutting what they say. Counted as the local server sends the page
   * (scripts/lib/serve.ts: gzip, the headers of `_headers` and netlify.toml).
   * Measured when set: at most 14,154 bytes (繁體 申请开始页), which was 14,686
   * before the QR code's path was halved (src/lib/qr.ts).
   */
  firstRoundTrip: {
    bytes: 14_600,
    types: [
      'home',
      'services',
      'case-list',
      'directory',
      'office',
      'search',
      'apply',
      'apply-start',
      'apply-check',
      'apply-status',
      'english',
      'other',
    ],
  },
} as const;

/** Whether a response of `sent` bytes (headers included) arrives in a new connection's first round trip. */
export function fitsFirstRoundTrip(sent: number): boolean {
  return sent <= BUDGETS.firstRoundTrip.bytes;
}

/** Whether the first-round-trip budget holds `page`: its type is one of BUDGETS.firstRoundTrip.types. */
export function inFirstRoundTripBudget(page: string): boolean {
  return (BUDGETS.firstRoundTrip.types as readonly string[]).includes(pageTypeOf(page).id);
}

/** Content pages: everything except the interactive types (search, forms, staff desk, CMS). */
export function isContentPage(page: string): boolean {
  return !pageTypeOf(page).interactive;
}

/**
 * Every distinct piece of CSS the public pages (not /admin/) carry: each
 * stylesheet they link, and each different inline <style> (named by its CSP
 * hash, gzipped on its own), with its size.
 */
export function siteCss(dist: string, pages: string[]): Resource[] {
  const css = new Map<string, Resource>();
  for (const page of pages.filter((p) => !p.startsWith('/admin/'))) {
    const { weight, styles } = weighPage(dist, page, '/');
    for (const r of weight.resources) if (r.kind === 'css' && !r.inline) css.set(r.path, r);
    for (const text of styles) {
      const path = `<style> ${styleHash(text)}`;
      if (!css.has(path))
        css.set(path, { path, kind: 'css', raw: Buffer.byteLength(text), gzip: gzipSync(text).length, inline: true });
    }
  }
  return [...css.values()];
}

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}
