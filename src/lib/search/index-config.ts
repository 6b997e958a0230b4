/**
 * What the search index contains, shared by the index build
 * (scripts/build-search-index.ts) and the tests that work out from the built
 * HTML what pagefind must find (tests/e2e/support/search.ts).
 */

/**
 * Parts of data-pagefind-body that are not indexed (besides
 * data-pagefind-ignore). Header, footer and QR code are outside the body
 * already; they are listed as a safeguard.
 *
 * `.law-article__body` is the statute text inside each cited article's
 * <details>: the same articles are quoted on many pages, so their words would
 * match everywhere and crowd out the pages that explain the matter, and they
 * were a large share of every page's index and result download (see
 * `npm run bench:search`). The citation itself (《…》第…条 and its note) stays
 * searchable.
 */
export const EXCLUDE_SELECTORS = ['.site-header', '.site-footer', '.qr', '.law-article__body'];

/** Elements pagefind itself never indexes (its HTML parser's REMOVE_SELECTORS, 1.6). */
export const PAGEFIND_SKIPS = [
  'head',
  'style',
  'script',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
];

/** Filter keys pages may use (Base.astro's `search.filters`, plus 类型). */
export const FILTER_KEYS = ['类型', '工作条线', '对象', '镇街', '主题'];

/** Values of 类型. */
export const CONTENT_TYPES = ['方案', '服务指南', '以案说法', '常见问答', '机构', '页面'];

/**
 * /search/index-info.json, written by the index build for the search page:
 * the filter values pages use, and the site's most common words.
 */
export interface IndexInfo {
  /** Filter key → the values pages use, e.g. { 类型: ['方案', '服务指南'] }. */
  facets: Record<string, string[]>;
  /**
   * Words (as the browser segments them) found on at least COMMON_SHARE of all
   * pages, with that share: { 法律: 0.97 }. Only computed from COMMON_MIN_PAGES
   * pages up (below that, downloads are small anyway). See query.ts,
   * dropCommonWords.
   */
  common: Record<string, number>;
  /**
   * Page id (pagefind's result id, the name of its fragment file) → the page's
   * `group` meta, for the pages that have one: near-identical pages made from
   * one template (see src/lib/search/fuse.ts, diversify).
   */
  groups: Record<string, string>;
}

/** 90 %: such a word barely ranks (BM25's IDF is about 0.1) and barely filters. */
export const COMMON_SHARE = 0.9;
export const COMMON_MIN_PAGES = 20;
