/**
 * Search recall on the 繁體 site (/zh-hant/search/, its own pagefind index),
 * for queries typed in 繁體 and in 简体 (tests/fixtures/search-queries-zh-hant.yaml).
 * Ground truth as in search-recall.test.ts, from the 繁體 pages only, with the
 * query's words converted by the dictionary the site ships
 * (dist/_i18n/zh-hant.json), which is also what the page converts a 简体 query
 * with. Below 95 % overall, the test fails.
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
import { createConverter, type Dictionary } from '../../src/lib/i18n/convert.ts';
import { DICTIONARY_FILE } from '../../src/lib/i18n/paths.ts';
import { normalizeQuery } from '../../src/lib/search/normalize.ts';
import { synonymEntrySchema } from '../../src/schemas/synonyms.ts';
import { projectRoot } from '../support/dist.ts';

const baseURL = inject('baseURL');
const MIN_RECALL = 0.95;
const MIN_QUERIES = 20;
const TOP = 10;
const dist = join(projectRoot, 'dist');

const queries = z
  .array(recallQuerySchema.required({ t: true }))
  .parse(parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'search-queries-zh-hant.yaml'), 'utf8')));
const synonyms = z
  .array(synonymEntrySchema)
  .parse(parse(readFileSync(join(projectRoot, 'content', 'search', 'synonyms.yaml'), 'utf8')));
const toHant = createConverter(JSON.parse(readFileSync(join(dist, DICTIONARY_FILE), 'utf8')) as Dictionary);

let browser: Browser;
let setup: RecallSetup;

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await (await newContext(browser, { viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto(baseURL + '/zh-hant/search/');
  const paths = searchablePages(dist, 'zh-Hant');
  const texts = await pageTexts(page, baseURL, paths);
  setup = {
    page,
    baseURL,
    texts,
    groups: pageGroups(dist, paths),
    synonyms,
    top: TOP,
    pageWords: toHant,
    pagePath: (p) => `/zh-hant${p}`,
  };
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('search recall on the 繁體 site', () => {
  it('searches only 繁體 pages, from an index of their own', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['zh-cn', 'zh-hant']);
    expect(entry.languages['zh-hant']!.page_count).toBe(setup.texts.size);
    expect([...setup.texts.keys()].every((p) => p.startsWith('/zh-hant/'))).toBe(true);
  });

  it(`finds at least ${MIN_RECALL * 100}% of the pages, typed in 繁體 and in 简体`, async () => {
    const rows: RecallRow[] = [];
    const skipped: string[] = [];
    let measured = 0;
    for (const entry of queries) {
      // Typed both ways (once where both scripts write it alike); the page shows
      // the query back converted (a 繁體 query is left as typed).
      const both = entry.t === entry.q;
      for (const typed of new Set([entry.t, entry.q])) {
        const row = await measureRow(setup, entry, typed, toHant(normalizeQuery(typed)));
        if (row) rows.push({ ...row, kind: `${row.kind} ${both ? '繁简同形' : typed === entry.t ? '繁' : '简'}` });
        else skipped.push(typed);
      }
      if (rows.some((r) => r.q === entry.t)) measured++;
    }
    const { recall, report } = recallReport(rows, setup.texts.size, TOP, skipped);
    console.log(report);
    expect(measured, `至少要有 ${MIN_QUERIES} 个有页面可找的查询`).toBeGreaterThanOrEqual(MIN_QUERIES);
    expect(recall, `召回率 ${(recall * 100).toFixed(1)}% 低于 ${MIN_RECALL * 100}%`).toBeGreaterThanOrEqual(MIN_RECALL);
  }, 600_000);
});
