/**
 * Helpers for the search tests: which built pages are searchable, their text
 * as pagefind indexes it (read in the browser from the built HTML), the
 * ground truth for a query, and running a query through the real search page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { htmlFiles, pagePath } from '../../support/dist.ts';
import { EXCLUDE_SELECTORS, PAGEFIND_SKIPS } from '../../../src/lib/search/index-config.ts';

/** URL paths (/services/legal-aid/) of the built pages that carry data-pagefind-body. */
export function searchablePages(dist: string): string[] {
  return htmlFiles(dist)
    .filter((f) => !f.includes('/pagefind/') && /\sdata-pagefind-body[\s=>]/.test(readFileSync(f, 'utf8')))
    .map((f) => pagePath(dist, f))
    .sort();
}

/**
 * The text pagefind indexes on each page, read in the browser: the
 * data-pagefind-body region without data-pagefind-ignore elements, the
 * elements pagefind always skips and the parts the build excludes
 * (src/lib/search/index-config.ts).
 * Block elements are separated by a line break, as pagefind separates them, so
 * a query never “matches” across two paragraphs; whitespace stays a boundary.
 */
export async function pageTexts(page: Page, baseURL: string, paths: string[]): Promise<Map<string, string>> {
  const texts = await page.evaluate(
    async ({ baseURL, paths, skip }) => {
      const BLOCK = /^(H[1-6]|P|TD|TH|DIV|UL|OL|LI|DL|DT|DD|ARTICLE|SECTION|BLOCKQUOTE|DETAILS|SUMMARY|TABLE|TR|ASIDE|FIGURE|FIGCAPTION|PRE|HEADER|MAIN|BR)$/;
      const out: [string, string][] = [];
      for (const path of paths) {
        const html = await (await fetch(baseURL + path)).text();
        const body = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-pagefind-body]');
        if (!body) continue;
        body.querySelectorAll(skip).forEach((e) => e.remove());
        let text = '';
        const walk = (node: Node) => {
          for (const child of node.childNodes) {
            if (child.nodeType === Node.TEXT_NODE) text += (child as Text).data;
            else if (child instanceof Element) {
              const block = BLOCK.test(child.tagName);
              if (block) text += '\n';
              walk(child);
              if (block) text += '\n';
            }
          }
        };
        walk(body);
        out.push([path, text.replace(/[^\S\n]+/g, ' ')]);
      }
      return out;
    },
    { baseURL, paths, skip: ['[data-pagefind-ignore]', ...PAGEFIND_SKIPS, ...EXCLUDE_SELECTORS].join(', ') },
  );
  return new Map(texts);
}

function occurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

export interface TruthOptions {
  /** Alternatives: a page qualifies when it contains every term of at least one of them. */
  alternatives: string[][];
  /** Longer words whose occurrences do not count (未成年人 for 成年人). */
  notInside?: string[];
  /** At most this many pages are required when more than `top` qualify. */
  cap?: number;
  /** The number of results that are checked. */
  top?: number;
}

/**
 * Pages that must appear in the top results: every qualifying page when they
 * fit in the top `top` (10); otherwise the `cap` (5) pages using the terms most
 * often (for several terms, the count of the least used one: a page about
 * both, not one that repeats one term and mentions the other once).
 */
export function requiredPages(texts: Map<string, string>, { alternatives, notInside = [], cap = 5, top = 10 }: TruthOptions): { required: string[]; qualifying: number } {
  const scored: [string, number][] = [];
  for (const [path, raw] of texts) {
    const text = notInside.reduce((t, w) => t.split(w).join('\n'), raw);
    let best = 0;
    for (const terms of alternatives) {
      const counts = terms.map((t) => occurrences(text, t));
      if (counts.every((c) => c > 0)) best = Math.max(best, Math.min(...counts));
    }
    if (best > 0) scored.push([path, best]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const required = (scored.length <= top ? scored : scored.slice(0, cap)).map(([p]) => p);
  return { required, qualifying: scored.length };
}

/** Opens /search/?q=… and returns the result paths in order (base path and #fragment removed). */
export async function searchPage(page: Page, baseURL: string, q: string, extra = ''): Promise<{ paths: string[]; status: string; state: string }> {
  await page.goto(`${baseURL}/search/?q=${encodeURIComponent(q)}${extra}`);
  return readResults(page, baseURL, q);
}

/** Waits until the search page has settled for this query, then reads the results shown. */
export async function readResults(page: Page, baseURL: string, q: string): Promise<{ paths: string[]; status: string; state: string }> {
  await page.waitForFunction(
    (q) => {
      const app = document.querySelector<HTMLElement>('[data-search-app]');
      return !!app && app.dataset.query === q && app.dataset.state !== 'loading';
    },
    q,
    { timeout: 20_000 },
  );
  const base = new URL(baseURL + '/').pathname;
  const hrefs = await page.locator('[data-search-results] .search-result__title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const paths = hrefs.map((h) => '/' + new URL(h).pathname.slice(base.length));
  return {
    paths,
    status: (await page.locator('[data-search-status]').textContent()) ?? '',
    state: (await page.locator('[data-search-app]').getAttribute('data-state')) ?? '',
  };
}
