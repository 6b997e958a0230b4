/**
 * Search recall over the real built site, in Chromium, through the real
 * search page: for every query in tests/fixtures/search-queries.yaml, the pages
 * that must be in the top 10 are worked out from the built HTML (see
 * support/search.ts), the query is run at /search/?q=…, and the share of
 * required pages found is reported. Below 95 % overall, the test fails.
 *
 * This is where pagefind's Chinese segmentation mismatch (pagefind issue
 * #1237; the workaround is explained in src/lib/search/query.ts) would show.
 * New page types join the ground truth by themselves; add queries for them to
 * the YAML file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { launchBrowser, newContext } from './support/chromium.ts';
import { fillPlaces, pageGroups, pageTexts, readResults, requiredPages, searchablePages } from './support/search.ts';
import { PER_GROUP } from '../../src/lib/search/fuse.ts';
import { expandQuery } from '../../src/lib/search/synonyms.ts';
import { synonymEntrySchema } from '../../src/schemas/synonyms.ts';
import { projectRoot } from '../support/dist.ts';

const baseURL = inject('baseURL');
const MIN_RECALL = 0.95;
const MIN_QUERIES = 40;
const TOP = 10;

const querySchema = z.array(
  z.object({
    q: z.string().min(1),
    kind: z.enum(['term2', 'term4', 'phrase', 'mixed', 'everyday']),
    terms: z.array(z.string().min(1)).optional(),
    notInside: z.array(z.string().min(1)).optional(),
    expect: z.array(z.string().startsWith('/')).optional(),
  }),
);
const queries = querySchema.parse(
  parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'search-queries.yaml'), 'utf8')),
);
const synonyms = z
  .array(synonymEntrySchema)
  .parse(parse(readFileSync(join(projectRoot, 'content', 'search', 'synonyms.yaml'), 'utf8')));
// The served site's pages (RECALL_DIST lets you point at another build served through E2E_BASE_URL).
const dist = join(projectRoot, process.env.RECALL_DIST ?? 'dist');

let browser: Browser;
let page: Page;
let texts: Map<string, string>;
let groups: Map<string, string>;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, { viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(baseURL + '/search/');
  const paths = searchablePages(dist);
  texts = await pageTexts(page, baseURL, paths);
  groups = pageGroups(dist, paths);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

interface Row {
  q: string;
  kind: string;
  qualifying: number;
  /** Required places (see support/search.ts, requiredPages). */
  places: number;
  found: number;
  /** Unfilled places: a page, or “one of N pages like …”. */
  missing: string[];
}

/**
 * Runs a query through the search page that is already open: types it and
 * presses Enter, as a reader does (one page load for the whole test, not one
 * per query), then reads the results.
 */
async function search(page: Page, q: string): Promise<string[]> {
  await page.locator('#search-q').fill(q);
  await page.locator('#search-q').press('Enter');
  return (await readResults(page, baseURL, q)).paths;
}

describe('search recall', () => {
  it(`finds at least ${MIN_RECALL * 100}% of the pages that must be in the top ${TOP}`, async () => {
    expect(texts.size, '没有找到可搜索的页面').toBeGreaterThan(5);
    const seen = new Set<string>();
    const rows: Row[] = [];
    const skipped: string[] = [];
    for (const entry of queries) {
      expect(seen.has(entry.q), `查询“${entry.q}”重复了`).toBe(false);
      seen.add(entry.q);
      const own = entry.terms ?? entry.q.split(/\s+/).filter(Boolean);
      const alternatives = [own];
      if (entry.kind === 'everyday') {
        for (const variant of expandQuery(entry.q, synonyms).variants)
          alternatives.push(variant.split(/\s+/).filter(Boolean));
      }
      const truth = requiredPages(texts, {
        alternatives,
        notInside: entry.notInside,
        top: TOP,
        groups,
        perGroup: PER_GROUP,
      });
      const places = [
        ...truth.places,
        ...(entry.expect ?? [])
          .filter((p) => !truth.places.some((pl) => pl.accepts.length === 1 && pl.accepts[0] === p))
          .map((p) => ({ accepts: [p] })),
      ];
      if (places.length === 0) {
        skipped.push(entry.q);
        continue;
      }
      const shown = (await search(page, entry.q)).slice(0, TOP);
      const { filled, unfilled } = fillPlaces(places, shown);
      rows.push({
        q: entry.q,
        kind: entry.kind,
        qualifying: truth.qualifying,
        places: places.length,
        found: filled,
        missing: unfilled.map((p) =>
          p.accepts.length === 1 ? p.accepts[0]! : `${p.accepts[0]} 等 ${p.accepts.length} 个页面之一`,
        ),
      });
    }

    const sum = (rs: Row[], f: (r: Row) => number) => rs.reduce((n, r) => n + f(r), 0);
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
    console.log(
      [
        `搜索召回率 / search recall: ${found}/${total} = ${(recall * 100).toFixed(1)}% over ${rows.length} queries and ${texts.size} pages (top ${TOP})`,
        `  by kind: ${byKind.join(' · ')}`,
        ...lines,
        skipped.length ? `  skipped (no page contains them yet): ${skipped.join('、')}` : '',
      ].join('\n'),
    );
    expect(rows.length, `至少要有 ${MIN_QUERIES} 个有页面可找的查询`).toBeGreaterThanOrEqual(MIN_QUERIES);
    expect(recall, `召回率 ${(recall * 100).toFixed(1)}% 低于 ${MIN_RECALL * 100}%`).toBeGreaterThanOrEqual(MIN_RECALL);
  }, 600_000);
});
