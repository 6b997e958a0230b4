/**
 * Lighthouse (the pinned devDependency, 13.5.0) on one page of each page type,
 * with Debian's Chromium and Lighthouse's default mobile emulation (Moto G
 * Power screen, simulated slow 4G and 4× CPU slowdown). dist/ is served by
 * scripts/lib/serve.ts with netlify.toml's headers and gzip.
 * Lighthouse runs through its Node API against one Chromium started once
 * (chrome-launcher, the launcher Lighthouse's own CLI uses): every run still
 * starts cold, because Lighthouse clears the origin's cache and storage before
 * each run, and a run takes about 8 s instead of the CLI's 15 s (a new Node
 * process and a new browser per run), which keeps `npm run bench` under 15
 * minutes. Simulated throttling computes the metrics from the trace, so the
 * static server answering in this same process does not slow them.
 * Skipped, as they weigh nothing in any score: the back/forward-cache audit
 * (an extra navigation per run) and the screenshots (the filmstrip, the
 * final and the full-page screenshot; LCP is computed from the trace, not
 * from them). Without the screenshots a run took 5.5–7.6 s instead of
 * 7.2–11.8 s here, on the same page, with the same LCPs within the runs'
 * spread.
 * Recording stops sooner too (STOP_SOONER): Lighthouse waits by default for a
 * full second after the first paint, after load, and of network and CPU quiet,
 * and opens about:blank before each run. The site's pages load in a few
 * hundred milliseconds unthrottled, and simulated throttling computes the
 * metrics from what was recorded, so the waiting only adds time. Measured on
 * 7 December, 5 page types × 3 runs each way, alternating: 5.0–5.4 s a run
 * with the defaults, 3.2–3.8 s with 250 ms; median LCPs with the defaults /
 * stopping sooner: home page 1.20 / 1.14 s, case article 1.36 / 1.35 s, form page
 * 1.80 / 1.84 s, /search/ 1.61 / 1.70 s, /apply/status/ 1.60 / 1.63 s — within
 * the spread of the runs themselves (e.g. /apply/status/ 1.36–1.76 s with the
 * defaults).
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath } from '../lib/chromium.ts';
import { fmt, log, root, stat, table, type Stat } from './lib.ts';
import { serveStatic } from '../lib/serve.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseRun {
  /** The categories this run measured (all four in a page's first run, performance only in the others). */
  scores: Partial<Record<(typeof CATEGORIES)[number], number>>;
  lcp: number;
  cls: number;
  tbt: number;
  fcp: number;
  benchmarkIndex: number;
  /** Audits that lost points in a category, e.g. "performance: total-blocking-time 0.55". */
  losses: string[];
  lcpElement?: string;
  version: string;
}

interface LhJson {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number };
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      score: number | null;
      numericValue?: number;
      details?: { items?: { node?: { snippet?: string; selector?: string } }[] } & Record<string, unknown>;
    }
  >;
}

type Category = (typeof CATEGORIES)[number];

/** How long Lighthouse waits before it stops recording (see the comment at the top); its defaults are 1,000 ms each. */
const STOP_SOONER = {
  pauseAfterFcpMs: 250,
  pauseAfterLoadMs: 250,
  networkQuietThresholdMs: 250,
  cpuQuietThresholdMs: 250,
  skipAboutBlank: true,
};

export async function lighthouseOnce(
  url: string,
  port: number,
  categories: readonly Category[] = CATEGORIES,
): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categories],
    skipAudits: ['bf-cache', 'screenshot-thumbnails', 'final-screenshot', 'full-page-screenshot'],
    disableFullPageScreenshot: true,
    ...STOP_SOONER,
  });
  if (!result) throw new Error(`Lighthouse on ${url}: no result`);
  const lh = result.lhr as unknown as LhJson;
  if (lh.runtimeError) throw new Error(`Lighthouse on ${url}: ${lh.runtimeError.code} ${lh.runtimeError.message}`);
  const losses: string[] = [];
  for (const c of categories) {
    for (const ref of lh.categories[c]!.auditRefs) {
      const a = lh.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) losses.push(`${c}: ${ref.id} ${a.score}`);
    }
  }
  const lcpItems = (
    lh.audits['lcp-breakdown-insight']?.details as { items?: { type?: string; selector?: string }[] } | undefined
  )?.items;
  return {
    scores: Object.fromEntries(
      categories.map((c) => [c, Math.round((lh.categories[c]!.score ?? 0) * 100)]),
    ) as LighthouseRun['scores'],
    lcp: lh.audits['largest-contentful-paint']!.numericValue!,
    cls: lh.audits['cumulative-layout-shift']!.numericValue!,
    tbt: lh.audits['total-blocking-time']!.numericValue!,
    fcp: lh.audits['first-contentful-paint']!.numericValue!,
    benchmarkIndex: lh.environment.benchmarkIndex,
    losses,
    lcpElement: lcpItems?.find((i) => i.type === 'node')?.selector,
    version: lh.lighthouseVersion,
  };
}

