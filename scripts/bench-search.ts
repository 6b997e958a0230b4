// `npm run bench:search`: what a search costs a reader, measured in Chromium
// through the real search page, on two sites:
//
//   1. the real site, as built in dist/ (run `npm run build` first);
//   2. a synthetic corpus of 2,000 case articles (以案说法), generated into a
//      temporary folder that is deleted afterwards (never committed).
//
// The synthetic corpus, the server that counts bytes and the measuring of a
// query pair: scripts/bench/search-corpus.ts (shared with the browser test of
// the search budgets, tests/e2e/search-budget.test.ts). Bytes are response
// bodies as sent (KB column; this is what the budget is about) and the number
// of requests (each also costs its headers: a few hundred bytes over HTTP/1.1,
// a few dozen over HTTP/2, which Netlify serves).
//
// For each query pair, in a fresh browser context (cold cache; after one
// unreported warm-up request for each file, so the server has compressed them): open /search/, then
//   first query:     type it and press Enter → bytes and time until results show
//   following query: type the next one → bytes and time until results show
// Budgets (BUDGETS in scripts/lib/page-weight.ts, enforced in npm test by
// tests/e2e/search-budget.test.ts): a first query and a later one on the
// synthetic corpus. Targets of the performance work: ≤ 110 KB and ≤ 40 KB.
// Prints a table; writes nothing into the repository.
//
// Each pair runs RUNS times (2; `--runs N`; `npm run bench` runs it once), each time in a new context: the
// table shows the median and min–max (scripts/bench/lib.ts, fmt).
//
//   npm run bench:search [-- --keep] [-- --runs N]   (--keep leaves the synthetic site in the temp folder)
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './lib/chromium.ts';
import { indexSite } from './lib/build.ts';
import { fmt, stat } from './bench/lib.ts';
import { BUDGETS, KB } from './lib/page-weight.ts';
import {
  buildSearchCorpus,
  measurePair,
  serveCounting,
  SEARCH_PAIRS,
  warmUp,
  type Measure,
} from './bench/search-corpus.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const PAGES = 2000;
const PAIRS = SEARCH_PAIRS;
const BUDGET_KB = BUDGETS.searchFirstQuery.gzip / KB;
/** The performance targets on the synthetic corpus: a first query, and each one after it (BENCHMARKS.md says how far they are). */
const FIRST_TARGET_KB = 110;
const NEXT_TARGET_KB = BUDGETS.searchLaterQuery.gzip / KB;
const keep = process.argv.includes('--keep');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 2) : 2;

// ------------------------------------------------------------------ main ---

function du(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const p = join(dir, name);
    return n + (statSync(p).isDirectory() ? du(p) : statSync(p).size);
  }, 0);
}

async function index(site: string): Promise<number> {
  const started = Date.now();
  const r = await indexSite(site);
  if (r.status !== 0) throw new Error(`索引失败：\n${r.stdout}\n${r.stderr}`);
  return (Date.now() - started) / 1000;
}

if (!existsSync(join(dist, 'pagefind', 'pagefind.js')) || !existsSync(join(dist, 'search', 'index.html'))) {
  console.error('dist/ 里没有搜索页或搜索索引：请先运行 npm run build。');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'sfj-search-bench-'));
