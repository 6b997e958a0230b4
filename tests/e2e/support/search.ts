/**
 * Helpers for the search tests: which built pages are searchable, their text
 * as pagefind indexes it (read in the browser from the built HTML), the
 * ground truth for a query, and running a query through the real search page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { htmlFiles, pagePath } from '../../support/dist.ts';
import { EXCLUDE_SELECTORS, PAGEFIND_SKIPS } from '../../../src/lib/search/index-config.ts';

/**
 * URL paths (/services/legal-aid/) of the built pages that carry
 * data-pagefind-body, in one language (`<html lang>`: zh-CN, zh-Hant): pagefind
 * builds one index per language, and a search page searches its own.
 */
export function searchablePages(dist: string, lang: string): string[] {
  return htmlFiles(dist)
    .filter((f) => {
      if (f.includes('/pagefind/')) return false;
      const html = readFileSync(f, 'utf8');
      return /\sdata-pagefind-body[\s=>]/.test(html) && new RegExp(`<html lang="${lang}"[\\s>]`).test(html);
    })
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
      const BLOCK =
        /^(H[1-6]|P|TD|TH|DIV|UL|OL|LI|DL|DT|DD|ARTICLE|SECTION|BLOCKQUOTE|DETAILS|SUMMARY|TABLE|TR|ASIDE|FIGURE|FIGCAPTION|PRE|HEADER|MAIN|BR)$/;
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
  /** At most this many places are required when more than `top` qualify. */
  cap?: number;
  /** The number of results that are checked. */
  top?: number;
  /** Page → its group (pageGroups): near-identical pages made from one template. */
  groups?: Map<string, string>;
  /** At most this many places for the pages of one group. */
  perGroup?: number;
}

/** One required place in the top results, filled by any one of `accepts` (usually a single page). */
export interface Place {
  accepts: string[];
}

export interface Truth {
  places: Place[];
  /** How many pages contain the terms. */
  qualifying: number;
}

/**
 * The places that must be filled in the top results, worked out from the
 * pages' text:
 *   - every page that contains the terms, when they fit in the top `top` (10);
 *     otherwise the `cap` (5) pages that use them most often (for several
 *     terms, the count of the least used one: a page about both, not one that
 *     repeats one term and mentions the other once);
 *   - pages of one group (the `group` meta in their HTML: near-identical pages
 *     made from one template, one per town or office) take at most `perGroup`
 *     (2) places, each open to any page of the group that uses the terms as
 *     often: a list with seventeen copies of one template serves a reader no
 *     better than one with two and then other pages, and the counts give no
 *     reason to prefer 白沙镇's copy over 北陡镇's. The places the other copies
 *     would have taken go to the next pages by count, so a group never shrinks
 *     what is asked;
 *   - when the cap falls among pages that use the terms equally often, the
 *     last places are open to any of them, for the same reason (the order of
 *     their addresses is no reason).
 */
export function requiredPages(
  texts: Map<string, string>,
  { alternatives, notInside = [], cap = 5, top = 10, groups = new Map(), perGroup = 2 }: TruthOptions,
): Truth {
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
  // Units: a page of its own, or one of a group's first `perGroup` places.
  const units: { count: number; accepts: string[] }[] = [];
  const taken = new Map<string, number>();
  for (const [path, count] of scored) {
    const group = groups.get(path);
    if (group === undefined) {
      units.push({ count, accepts: [path] });
    } else if ((taken.get(group) ?? 0) < perGroup) {
      taken.set(group, (taken.get(group) ?? 0) + 1);
      units.push({ count, accepts: scored.filter(([p, n]) => groups.get(p) === group && n >= count).map(([p]) => p) });
    }
  }
  if (units.length <= top) return { places: units.map((u) => ({ accepts: u.accepts })), qualifying: scored.length };
  const cut = units[cap - 1]!.count;
  const above = units.filter((u) => u.count > cut);
  const tied = units.filter((u) => u.count === cut);
  const slots = cap - above.length;
  const pool = [...new Set(tied.flatMap((u) => u.accepts))];
  const places = [
    ...above.map((u) => ({ accepts: u.accepts })),
    ...(tied.length === slots
      ? tied.map((u) => ({ accepts: u.accepts }))
      : Array.from({ length: slots }, () => ({ accepts: pool }))),
  ];
  return { places, qualifying: scored.length };
}

/**
 * The places filled by the results shown (each result fills at most one
 * place: a maximum matching, so open places never compete unfairly), and the
 * unfilled ones.
 */
export function fillPlaces(places: readonly Place[], shown: readonly string[]): { filled: number; unfilled: Place[] } {
  const holder = new Map<string, number>(); // result → the place it fills
  const assign = (i: number, visited: Set<string>): boolean => {
    for (const page of places[i]!.accepts) {
      if (!shown.includes(page) || visited.has(page)) continue;
      visited.add(page);
      const other = holder.get(page);
      if (other === undefined || assign(other, visited)) {
        holder.set(page, i);
        return true;
      }
    }
    return false;
  };
  const unfilled = places.filter((_, i) => !assign(i, new Set()));
  return { filled: places.length - unfilled.length, unfilled };
}

/** Page path → its `group` meta (data-pagefind-meta="group:…"), from the built HTML. */
export function pageGroups(dist: string, paths: readonly string[]): Map<string, string> {
  const groups = new Map<string, string>();
  for (const path of paths) {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    const m = /\sdata-pagefind-meta="group:([^"]+)"/.exec(html);
    if (m) groups.set(path, m[1]!);
  }
  return groups;
}

/** Opens /search/?q=… and returns the result paths in order (base path and #fragment removed). */
export async function searchPage(
  page: Page,
  baseURL: string,
  q: string,
  extra = '',
): Promise<{ paths: string[]; status: string; state: string }> {
  await page.goto(`${baseURL}/search/?q=${encodeURIComponent(q)}${extra}`);
  return readResults(page, baseURL, q);
}

/** Waits until the search page has settled for this query, then reads the results shown. */
export async function readResults(
  page: Page,
  baseURL: string,
  q: string,
): Promise<{ paths: string[]; status: string; state: string }> {
  await page.waitForFunction(
    (q) => {
      const app = document.querySelector<HTMLElement>('[data-search-app]');
      return !!app && app.dataset.query === q && app.dataset.state !== 'loading';
    },
    q,
    { timeout: 20_000 },
  );
  const base = new URL(baseURL + '/').pathname;
  const hrefs = await page
    .locator('[data-search-results] .search-result__title a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const paths = hrefs.map((h) => '/' + new URL(h).pathname.slice(base.length));
  return {
    paths,
    status: (await page.locator('[data-search-status]').textContent()) ?? '',
    state: (await page.locator('[data-search-app]').getAttribute('data-state')) ?? '',
  };
}
