/**
 * The search benchmark's synthetic site and its measuring, shared by
 * `npm run bench:search` (scripts/bench-search.ts, which reports) and the
 * browser test of the search budgets (tests/e2e/search-budget.test.ts).
 *
 * Synthetic corpus: plain HTML pages with the site's own layout markup (the
 * built /services/legal-aid/ page is the template: header, navigation,
 * footer, QR code; the data-pagefind-body region is replaced). Each article is
 * assembled, with a seeded random generator, from the sentences of the real
 * cases and service guides (content/cases, content/services: 案情, 法律分析,
 * 怎么办), with people, towns and amounts varied, plus 2–4 real statute
 * articles from content/laws in <details> as case pages show them, and the
 * same filters and metadata Base.astro renders (类型, 工作条线, 对象, 主题,
 * date). About 1,100 characters of the article's own text each, like the
 * real cases (content/cases: 1,060 on average), plus the statute texts. The
 * site's /search/ page and its assets are copied in; index it with
 * scripts/build-search-index.ts (indexSite), exactly as the real build does.
 *
 * Served by the project's static server (scripts/lib/serve.ts: netlify.toml's
 * headers), which compresses text responses with gzip (here at level 9: HTML,
 * CSS, JS and JSON, as a CDN does; Chromium asks for gzip, not brotli, over
 * plain http, so the figures are conservative) and serves pagefind's .pf_*
 * and .pagefind files as they are (already gzip-compressed by pagefind).
 * Bytes are counted on the server for every request: response bodies as sent.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../lib/serve.ts';
import { projectRoot as root } from '../lib/root.ts';
import { COLLECTIONS, entryId } from '../../src/schemas/collections.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { parseArticles } from '../../src/lib/laws.ts';
import { toChineseNumber } from '../../src/lib/chinese-numerals.ts';
import { AUDIENCES, TOPICS, WORK_LINES } from '../../src/lib/taxonomy.ts';
import { TOWNS } from '../../src/lib/towns.ts';

const dist = join(root, 'dist');

/** Query pairs: first query, following query. Everyday words, terms, a question and a two-term query. */
export const SEARCH_PAIRS: readonly (readonly [string, string])[] = [
  ['法律援助', '交通事故 赔偿'],
  ['讨薪', '离婚'],
  ['怎么申请法律援助', '工伤'],
  ['社区矫正', '遗嘱公证'],
];

// ---------------------------------------------------------------- server ---

export interface Served {
  origin: string;
  close: () => Promise<void>;
  log: { path: string; bytes: number }[]; // response body bytes as sent
}

/** The project's static server (scripts/lib/serve.ts), gzip at level 9, counting every response body. */
export async function serveCounting(dir: string): Promise<Served> {
  const log: Served['log'] = [];
  const server = await serveStatic(dir, { gzipLevel: 9, onResponse: (path, bytes) => log.push({ path, bytes }) });
  return { ...server, log };
}

// ------------------------------------------------------------- measuring ---

export interface Measure {
  query: string;
  kb: number;
  requests: number;
  ms: number;
  results: number;
  byKind: Record<string, number>;
}

/**
 * Asks the server once for every file of the search page and its scripts and
 * data (dir's search/ and _astro/), gzip accepted, so it has compressed them
 * before anything is timed (it compresses a file on its first request). Not
 * counted: measurePair counts from where the log stands when it starts.
 */
export async function warmUp(site: Served, dir: string): Promise<void> {
  for (const folder of ['search', '_astro'])
    for (const name of readdirSync(join(dir, folder))) {
      const res = await fetch(`${site.origin}/${folder}/${name === 'index.html' ? '' : name}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      await res.arrayBuffer();
    }
}

/** What a downloaded file is, for the report's columns. */
export function kind(path: string): string {
  if (path.includes('/pagefind/index/')) return 'index';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/filter/')) return 'filters';
  // The index's table of contents: every page and every index chunk (grows with the site), and the list of languages.
  if (/pagefind.*\.(pf_meta|json)$/.test(path)) return 'meta';
  // pagefind's script and its WebAssembly search engine: the same on every site.
  if (/pagefind.*\.(js|pagefind)$/.test(path)) return 'code';
  return 'other';
}

/**
 * One query pair in a fresh browser context (cold cache): open /search/, then
 * the first query (typed, Enter) and the following one, each measured from the
 * key press until its results show: bytes by kind, requests, time, results.
 */
export async function measurePair(
  browser: Browser,
  site: Served,
  [first, next]: readonly [string, string],
): Promise<Measure[]> {
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

/**
 * Writes the synthetic corpus of `pages` case articles into `dir`, with the
 * search page and its scripts from the built site (dist/), ready to index.
 * The same seed every time, so every run builds the same corpus.
 */
export function buildSearchCorpus(dir: string, pages = 2000): { chars: number } {
  const pools = { story: [] as string[], analysis: [] as string[], todo: [] as string[] };
  const titles: string[] = [];
  for (const f of readdirSync(join(root, 'content', 'cases')).filter(
    (f) => entryId(COLLECTIONS.cases, f) !== undefined,
  )) {
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
  for (let i = 1; i <= pages; i++) {
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
  return { chars: Math.round(chars / pages) };
}
