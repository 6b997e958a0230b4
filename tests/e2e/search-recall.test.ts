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
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { launchBrowser, newContext } from './support/chromium.ts';
import { measureRow, recallQuerySchema, recallReport, type RecallRow, type RecallSetup } from './support/recall.ts';
import { pageGroups, pageTexts, searchablePages } from './support/search.ts';
import { synonymEntrySchema } from '../../src/schemas/synonyms.ts';
import { projectRoot } from '../support/dist.ts';

const baseURL = inject('baseURL');
const MIN_RECALL = 0.95;
const MIN_QUERIES = 40;
const TOP = 10;

const queries = z
  .array(recallQuerySchema)
  .parse(parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'search-queries.yaml'), 'utf8')));
const synonyms = z
  .array(synonymEntrySchema)
  .parse(parse(readFileSync(join(projectRoot, 'content', 'search', 'synonyms.yaml'), 'utf8')));
// The served site's pages (RECALL_DIST lets you point at another build served through E2E_BASE_URL).
const dist = join(projectRoot, process.env.RECALL_DIST ?? 'dist');

let browser: Browser;
let setup: RecallSetup;

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await (await newContext(browser, { viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(baseURL + '/search/');
  // The 简体 pages only: the 繁體 copies are another index (search-recall-zh-hant.test.ts).
  const paths = searchablePages(dist, 'zh-CN');
  const texts = await pageTexts(page, baseURL, paths);
  setup = { page, baseURL, texts, groups: pageGroups(dist, paths), synonyms, top: TOP };
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('search recall', () => {
  it(`finds at least ${MIN_RECALL * 100}% of the pages that must be in the top ${TOP}`, async () => {
    expect(setup.texts.size, '没有找到可搜索的页面').toBeGreaterThan(5);
    expect(new Set(queries.map((e) => e.q)).size, '有重复的查询').toBe(queries.length);
    const rows: RecallRow[] = [];
    const skipped: string[] = [];
    for (const entry of queries) {
      const row = await measureRow(setup, entry, entry.q, entry.q);
      if (row) rows.push(row);
      else skipped.push(entry.q);
    }
    const { recall, report } = recallReport(rows, setup.texts.size, TOP, skipped);
    console.log(report);
    expect(rows.length, `至少要有 ${MIN_QUERIES} 个有页面可找的查询`).toBeGreaterThanOrEqual(MIN_QUERIES);
    expect(recall, `召回率 ${(recall * 100).toFixed(1)}% 低于 ${MIN_RECALL * 100}%`).toBeGreaterThanOrEqual(MIN_RECALL);
  }, 600_000);
});
