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
