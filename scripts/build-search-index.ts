// Builds the pagefind search index for the built site (the last step of
// `npm run build`), with pagefind's Node API at the version pinned in
// package.json, and fails the build when the index is wrong instead of only
// logging: indexing errors, no pages, or fewer pages than the site marks
// searchable (pages whose HTML carries data-pagefind-body, see Base.astro).
//
//   node scripts/build-search-index.ts [site dir]      (default: ASTRO_OUT_DIR or dist)
//
// Only data-pagefind-body regions are indexed (pagefind does this by itself
// once any page has the attribute); header, navigation, footer and QR code are
// outside it. Output: <site>/pagefind/. The search page loads it from the base
// path it was built with (SITE_BASE), so the same index works under /sfj/.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { gunzipSync } from 'node:zlib';
import {
  COMMON_MIN_PAGES,
  COMMON_SHARE,
  CONTENT_TYPES,
  EXCLUDE_SELECTORS,
  FILTER_KEYS,
  type IndexInfo,
} from '../src/lib/search/index-config.ts';
import { parseFragment } from '../src/lib/search/pagefind.ts';
import { mark } from '../src/integrations/build-timings.ts';

const root = join(import.meta.dirname, '..');
const site = resolve(root, process.argv[2] ?? process.env.ASTRO_OUT_DIR ?? 'dist');
const output = join(site, 'pagefind');

