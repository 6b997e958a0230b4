/**
 * The search budgets (BUDGETS.searchFirstQuery and searchLaterQuery in
 * scripts/lib/page-weight.ts): what a reader downloads for a first search and
 * for each one after it, on a site of 2,000 case articles. The same synthetic
 * corpus and measuring as `npm run bench:search` (scripts/bench/search-corpus.ts),
 * indexed by the real build's indexer, the real search page in Chromium, a
 * cold cache for each pair, bytes counted by the server as sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { indexSite } from '../../scripts/lib/build.ts';
import { BUDGETS, KB } from '../../scripts/lib/page-weight.ts';
import {
  buildSearchCorpus,
  measurePair,
  serveCounting,
  SEARCH_PAIRS,
  type Served,
} from '../../scripts/bench/search-corpus.ts';
import { launchBrowser } from './support/chromium.ts';

const PAGES = 2000;
let dir: string;
let site: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sfj-search-budget-'));
  buildSearchCorpus(dir, PAGES);
  // About 20 s on two busy cores: pagefind over 2,000 articles.
  const indexed = await indexSite(dir);
  if (indexed.status !== 0) throw new Error(`索引失败：\n${indexed.stdout}\n${indexed.stderr}`);
  site = await serveCounting(dir);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`search on ${PAGES.toLocaleString('en')} case articles`, () => {
  it.each(SEARCH_PAIRS.map(([first, next]) => [first, next]))(
    'a first search for %s and a later one for %s stay within their budgets',
    async (first, next) => {
      const [a, b] = await measurePair(browser, site, [first!, next!]);
      // Each search found and showed results, from pagefind's own files: a
      // broken search downloads less and must not pass as a light one.
      for (const m of [a!, b!]) expect(m.results, m.query).toBeGreaterThan(0);
      for (const part of ['code', 'meta', 'index', 'fragments']) expect(a!.byKind[part], part).toBeGreaterThan(0);
      expect(b!.byKind.code ?? 0, 'pagefind is loaded once').toBe(0);
      expect(a!.kb, `first search: ${first}`).toBeLessThanOrEqual(BUDGETS.searchFirstQuery.gzip / KB);
      expect(b!.kb, `later search: ${next}`).toBeLessThanOrEqual(BUDGETS.searchLaterQuery.gzip / KB);
    },
  );
});
