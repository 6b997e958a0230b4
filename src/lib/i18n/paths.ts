/**
 * Addresses of the three versions of a page. The 简体 page is the original
 * (/services/notary/); its 繁體 copy lives under /zh-hant/ (/zh-hant/services/notary/),
 * made by the build from the 简体 page (docs/i18n.md); English pages are their
 * own content under /en/ (content/en/). Paths here are site paths without the
 * base path; src/lib/paths.ts adds the base.
 */

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';

/** The segment the 繁體 copy of the site lives under. */
export const ZH_HANT_DIR = 'zh-hant';
export const EN_DIR = 'en';

/** The cut-down dictionary the build writes for functions and browsers (build.ts), from the site root. */
export const DICTIONARY_FILE = '_i18n/zh-hant.json';

/**
 * Site paths with no 繁體 copy: assets, the search index, functions' API, the
 * staff desk and the editing interface (staff tools, not the public site),
 * the bureau's review list, build internals, and the English pages.
 */
export const NOT_CONVERTED = [
  '/_astro/',
  '/pagefind/',
  '/api/',
  '/admin/',
  '/staff/',
  '/review/',
  '/_shell/',
  '/_i18n/',
  '/shell/',
  `/${EN_DIR}/`,
  `/${ZH_HANT_DIR}/`,
] as const;

/** A page (not a file such as /favicon.svg or /cases/rss.xml) that has a 繁體 copy. */
export function hasZhHant(path: string): boolean {
  if (!path.startsWith('/') || NOT_CONVERTED.some((p) => path.startsWith(p) || `${path}/` === p)) return false;
  const last = path.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return !last.includes('.') || last.endsWith('.html');
}

/** /services/notary/ → /zh-hant/services/notary/ (the same path when the page has no 繁體 copy). */
export function zhHantPath(path: string): string {
  return hasZhHant(path) ? `/${ZH_HANT_DIR}${path}` : path;
}

/** /zh-hant/services/notary/ → /services/notary/; other paths unchanged. */
export function zhHansPath(path: string): string {
  const prefix = `/${ZH_HANT_DIR}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length - 1) : path;
}

/** The language of a site path (without base) as its address says. */
export function langOfPath(path: string): Lang {
  if (path.startsWith(`/${ZH_HANT_DIR}/`)) return 'zh-Hant';
  if (path.startsWith(`/${EN_DIR}/`) || path === `/${EN_DIR}`) return 'en';
  return 'zh-Hans';
}

/** A value of the forms' `_lang` field or the `lang` of a page: zh-Hant or zh-Hans (the default). */
export function chineseScript(value: unknown): 'zh-Hans' | 'zh-Hant' {
  return typeof value === 'string' && /^zh-(?:hant|tw|hk|mo)$/i.test(value) ? 'zh-Hant' : 'zh-Hans';
}
