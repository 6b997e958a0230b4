/**
 * The parts of pagefind's browser API (dist/pagefind/pagefind.js, loaded by
 * the search page) that the site uses. pagefind ships no types for it.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

/** A result's page: its text, excerpt, meta and filter values. */
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Downloads the page's fragment (its text): one request per result. */
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
}

/**
 * A fragment file as pagefind 1.6 writes it (<site>/pagefind/fragment/*.pf_fragment),
 * once gunzipped: a 12-byte signature, then the page's data as JSON. Read at
 * build time (the site's common words) and by the tests of what is indexed.
 */
export function parseFragment(gunzipped: Uint8Array): PagefindData {
  return JSON.parse(new TextDecoder().decode(gunzipped.subarray(12))) as PagefindData;
}
