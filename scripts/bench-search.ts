// `npm run bench:search`: what a search costs a reader, measured in Chromium
// through the real search page, on two sites:
//
//   1. the real site, as built in dist/ (run `npm run build` first);
//   2. a synthetic corpus of 2,000 case articles (以案说法), generated into a
//      temporary folder that is deleted afterwards (never committed).
//
// Synthetic corpus: plain HTML pages with the site's own layout markup (the
// built /services/legal-aid/ page is the template: header, navigation,
// footer, QR code; the data-pagefind-body region is replaced). Each article is
// assembled, with a seeded random generator, from the sentences of the real
// cases and service guides (content/cases, content/services: 案情, 法律分析,
// 怎么办), with people, towns and amounts varied, plus 2–4 real statute
// articles from content/laws in <details> as case pages show them, and the
// same filters and metadata Base.astro renders (类型, 工作条线, 对象, 主题,
// date). About 1,100 characters of the article's own text each, like the
// real cases (content/cases: 1,060 on average), plus the statute texts. The site's /search/
// page and its assets are copied in, and the corpus is indexed with
// scripts/build-search-index.ts, exactly as the real build does.
//
// Served by the project's static server (scripts/lib/serve.ts: netlify.toml's
// headers), which compresses text responses with gzip (here at level 9: HTML,
// CSS, JS and JSON, as a CDN does; Chromium asks for gzip, not brotli, over
// plain http, so the figures are conservative) and serves pagefind's .pf_*
// and .pagefind files as they are (already gzip-compressed by pagefind). Bytes are counted on the server for every request: response
// bodies as sent (KB column; this is what the budget is about) and the number
// of requests (each also costs its headers: a few hundred bytes over HTTP/1.1,
// a few dozen over HTTP/2, which Netlify serves).
//
// For each query pair, in a fresh browser context (cold cache; after one
// unreported warm-up pair, so the server has compressed its files): open /search/, then
//   first query:     type it and press Enter → bytes and time until results show
//   following query: type the next one → bytes and time until results show
// Budget: first query under 150 KB on the synthetic corpus.
// Prints a table; writes nothing into the repository.
//
// Each pair runs RUNS times (2; `--runs N`), each time in a new context: the
// table shows the median and min–max (scripts/bench/lib.ts, fmt).
//
//   npm run bench:search [-- --keep] [-- --runs N]   (--keep leaves the synthetic site in the temp folder)
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';
import { indexSite } from './lib/build.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { parseArticles } from '../src/lib/laws.ts';
import { toChineseNumber } from '../src/lib/chinese-numerals.ts';
import { AUDIENCES, TOPICS, WORK_LINES } from '../src/lib/taxonomy.ts';
import { TOWNS } from '../src/lib/towns.ts';
import { fmt, stat } from './bench/lib.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const PAGES = 2000;
const BUDGET_KB = 150;
/** The performance targets on the synthetic corpus: a first query, and each one after it (BENCHMARKS.md says how far they are). */
const FIRST_TARGET_KB = 110;
const NEXT_TARGET_KB = 40;
const keep = process.argv.includes('--keep');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 2) : 2;

/** Query pairs: first query, following query. Everyday words, terms, a question and a two-term query. */
const PAIRS: [string, string][] = [
  ['法律援助', '交通事故 赔偿'],
  ['讨薪', '离婚'],
  ['怎么申请法律援助', '工伤'],
  ['社区矫正', '遗嘱公证'],
];

// ---------------------------------------------------------------- server ---

interface Served {
  origin: string;
  close: () => Promise<void>;
  log: { path: string; bytes: number }[]; // response body bytes as sent
}

/** The project's static server (scripts/lib/serve.ts), gzip at level 9, counting every response body. */
async function serve(dir: string): Promise<Served> {
  const log: Served['log'] = [];
  const server = await serveStatic(dir, { gzipLevel: 9, onResponse: (path, bytes) => log.push({ path, bytes }) });
  return { ...server, log };
}

// ------------------------------------------------------------- measuring ---

interface Measure {
  query: string;
  kb: number;
  requests: number;
  ms: number;
  results: number;
  byKind: Record<string, number>;
}

