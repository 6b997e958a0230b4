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
import { pageTexts, requiredPages, searchPage, searchablePages } from './support/search.ts';
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
const queries = querySchema.parse(parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'search-queries.yaml'), 'utf8')));
const synonyms = z.array(synonymEntrySchema).parse(parse(readFileSync(join(projectRoot, 'content', 'search', 'synonyms.yaml'), 'utf8')));
// The served site's pages (RECALL_DIST lets you point at another build served through E2E_BASE_URL).
const dist = join(projectRoot, process.env.RECALL_DIST ?? 'dist');

let browser: Browser;
let page: Page;
let texts: Map<string, string>;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, { viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(baseURL + '/search/');
  texts = await pageTexts(page, baseURL, searchablePages(dist));
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

interface Row {
  q: string;
  kind: string;
  qualifying: number;
  required: string[];
  missing: string[];
}

describe('search recall', () => {
  it(`finds at least ${MIN_RECALL * 100}% of the pages that must be in the top ${TOP}`, async () => {
    expect(texts.size, '没有找到可搜索的页面').toBeGreaterThan(5);
    const rows: Row[] = [];
    const skipped: string[] = [];
    for (const entry of queries) {
      const own = entry.terms ?? entry.q.split(/\s+/).filter(Boolean);
      const alternatives = [own];
      if (entry.kind === 'everyday') {
        for (const variant of expandQuery(entry.q, synonyms).variants) alternatives.push(variant.split(/\s+/).filter(Boolean));
      }
      const truth = requiredPages(texts, { alternatives, notInside: entry.notInside, top: TOP });
      const required = [...new Set([...truth.required, ...(entry.expect ?? [])])];
      if (required.length === 0) {
        skipped.push(entry.q);
        continue;
      }
      const { paths } = await searchPage(page, baseURL, entry.q);
      const top = new Set(paths.slice(0, TOP));
      rows.push({ q: entry.q, kind: entry.kind, qualifying: truth.qualifying, required, missing: required.filter((p) => !top.has(p)) });
    }

    const total = rows.reduce((n, r) => n + r.required.length, 0);
    const found = total - rows.reduce((n, r) => n + r.missing.length, 0);
    const recall = total ? found / total : 0;
    const byKind = [...new Set(rows.map((r) => r.kind))].map((kind) => {
      const rs = rows.filter((r) => r.kind === kind);
      const t = rs.reduce((n, r) => n + r.required.length, 0);
      const f = t - rs.reduce((n, r) => n + r.missing.length, 0);
      return `${kind} ${f}/${t} (${((f / t) * 100).toFixed(1)}%)`;
    });
    const lines = rows.map(
      (r) =>
        `  ${r.missing.length ? '✗' : '✓'} [${r.kind}] ${r.q}: ${r.required.length - r.missing.length}/${r.required.length}` +
        (r.qualifying > r.required.length ? `（${r.qualifying} 个页面含有，要求用得最多的 ${r.required.length} 个）` : '') +
        (r.missing.length ? `  缺：${r.missing.join(' ')}` : ''),
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