export interface LighthouseResult {
  page: string;
  name: string;
  runs: LighthouseRun[];
  /** Runs that failed three times in a row. */
  errors: string[];
}

/**
 * Runs Lighthouse `runs` times on each page, one page after the other, in one
 * Chromium. Only performance varies from run to run: accessibility, best
 * practices and SEO are checks of the page itself and give the same score
 * every time, so they are measured in the first run only (a run without them
 * takes about 1.7 s less, which `npm run bench` needs to stay under 15 minutes).
 */
export async function lighthousePages(
  pages: { page: string; name: string }[],
  runs: number,
  dir = join(root, 'dist'),
  firstRun: readonly Category[] = CATEGORIES,
): Promise<LighthouseResult[]> {
  const server = await serveStatic(dir);
  // "localhost", not 127.0.0.1: the name browsers and Lighthouse treat as a secure local origin.
  const origin = server.origin.replace('127.0.0.1', 'localhost');
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
  const results: LighthouseResult[] = pages.map((p) => ({ ...p, runs: [], errors: [] }));
  try {
    // Round-robin, so a burst of load from elsewhere on the machine does not fall on one page only.
    for (let i = 0; i < runs; i++) {
      for (const res of results) {
        log(`lighthouse ${res.page} (run ${i + 1}/${runs})`);
        // Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP) on a busy machine: try again, twice.
        for (let attempt = 1; ; attempt++) {
          try {
            res.runs.push(await lighthouseOnce(origin + res.page, chrome.port, i === 0 ? firstRun : ['performance']));
            break;
          } catch (e) {
            if (attempt === 3) {
              res.errors.push(String((e as Error).message).split('\n')[0]!);
              break;
            }
            log(`  retrying: ${String((e as Error).message).split('\n')[0]}`);
          }
        }
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

/**
 * Two pages that are not the site, measured the same way: two lines of
 * Chinese, and two lines of English, with no stylesheet or script. They give
 * the floor of this machine's Chromium under Lighthouse's simulation, against
 * which the site's pages can be read: measured here on 7 December (load 3 on
 * 2 cores), 0.85 s and 0.88 s, while the site's page types measured 1.1–1.7 s.
 * An earlier guess that loading Debian's Noto CJK font explained most of it
 * did not hold: the English page is no faster.
 */
export const CONTROL_PAGES = [
  {
    page: '/zh/',
    name: '对照：两行中文的空白页（不是本站页面）',
    html: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>对照页</title></head><body><h1>台山市司法局</h1><p>法律援助是国家为经济困难公民和符合法定条件的其他当事人无偿提供法律咨询、代理、刑事辩护等法律服务的制度。</p></body></html>',
  },
  {
    page: '/en/',
    name: 'Control: two lines of English, blank page (not the site)',
    html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Control page</title></head><body><h1>Taishan Justice Bureau</h1><p>Legal aid is free legal advice, representation and criminal defence for people who cannot afford a lawyer.</p></body></html>',
  },
] as const;

/** Writes the control pages into a new temporary folder and returns it. */
export function writeControlPages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-control-'));
  for (const c of CONTROL_PAGES) {
    mkdirSync(join(dir, c.page), { recursive: true });
    writeFileSync(join(dir, c.page, 'index.html'), c.html);
  }
  return dir;
}

/** Losses that are decisions, not defects. */
const EXPLAINED: Record<string, string> = {
  'is-crawlable':
    ' — by design: form steps and the status page carry noindex, nofollow (personal matters; they are kept out of search engines)',
};

export function lighthouseSection(results: LighthouseResult[], controls: LighthouseResult[] = []): string {
  const s =
    (f: (r: LighthouseRun) => number): ((res: LighthouseResult) => Stat) =>
    (res) =>
      stat(res.runs.map(f));
  const score = (c: Category) => (res: LighthouseResult) =>
    fmt(stat(res.runs.flatMap((r) => (r.scores[c] === undefined ? [] : [r.scores[c]]))), 0);
  const rows = results.map((res) => [
    res.name,
    `\`${res.page}\``,
    score('performance')(res),
    score('accessibility')(res),
    score('best-practices')(res),
    score('seo')(res),
    fmt(s((r) => r.lcp / 1000)(res), 2, ' s'),
    fmt(s((r) => r.cls)(res), 3),
    fmt(s((r) => r.tbt)(res), 0, ' ms'),
    fmt(s((r) => r.fcp / 1000)(res), 2, ' s'),
  ]);
  const all = results.flatMap((r) => r.runs);
  const bench = stat(all.map((r) => r.benchmarkIndex));
  const misses = results.flatMap((res) => {
    const losses = new Map<string, number>();
    for (const r of res.runs) for (const l of r.losses) losses.set(l, (losses.get(l) ?? 0) + 1);
    const slow = res.runs.filter((r) => r.lcp >= 1000).length;
    const out: string[] = res.errors.map((e) => `- \`${res.page}\`: a run failed: ${e}`);
    // Out of the runs that measured the loss's category.
    const measured = (l: string) => res.runs.filter((r) => r.scores[l.split(':')[0] as Category] !== undefined).length;
    if (losses.size)
      out.push(
        `- \`${res.page}\`: ${[...losses].map(([l, n]) => `${l} (${n}/${measured(l)} runs)${EXPLAINED[l.split(' ')[1]!] ?? ''}`).join('; ')}`,
      );
    if (slow)
      out.push(
        `- \`${res.page}\`: LCP ≥ 1 s in ${slow}/${res.runs.length} runs (LCP element: \`${res.runs[0]?.lcpElement ?? '?'}\`)`,
      );
    return out;
  });
  const medians = results
    .filter((r) => r.runs.length)
    .map((r) => ({ page: r.page, lcp: stat(r.runs.map((x) => x.lcp)).median }));
  const worst = medians.reduce((a, b) => (b.lcp > a.lcp ? b : a), { page: '?', lcp: 0 });
  return [
    `Target: LCP ≤ 1.0 s, median of the runs, on every page type. Slowest median here: ${(worst.lcp / 1000).toFixed(2)} s (\`${worst.page}\`), ${medians.filter((m) => m.lcp > 1000).length} of ${medians.length} page types over the target.`,
    '',
    table(
      [
        '页面类型 / page type',
        'page',
        'Performance',
        'Accessibility',
        'Best practices',
        'SEO',
        'LCP',
        'CLS',
        'TBT',
        'FCP',
      ],
      rows,
    ),
    '',
    `Lighthouse ${all[0]?.version ?? '?'}, ${results[0]?.runs.length ?? 0} run(s) per page, median (min–max); accessibility, best practices and SEO, which do not vary between runs, in the first run only. Lighthouse's benchmark index of this machine during the runs: ${fmt(bench, 0)} (Lighthouse calibrates its 4× CPU slowdown for an index of about 1,000–2,000; lower means a slower or busier machine, and TBT and LCP grow with it).`,
    '',
    misses.length
      ? ['Where points were lost (audit, its score, in how many runs):', '', ...misses].join('\n')
      : 'No audit lost points on any page, and LCP stayed under 1 s in every run.',
    ...(controls.length
      ? [
          '',
          `Control pages, not the site, measured in the same Chromium the same way (scripts/bench/lighthouse.ts, CONTROL_PAGES: no stylesheet, no script): ${controls
            .map(
              (c) =>
                `${c.name}: LCP ${fmt(stat(c.runs.map((r) => r.lcp / 1000)), 2, ' s')}, FCP ${fmt(stat(c.runs.map((r) => r.fcp / 1000)), 2, ' s')}`,
            )
            .join('; ')}. What a page type measures above these is the page's own cost.`,
        ]
      : []),
  ].join('\n');
}