function kind(path: string): string {
  if (path.includes('/pagefind/index/')) return 'index';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/filter/')) return 'filters';
  // The index's table of contents: every page and every index chunk (grows with the site), and the list of languages.
  if (/pagefind.*\.(pf_meta|json)$/.test(path)) return 'meta';
  // pagefind's script and its WebAssembly search engine: the same on every site.
  if (/pagefind.*\.(js|pagefind)$/.test(path)) return 'code';
  return 'other';
}

async function runPair(browser: Browser, site: Served, [first, next]: [string, string]): Promise<Measure[]> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${site.origin}/search/`, { waitUntil: 'networkidle' });
  const out: Measure[] = [];
  for (const query of [first, next]) {
    await page.waitForTimeout(300);
    const from = site.log.length;
    const input = page.locator('#search-q');
    await input.fill(''); // no search yet: the page searches on input after a pause, and on Enter at once
    await page.evaluate((q) => ((document.querySelector('#search-q') as HTMLInputElement).value = q), query);
    const started = Date.now();
    await input.press('Enter');
    await page.waitForFunction(
      (q) => {
        const app = document.querySelector<HTMLElement>('[data-search-app]');
        return app?.dataset.query === q && app.dataset.state !== 'loading';
      },
      query,
      { polling: 10, timeout: 60_000 },
    );
    const ms = Date.now() - started;
    await page.waitForTimeout(300); // anything still in flight for this query
    const requests = site.log.slice(from);
    const byKind: Record<string, number> = {};
    for (const r of requests) byKind[kind(r.path)] = (byKind[kind(r.path)] ?? 0) + r.bytes / 1024;
    out.push({
      query,
      kb: requests.reduce((n, r) => n + r.bytes, 0) / 1024,
      requests: requests.length,
      ms,
      results: await page.locator('.search-result').count(),
      byKind,
    });
  }
  await context.close();
  return out;
}

// ------------------------------------------------------- synthetic corpus ---

/** Seeded PRNG (mulberry32), so every run builds the same corpus. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(text: string): string[] {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1') // Markdown links → text
    .replace(/[*#>`]/g, '')
    .replace(/^\s*\d+\.\s*/gm, '')
    .split(/(?<=[。！？])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && /\p{Script=Han}/u.test(s));
}

