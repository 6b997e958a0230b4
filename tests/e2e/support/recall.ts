/**
 * The recall measurement the search-recall tests share: for each query, the
 * places the top results must fill (ground truth from the built pages' text,
 * support/search.ts, plus pages a fixture names), the query typed into the
 * real search page, and a report by kind.
 */
import type { Page } from 'playwright-core';
import { z } from 'astro/zod';
import { fillPlaces, readResults, requiredPages, type Place } from './search.ts';
import { PER_GROUP } from '../../../src/lib/search/fuse.ts';
import { expandQuery, type SynonymRule } from '../../../src/lib/search/synonyms.ts';

export const recallQuerySchema = z.object({
  q: z.string().min(1),
  /** The same query as a reader of 繁體 types it (the 繁體 recall test). */
  t: z.string().min(1).optional(),
  kind: z.enum(['term2', 'term4', 'phrase', 'mixed', 'everyday', 'natural']),
  terms: z.array(z.string().min(1)).optional(),
  notInside: z.array(z.string().min(1)).optional(),
  expect: z.array(z.string().startsWith('/')).optional(),
});
export type RecallQuery = z.infer<typeof recallQuerySchema>;

export interface RecallRow {
  q: string;
  kind: string;
  qualifying: number;
  /** Required places (see support/search.ts, requiredPages). */
  places: number;
  found: number;
  /** Unfilled places: a page, or “one of N pages like …”. */
  missing: string[];
}

export interface RecallSetup {
  page: Page;
  baseURL: string;
  /** Page path → indexed text, of the pages in the searched language only. */
  texts: Map<string, string>;
  groups: Map<string, string>;
  synonyms: readonly SynonymRule[];
  top: number;
  /** Query words (简体, as in the fixtures) → the words the searched pages use (繁體 on /zh-hant/). */
  pageWords?: (text: string) => string;
  /** A fixture's page path → the path in the searched language (/zh-hant/…). */
  pagePath?: (path: string) => string;
}

/** The places a query must fill in the top results. */
export function placesFor(entry: RecallQuery, s: RecallSetup): { places: Place[]; qualifying: number } {
  const words = s.pageWords ?? ((t: string) => t);
  const own = entry.terms ?? entry.q.split(/\s+/).filter(Boolean);
  const alternatives = [own];
  if (entry.kind === 'everyday')
    for (const variant of expandQuery(entry.q, s.synonyms).variants)
      alternatives.push(variant.split(/\s+/).filter(Boolean));
  const truth = requiredPages(s.texts, {
    alternatives: alternatives.map((terms) => terms.map(words)),
    notInside: entry.notInside?.map(words),
    top: s.top,
    groups: s.groups,
    perGroup: PER_GROUP,
  });
  const expected = (entry.expect ?? []).map(s.pagePath ?? ((p: string) => p));
  const places = [
    ...truth.places,
    ...expected
      .filter((p) => !truth.places.some((pl) => pl.accepts.length === 1 && pl.accepts[0] === p))
      .map((p) => ({ accepts: [p] })),
  ];
  return { places, qualifying: truth.qualifying };
}

/**
 * Types `typed` into the search page that is already open and presses Enter,
 * as a reader does, then reads the results once the page has settled on
 * `shownAs` (the query as the page shows it back: converted on /zh-hant/).
 */
export async function typeQuery(s: RecallSetup, typed: string, shownAs: string): Promise<string[]> {
  await s.page.locator('#search-q').fill(typed);
  await s.page.locator('#search-q').press('Enter');
  return (await readResults(s.page, s.baseURL, shownAs)).paths;
}

export async function measureRow(
  s: RecallSetup,
  entry: RecallQuery,
  typed: string,
  shownAs: string,
): Promise<RecallRow | undefined> {
  const { places, qualifying } = placesFor(entry, s);
  if (places.length === 0) return undefined;
  const shown = (await typeQuery(s, typed, shownAs)).slice(0, s.top);
  const { filled, unfilled } = fillPlaces(places, shown);
  return {
    q: typed,
    kind: entry.kind,
    qualifying,
    places: places.length,
    found: filled,
    missing: unfilled.map((p) =>
      p.accepts.length === 1 ? p.accepts[0]! : `${p.accepts[0]} 等 ${p.accepts.length} 个页面之一`,
    ),
  };
}

/** Overall recall and the report printed by the tests. */
export function recallReport(
  rows: readonly RecallRow[],
  pages: number,
  top: number,
  skipped: readonly string[] = [],
): { recall: number; report: string } {
  const sum = (rs: readonly RecallRow[], f: (r: RecallRow) => number) => rs.reduce((n, r) => n + f(r), 0);
  const total = sum(rows, (r) => r.places);
  const found = sum(rows, (r) => r.found);
  const recall = total ? found / total : 0;
  const byKind = [...new Set(rows.map((r) => r.kind))].map((kind) => {
    const rs = rows.filter((r) => r.kind === kind);
    const t = sum(rs, (r) => r.places);
    const f = sum(rs, (r) => r.found);
    return `${kind} ${f}/${t} (${((f / t) * 100).toFixed(1)}%, ${rs.length} queries)`;
  });
  const lines = rows.map(
    (r) =>
      `  ${r.found < r.places ? '✗' : '✓'} [${r.kind}] ${r.q}: ${r.found}/${r.places}` +
      (r.qualifying > r.places ? `（${r.qualifying} 个页面含有，要求 ${r.places} 个位置）` : '') +
      (r.missing.length ? `  缺：${r.missing.join('；')}` : ''),
  );
  const report = [
    `搜索召回率 / search recall: ${found}/${total} = ${(recall * 100).toFixed(1)}% over ${rows.length} queries and ${pages} pages (top ${top})`,
    `  by kind: ${byKind.join(' · ')}`,
    ...lines,
    skipped.length ? `  skipped (no page contains them yet): ${skipped.join('、')}` : '',
  ].join('\n');
  return { recall, report };
}