function fail(message: string): never {
  console.error(`\n✖ 搜索索引构建失败：${message}\n`);
  process.exit(1);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === output ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

let files: string[];
try {
  files = htmlFiles(site);
} catch {
  fail(`找不到构建结果 ${relative(root, site) || site}。请先运行 astro build。`);
}
const searchable = files.filter((f) => /\sdata-pagefind-body[\s=>]/.test(readFileSync(f, 'utf8')));
if (searchable.length === 0) fail('没有一个页面标记为可搜索（data-pagefind-body）。');

// Filters, as Base.astro renders them: <span data-pagefind-filter="key:value">.
// Unknown keys or types are typos that would silently split a filter in two.
const facets = new Map<string, Set<string>>(FILTER_KEYS.map((k) => [k, new Set()]));
const badFilters: string[] = [];
// Pages by their language, as pagefind reads it (<html lang>, lower-cased): each is indexed on its own below.
const languages = new Map<string, string[]>();
for (const file of searchable) {
  const html = readFileSync(file, 'utf8');
  const lang = (/<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'unknown').toLowerCase();
  const ofLang = languages.get(lang);
  if (ofLang) ofLang.push(file);
  else languages.set(lang, [file]);
  for (const [, key, rawValue] of html.matchAll(/\sdata-pagefind-filter="([^":]*):([^"]*)"/g)) {
    const value = rawValue!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const where = relative(site, file).split(sep).join('/');
    if (!facets.has(key!)) badFilters.push(`${where}：未知的筛选项“${key}”（只能是 ${FILTER_KEYS.join('、')}）`);
    else if (key === '类型' && !CONTENT_TYPES.includes(value))
      badFilters.push(`${where}：未知的类型“${value}”（只能是 ${CONTENT_TYPES.join('、')}）`);
    else if (!value.trim()) badFilters.push(`${where}：筛选项“${key}”没有值`);
    else facets.get(key!)!.add(value);
  }
}
if (badFilters.length) fail(`页面的搜索筛选项有误：\n  - ${[...new Set(badFilters)].join('\n  - ')}`);
mark('search: pages and filters read');

rmSync(output, { recursive: true, force: true });
const started = Date.now();
// Smaller index chunks than pagefind's default (20,000 postings, ~22 KB per
// chunk on a 2,000-article site): a query downloads one chunk per word it
// looks up, and the everyday-word variants look up several words, so smaller
// chunks keep the first search light (measured: npm run bench:search).
// pagefind reads this setting from the environment only; it is marked
// unstable, which is why the version is pinned.
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '5000';
// One index per page language, from <html lang>: zh-CN for the 简体 pages,
// zh-Hant for their /zh-hant/ copies (src/lib/i18n/). The search page loads
// the index of its own language, so a reader of the 繁體 site finds 繁體
// pages (the query is converted first: src/lib/search/script.ts).
// Each language is indexed and written on its own, then the two are put
// together: pagefind's work grows faster than the number of pages it holds
// (at 5,000 articles, 10,208 pages: 146 s of CPU for both languages at once,
// 60 s for one language's 5,104), and each language's index comes out the
// same either way (same files, same hashes), so only pagefind-entry.json,
// which lists the languages, is written here.
let indexed = 0;
let entry: { languages: Record<string, unknown> } | undefined;
for (const [lang, pages] of languages) {
  const part = `${output}.${lang}`;
  rmSync(part, { recursive: true, force: true });
  indexed += await indexLanguage(pages, part);
  const own = JSON.parse(readFileSync(join(part, 'pagefind-entry.json'), 'utf8')) as typeof entry;
  entry = entry ? { ...entry, languages: { ...entry.languages, ...own!.languages } } : own;
  cpSync(part, output, { recursive: true });
  rmSync(part, { recursive: true, force: true });
}
writeFileSync(join(output, 'pagefind-entry.json'), JSON.stringify(entry));
if (indexed === 0) fail('pagefind 没有索引到任何页面。');
if (indexed < searchable.length) fail(`只索引了 ${indexed} 个页面，但有 ${searchable.length} 个页面标记为可搜索。`);

/** Indexes one language's pages into `outputPath`; the number of pages indexed. */
async function indexLanguage(pages: string[], outputPath: string): Promise<number> {
  // See src/lib/search/index-config.ts: header, footer, QR code and the
  // statute text of cited articles.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  if (!index || errors.length) fail(`pagefind 无法启动：${errors.join('；')}`);
  // One file at a time rather than addDirectory(): the Node API indexes every
  // page it is given, whole, even when other pages carry data-pagefind-body
  // (the CLI skips those pages; the API does not), which would put the 404 page
  // and other unmarked pages into the index.
  let count = 0;
  const problems: string[] = [];
  for (const file of pages) {
    const path = relative(site, file).split(sep).join('/');
    const url = '/' + path.replace(/(^|\/)index\.html$/, '$1');
    const res = await index.addHTMLFile({ url, content: readFileSync(file, 'utf8') });
    if (res.errors.length) problems.push(`${path}：${res.errors.join('；')}`);
    else if (!res.file || res.file.uniqueWords === 0) problems.push(`${path}：没有可索引的文字`);
    else count++;
  }
  if (problems.length) fail(`索引页面时出错：\n  - ${problems.join('\n  - ')}`);
  mark('search: pages indexed');
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) fail(`写入索引时出错：${written.errors.join('；')}`);
  await index.deleteIndex();
  mark('search: index written');
  return count;
}
// The most common words: read back the text pagefind stored for each page
// (its result fragments, parseFragment) and count, per
// word as the browser segments it, the pages that use it. The same pass
// collects the pages' `group` meta (near-identical pages, see Base.astro).
const documentFrequency = new Map<string, number>();
const groups: Record<string, string> = {};
const fragments = readdirSync(join(output, 'fragment'));
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
for (const name of fragments) {
  const { content, meta } = parseFragment(gunzipSync(readFileSync(join(output, 'fragment', name))));
  if (meta?.group) groups[name.replace(/\.pf_fragment$/, '')] = meta.group;
  const words = new Set(
    [...segmenter.segment(content.toLowerCase())].filter((w) => w.isWordLike).map((w) => w.segment),
  );
  for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
}
const common: Record<string, number> = {};
if (fragments.length >= COMMON_MIN_PAGES) {
  for (const [word, n] of documentFrequency)
    if (n / fragments.length >= COMMON_SHARE) common[word] = Math.round((n / fragments.length) * 100) / 100;
}

// For the search page: filter values for its menus (a few hundred bytes
// instead of pagefind's filter index, only needed once a filter is used) and
// the common words its queries can skip, and the groups of near-identical pages.
const info: IndexInfo = {
  facets: Object.fromEntries([...facets].filter(([, v]) => v.size).map(([k, v]) => [k, [...v]])),
  common,
  groups,
};
mkdirSync(join(site, 'search'), { recursive: true });
writeFileSync(join(site, 'search', 'index-info.json'), JSON.stringify(info));
mark('search: common words');

// pagefind also writes its ready-made interfaces; the site uses its own
// (src/components/Search/), so they are not published.
for (const name of [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]) {
  rmSync(join(output, name), { force: true });
}
await pagefind.close();
mark('search: done');

console.log(
  `搜索索引：${indexed} 个页面（共 ${files.length} 个 HTML 文件），写入 ${relative(root, output)}，常用词 ${Object.keys(common).length} 个，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
);