function sectionsOf(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of body.split(/^## /m).slice(1)) {
    const [heading, ...rest] = part.split('\n');
    out[heading!.trim()] = rest.join('\n');
  }
  return out;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function buildCorpus(dir: string): { chars: number } {
  const pools = { story: [] as string[], analysis: [] as string[], todo: [] as string[] };
  const titles: string[] = [];
  for (const f of readdirSync(join(root, 'content', 'cases')).filter((f) => f.endsWith('.mdx'))) {
    const { data, body } = splitFrontmatter(readFileSync(join(root, 'content', 'cases', f), 'utf8'));
    titles.push(String(data.title));
    const s = sectionsOf(body);
    pools.story.push(...sentences(s['案情'] ?? ''));
    pools.analysis.push(...sentences(s['法律分析'] ?? ''));
    pools.todo.push(...sentences(s['怎么办'] ?? ''));
  }
  for (const f of readdirSync(join(root, 'content', 'services')).filter((f) => f.endsWith('.md'))) {
    const { body } = splitFrontmatter(readFileSync(join(root, 'content', 'services', f), 'utf8'));
    pools.analysis.push(...sentences(body));
  }
  const articles: { cite: string; text: string[]; source: string }[] = [];
  for (const f of readdirSync(join(root, 'content', 'laws')).filter((f) => f.endsWith('.md'))) {
    const { data, body } = splitFrontmatter(readFileSync(join(root, 'content', 'laws', f), 'utf8'));
    for (const a of parseArticles(body).values())
      articles.push({
        cite: `《${data.title}》${a.label}`,
        text: a.paragraphs,
        source: `${data.title}${a.chapter ? ` · ${a.chapter}` : ''}`,
      });
  }

  const template = readFileSync(join(dist, 'services', 'legal-aid', 'index.html'), 'utf8');
  const bodyStart = template.indexOf('<div class="page" data-pagefind-body');
  const bodyEnd = template.indexOf('</main>');
  if (bodyStart < 0 || bodyEnd < 0) throw new Error('模板页面里找不到 data-pagefind-body 区域');

  const random = rng(20121127);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const some = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(xs));
  const PEOPLE = [
    '老陈',
    '老李',
    '老黄',
    '老伍',
    '阿芳',
    '阿强',
    '小李',
    '小王',
    '小梁',
    '小谭',
    '陈伯',
    '李姨',
    '黄大姐',
    '伍师傅',
    '梁老师',
  ];
  const vary = (s: string) =>
    s
      .replace(/老陈|老李|老黄|小李|小陈|阿芳|老伍|小王/g, () => pick(PEOPLE))
      .replace(/台山某镇/g, () => `台山市${pick(TOWNS).name}`)
      .replace(/\d+(?:\.\d+)?(?=万?元)/g, () => String(Math.ceil(random() * 90) * 100))
      .replace(/[一二三四五六七八九十两]+(?=个月|年|天)/g, () => toChineseNumber(1 + Math.floor(random() * 11)));

  mkdirSync(join(dir, 'cases'), { recursive: true });
  let chars = 0;
  for (let i = 1; i <= PAGES; i++) {
    const topic = pick(TOPICS).name;
    const line = pick(WORK_LINES).name;
    const audiences = [...new Set(some(AUDIENCES, 1 + Math.floor(random() * 2)).map((a) => a.name))];
    const date = `20${20 + Math.floor(random() * 7)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const title = `${vary(pick(titles)).replace(/[？?]$/, '')}（${topic}之${toChineseNumber(i)}）`;
    const story = some(pools.story, 7 + Math.floor(random() * 4)).map(vary);
    const analysis = some(pools.analysis, 9 + Math.floor(random() * 5)).map(vary);
    const todo = some(pools.todo, 5 + Math.floor(random() * 4)).map(vary);
    const laws = some(articles, 2 + Math.floor(random() * 3));
    const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
    const filters = [['类型', '以案说法'], ['工作条线', line], ['主题', topic], ...audiences.map((a) => ['对象', a])]
      .map(([k, v]) => `<span data-pagefind-filter="${k}:${v}"></span>`)
      .join('');
    const content =
      `<div class="page" data-pagefind-body><div hidden>${filters}<span data-pagefind-meta="date:${date}"></span></div>` +
      `<article class="case prose"><h1>${escapeHtml(title)}</h1><p class="lead">${escapeHtml(story[0]!)}${escapeHtml(analysis[0]!)}</p>` +
      `<p class="meta">说明性案例 · 发布日期：<time datetime="${date}">${date}</time></p>` +
      `<h2 id="story">案情</h2>${story.map(p).join('')}` +
      `<h2 id="analysis">法律分析</h2>${analysis.map(p).join('')}` +
      `<h2 id="todo">怎么办</h2><ol>${todo.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>` +
      `<h2 id="laws">法条</h2>${laws.map((a) => `<details class="law-article"><summary><span class="law-article__cite">${escapeHtml(a.cite)}</span></summary><div class="law-article__body">${a.text.map(p).join('')}<p class="law-article__source">${escapeHtml(a.source)}</p></div></details>`).join('')}` +
      `</article></div>\n`;
    chars += (title + story.join('') + analysis.join('') + todo.join('')).length;
    const html =
      template
        .slice(0, bodyStart)
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} - 台山市司法局</title>`) +
      content +
      template.slice(bodyEnd);
    mkdirSync(join(dir, 'cases', `case-${i}`), { recursive: true });
    writeFileSync(join(dir, 'cases', `case-${i}`, 'index.html'), html);
  }
  // The search page and everything it loads, from the real build.
  for (const part of ['search', '_astro', 'favicon.svg'])
    cpSync(join(dist, part), join(dir, part), { recursive: true });
  return { chars: Math.round(chars / PAGES) };
}

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
  const { chars } = buildCorpus(tmp);
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
    const site = await serve(dir);
    await runPair(browser, site, ['公证', '律师']); // warm-up, not reported: the server compresses each file once
    for (const [i, pair] of PAIRS.entries()) {
      const firsts: Measure[] = [];
      const follows: Measure[] = [];
      for (let run = 0; run < RUNS; run++) {
        const [a, b] = await runPair(browser, site, pair);
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
