/**
 * Repeat views: a reader opens one page of the site, then a second one, with
 * what the first left in the browser's cache. Lighthouse measures only cold
 * first views (it clears the cache before every run), so a change that helps
 * first views (e.g. styles inlined into the HTML instead of a cached
 * stylesheet) could still make the second page slower; this shows whether it
 * does.
 *
 * Chromium through playwright-core, each run in a new context (an empty
 * cache), with Lighthouse's own mobile conditions applied through the
 * DevTools protocol: slow 4G as DevTools throttling applies it (562.5 ms
 * request latency, 1.47 Mbit/s down, 675 kbit/s up) and 4× CPU slowdown, on a
 * 412 × 823 phone screen. LCP and FCP are read in the page from its own
 * PerformanceObserver entries, measured from the start of each navigation.
 * These are measured times (not Lighthouse's simulation), so they vary more
 * with the machine's load.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../lib/chromium.ts';
import { pageScriptsSettled } from '../../src/lib/deferred-scripts.ts';
import { fmt, log, stat, table } from './lib.ts';

/** First page → second page: the paths a reader takes, one per kind of second page. */
export const REPEAT_VIEW_PAIRS: readonly { first: string; second: string }[] = [
  { first: '/', second: '/cases/unpaid-wages-contractor-fled/' },
  { first: '/cases/', second: '/directory/taishan-legal-aid-office/' },
  { first: '/services/legal-aid/', second: '/apply/legal-aid/' },
  { first: '/apply/legal-aid/', second: '/apply/legal-aid/form/' },
  { first: '/apply/', second: '/apply/status/' },
];

/** Lighthouse 13's mobile slow 4G as DevTools throttling applies it (its constants.throttling.mobileSlow4G). */
const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

export interface ViewTiming {
  lcp: number;
  fcp: number;
  /** Requests that reached the server (revalidations included), and the bytes they transferred. */
  requests: number;
  bytes: number;
}

export interface RepeatViewRun {
  first: ViewTiming;
  second: ViewTiming;
}

export interface RepeatViewResult {
  first: string;
  second: string;
  runs: RepeatViewRun[];
  errors: string[];
}

/**
 * Once the page has loaded and its own scripts have run (they load after the
 * first paint: src/lib/deferred-scripts.ts; the loader marks
 * `<html data-page-scripts>`): its LCP and FCP, and what it fetched over the
 * network, those scripts included. Waiting for them also leaves them in the
 * cache for the second page, as a reader's first page would.
 */
async function timing(page: Page): Promise<ViewTiming> {
  await page.waitForFunction(pageScriptsSettled, undefined, { timeout: 60_000 });
  return page.evaluate(
    () =>
      new Promise<ViewTiming>((resolve) => {
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) lcp = Math.max(lcp, e.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        // LCP entries are delivered as a task; give the observer one.
        setTimeout(() => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
          const fetched = [
            ...performance.getEntriesByType('navigation'),
            ...performance.getEntriesByType('resource'),
          ].filter((e) => (e as PerformanceResourceTiming).transferSize > 0) as PerformanceResourceTiming[];
          resolve({ lcp, fcp, requests: fetched.length, bytes: fetched.reduce((n, e) => n + e.transferSize, 0) });
        }, 200);
      }),
  );
}

async function oneRun(browser: Browser, origin: string, pair: { first: string; second: string }) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(origin + pair.first, { waitUntil: 'load', timeout: 60_000 });
    const first = await timing(page);
    await page.goto(origin + pair.second, { waitUntil: 'load', timeout: 60_000 });
    const second = await timing(page);
    return { first, second };
  } finally {
    await context.close();
  }
}

/** `runs` runs of every pair, round-robin, in one browser. */
export async function repeatViews(origin: string, runs: number): Promise<RepeatViewResult[]> {
  const browser = await launchBrowser();
  const results: RepeatViewResult[] = REPEAT_VIEW_PAIRS.map((p) => ({ ...p, runs: [], errors: [] }));
  try {
    for (let i = 0; i < runs; i++) {
      for (const res of results) {
        log(`repeat view ${res.first} → ${res.second} (run ${i + 1}/${runs})`);
        try {
          res.runs.push(await oneRun(browser, origin, res));
        } catch (e) {
          res.errors.push(String((e as Error).message).split('\n')[0]!);
        }
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

export function repeatViewSection(results: RepeatViewResult[]): string {
  const ms = (xs: number[]) => fmt(stat(xs.map((x) => x / 1000)), 2, ' s');
  const rows = results.map((r) => [
    `\`${r.first}\` → \`${r.second}\``,
    ms(r.runs.map((x) => x.first.lcp)),
    ms(r.runs.map((x) => x.second.fcp)),
    ms(r.runs.map((x) => x.second.lcp)),
    `${fmt(stat(r.runs.map((x) => x.second.requests)), 0)} / ${fmt(stat(r.runs.map((x) => x.second.bytes / 1024)), 1, ' KB')}`,
  ]);
  const errors = results.flatMap((r) => r.errors.map((e) => `- \`${r.first}\` → \`${r.second}\`: a run failed: ${e}`));
  return [
    '### 第二次浏览 / Repeat views (warm cache)',
    '',
    table(
      [
        'first page → second page',
        'first page LCP (cold)',
        'second page FCP',
        'second page LCP',
        'second page: requests / bytes over the network',
      ],
      rows,
    ),
    '',
    `${results[0]?.runs.length ?? 0} run(s) per pair, median (min–max). Chromium (playwright-core), a new context per run, then the two pages one after the other in one tab; slow 4G as DevTools throttles it (562.5 ms latency, 1.47 Mbit/s) and ${CPU_SLOWDOWN}× CPU slowdown; LCP and FCP from the pages' own PerformanceObserver entries (measured, not simulated). Requests and bytes count what went over the network on the second page, revalidations (304) included; what came from the cache is not counted.`,
    ...(errors.length ? ['', ...errors] : []),
  ].join('\n');
}