const browser = await launchBrowser();
const rows: { site: string; pair: number; m: Measure[]; first: boolean }[] = [];
const facts: string[] = [];
try {
  const started = Date.now();
  const { chars } = buildSearchCorpus(tmp, PAGES);
  facts.push(
    `合成语料：${PAGES} 篇以案说法，平均正文 ${chars} 字（另有 2–4 条法条原文，不进索引），生成 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  );
  const seconds = await index(tmp);
  const idx = join(tmp, 'pagefind');
  const count = (d: string) => readdirSync(join(idx, d)).length;
  facts.push(
    `合成语料索引：${seconds.toFixed(1)} 秒，${(du(idx) / 1024 / 1024).toFixed(1)} MB（index ${count('index')} 个分块，fragment ${count('fragment')} 个，filter ${count('filter')} 个）`,
  );
  const real = join(dist, 'pagefind');
  facts.push(
    `真实站点索引：${(du(real) / 1024).toFixed(0)} KB（${readdirSync(join(real, 'fragment')).length} 个页面）`,
  );

  for (const [name, dir] of [
    ['真实站点', dist],
    [`合成 ${PAGES} 篇`, tmp],
  ] as const) {
    const site = await serveCounting(dir);
    await warmUp(site, dir); // not reported: the server compresses each file on its first request
    for (const [i, pair] of PAIRS.entries()) {
      const firsts: Measure[] = [];
      const follows: Measure[] = [];
      for (let run = 0; run < RUNS; run++) {
        const [a, b] = await measurePair(browser, site, pair);
        firsts.push(a!);
        follows.push(b!);
      }
      rows.push({ site: name, pair: i, m: firsts, first: true }, { site: name, pair: i, m: follows, first: false });
    }
    await site.close();
  }
} finally {
  await browser.close();
  if (keep) console.log(`合成站点保留在 ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

const pad = (s: string | number, n: number) =>
  String(s) + ' '.repeat(Math.max(0, n - [...String(s)].reduce((w, c) => w + (/[\u3000-\uffff]/.test(c) ? 2 : 1), 0)));
const KINDS = ['code', 'meta', 'index', 'fragments', 'filters', 'other'];
console.log('\n搜索性能 / search benchmark (Chromium, cold cache, gzip; KB = response bodies)\n');
for (const f of facts) console.log('  ' + f);
const spread = (values: number[], digits: number) => fmt(stat(values), digits);
console.log(`\n每组查询运行 ${RUNS} 次（每次新的浏览器上下文）：中位数，括号内为最小–最大（各次相同时为次数）。`);
console.log(
  '\n' +
    [
      pad('站点', 12),
      pad('', 6),
      pad('查询', 20),
      pad('KB', 20),
      pad('请求', 10),
      pad('ms', 18),
      pad('结果', 10),
      KINDS.map((k) => pad(k.split(' ')[0]!, 10)).join(''),
    ].join(''),
);
for (const r of rows) {
  const m = r.m[0]!;
  console.log(
    [
      pad(r.site, 12),
      pad(r.first ? '首次' : '后续', 6),
      pad(m.query, 20),
      pad(
        spread(
          r.m.map((x) => x.kb),
          1,
        ),
        20,
      ),
      pad(
        spread(
          r.m.map((x) => x.requests),
          0,
        ),
        10,
      ),
      pad(
        spread(
          r.m.map((x) => x.ms),
          0,
        ),
        18,
      ),
      pad(
        spread(
          r.m.map((x) => x.results),
          0,
        ),
        10,
      ),
      KINDS.map((k) =>
        pad(
          spread(
            r.m.map((x) => x.byKind[k] ?? 0),
            1,
          ).split(' ')[0]!,
          10,
        ),
      ).join(''),
    ].join(''),
  );
}
const synthFirst = rows.filter((r) => r.site !== '真实站点' && r.first);
const worst = (r: (typeof rows)[number]) => Math.max(...r.m.map((x) => x.kb));
const over = synthFirst.filter((r) => worst(r) >= BUDGET_KB);
console.log(
  `\n预算：合成语料上首次查询 < ${BUDGET_KB} KB（按各次中最大的算）。${synthFirst.length - over.length}/${synthFirst.length} 个达标${over.length ? `；超出：${over.map((r) => `${r.m[0]!.query} ${worst(r).toFixed(1)} KB`).join('，')} ✗` : ' ✓'}`,
);
console.log('每多查一个词约多下载一个索引分块（合成语料上 5–12 KB）；日常说法和提问会查多个词。');
// The performance work's targets, and what every first query must fetch
// before it can look up a single word: pagefind's code and the index's table
// of contents (meta), which lists every page and every index chunk.
const synthNext = rows.filter((r) => r.site !== '真实站点' && !r.first);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fixed = (k: string) => med(synthFirst.map((r) => med(r.m.map((x) => x.byKind[k] ?? 0))));
const target = (label: string, rs: typeof rows, kb: number) => {
  const n = rs.filter((r) => worst(r) <= kb).length;
  return `${label} ≤ ${kb} KB：${n}/${rs.length} 个达标${n === rs.length ? ' ✓' : ' ✗'}（最大 ${Math.max(...rs.map(worst)).toFixed(1)} KB）`;
};
console.log(
  `性能目标（合成语料）：${target('首次查询', synthFirst, FIRST_TARGET_KB)}；${target('后续查询', synthNext, NEXT_TARGET_KB)}。`,
);
console.log(
  `首次查询在查任何词之前必须下载：pagefind 的代码 ${fixed('code').toFixed(1)} KB（脚本和 WebAssembly，与站点大小无关）+ 索引目录 ${fixed('meta').toFixed(1)} KB（每个页面和每个索引分块各一项，随页面数增长）= ${(fixed('code') + fixed('meta')).toFixed(1)} KB。\n`,
);
if (over.length) process.exitCode = 1;
