/**
 * Build scale: the full `npm run build` (content checks, Astro, search index)
 * of a temporary copy of the project with 1,000 and 5,000 synthetic 以案说法
 * articles added (synthetic.ts), against a minimal plain Astro + MDX site
 * (written here, using the installed astro and @astrojs/mdx) that renders the
 * same article files, one page each, with no search index.
 *
 * Both copies get a node_modules folder of their own whose entries link to
 * this project's packages: nothing is installed, and Astro's cache
 * (node_modules/.astro) stays inside the copy. Every run starts cold (no
 * dist/, no Astro cache), as a fresh clone or CI build does.
 * Wall time and peak memory (the sum over the build's process tree, sampled
 * every 200 ms) per run.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { MB, failIf, fmt, log, npmRun, root, run, stat, table, type RunResult } from './lib.ts';
import { loadSources, syntheticArticle } from './synthetic.ts';
import { COLLECTIONS, entryFile } from '../../src/schemas/collections.ts';
import { builtPages } from '../lib/page-weight.ts';
import { cleanEnv } from '../lib/env.ts';
import { breakdownRows, listLogicTimes, pageTimes, phasesFromMarks, type Phase } from './build-phases.ts';
import { TIMINGS_ENV } from '../../src/integrations/build-timings.ts';

/** A node_modules folder whose entries are links to the project's packages. */
function linkNodeModules(dir: string): void {
  const nm = join(dir, 'node_modules');
  mkdirSync(nm, { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(root, 'node_modules', name), join(nm, name));
  }
}

const SKIP = new Set(['node_modules', '.git', '.astro', '.netlify', 'BENCHMARKS.md', 'test-results']);

function copyProject(dest: string): void {
  cpSync(root, dest, {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(root.length + 1);
      const top = rel.split('/')[0]!;
      return !SKIP.has(top) && !/^dist/.test(top);
    },
  });
  linkNodeModules(dest);
}

function writeArticles(dir: string, count: number): void {
  const sources = loadSources(join(root, 'content', 'cases'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const a = syntheticArticle(sources, i);
    writeFileSync(join(dir, entryFile(COLLECTIONS.cases, a.slug)), a.text);
  }
}

/** The plain Astro + MDX site: one page per article (title, summary, body) from the same files, the default Markdown pipeline, nothing else. */
function writePlainSite(dir: string): void {
  mkdirSync(join(dir, 'src', 'pages', 'cases'), { recursive: true });
  // The real articles too, so both sites render the same set.
  cpSync(join(root, 'content', 'cases'), join(dir, 'content', 'cases'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'plain-astro-bench', private: true, type: 'module' }, null, 2),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  cases: defineCollection({ loader: glob({ pattern: '*.${COLLECTIONS.cases.ext}', base: './content/cases' }), schema: z.looseObject({ title: z.string(), summary: z.string() }) }),
};
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'cases', '[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('cases')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content /></main></body>
</html>
`,
  );
  linkNodeModules(dir);
}

/** Two commands run one after the other, as one: times add up, peak memory is the higher one. */
function sequence(a: RunResult, b: RunResult): RunResult {
  return {
    code: a.code || b.code,
    seconds: a.seconds + b.seconds,
    cpuSeconds: a.cpuSeconds + b.cpuSeconds,
    peakRss: Math.max(a.peakRss, b.peakRss),
    stdout: a.stdout + b.stdout,
    stderr: a.stderr + b.stderr,
  };
}

function clean(dir: string): void {
  for (const d of ['dist', '.astro', join('node_modules', '.astro'), join('node_modules', '.vite')])
    rmSync(join(dir, d), { recursive: true, force: true });
}

export interface Breakdown {
  phases: Phase[];
  /** Astro's generation time by kind of page (pages, seconds of wall clock). */
  pages: Record<string, { pages: number; seconds: number }>;
  related: Phase;
  listings: Phase;
}

export interface ScaleResult {
  articles: number;
  /** Real articles in content/cases, built alongside the synthetic ones. */
  realArticles: number;
  ours: RunResult[];
  /** Where each of our runs spent its time (build-phases.ts). */
  breakdowns: Breakdown[];
  /** The plain build: astro build, then pagefind over its output. */
  plain: RunResult[];
  /** The pagefind part of each plain build. */
  plainIndex: RunResult[];
  pages: number;
}

/**
 * `plain`: whether the plain site is built at this size too. By default only at
 * the smallest size (where both builds repeat): the plain build at 5,000
 * articles adds about 75 s, which `npm run bench` cannot spare under its
 * 15 minutes (`--plain-sizes 1000,5000` adds it).
 */
export async function buildScale(sizes: { articles: number; runs: number; plain: boolean }[]): Promise<ScaleResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const results: ScaleResult[] = [];
  try {
    const site = join(tmp, 'site');
    const plain = join(tmp, 'plain');
    log(`copying the project to ${site}`);
    copyProject(site);
    writePlainSite(plain);
    const realArticles = loadSources(join(root, 'content', 'cases')).length;
    for (const { articles, runs, plain: withPlain } of sizes) {
      for (const dir of [join(site, 'content', 'cases'), join(plain, 'content', 'cases')]) {
        for (const f of readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.startsWith('bench-')))
          rmSync(join(dir, f.name));
      }
      writeArticles(join(site, 'content', 'cases'), articles);
      if (withPlain) writeArticles(join(plain, 'content', 'cases'), articles);
      const res: ScaleResult = {
        articles,
        realArticles,
        ours: [],
        breakdowns: [],
        plain: [],
        plainIndex: [],
        pages: 0,
      };
      for (let i = 0; i < runs; i++) {
        clean(site);
        log(`build: our site with ${articles} synthetic articles (run ${i + 1}/${runs})`);
        const marks = join(tmp, `timings-${articles}-${i}.jsonl`);
        const ours = await npmRun(site, 'build', [], {
          env: cleanEnv({ set: { [TIMINGS_ENV]: marks } }),
          timeoutMs: 20 * 60_000,
        });
        failIf(ours, `npm run build with ${articles} articles`);
        res.ours.push(ours);
        res.breakdowns.push({
          phases: phasesFromMarks(marks),
          pages: Object.fromEntries(pageTimes(ours.stdout + ours.stderr)),
          ...listLogicTimes(join(site, 'content', 'cases')),
        });
        res.pages = builtPages(join(site, 'dist')).length;
        if (!withPlain) continue;
        clean(plain);
        log(`build: plain Astro + MDX with ${articles} articles (run ${i + 1}/${runs})`);
        const p = await run(process.execPath, [join(plain, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
          cwd: plain,
          env: cleanEnv(),
          timeoutMs: 20 * 60_000,
        });
        failIf(p, `plain Astro build with ${articles} articles`);
        log(`index: pagefind over the plain site's output (run ${i + 1}/${runs})`);
        const pf = await run(
          process.execPath,
          [join(plain, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', 'dist'],
          {
            cwd: plain,
            env: cleanEnv(),
            timeoutMs: 20 * 60_000,
          },
        );
        failIf(pf, `pagefind over the plain site with ${articles} articles`);
        res.plain.push(sequence(p, pf));
        res.plainIndex.push(pf);
      }
      results.push(res);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

/** Median wall and CPU seconds of our build and the plain one at one size, and their ratios. */
function summary(r: ScaleResult) {
  const m = (xs: RunResult[], f: (x: RunResult) => number) => stat(xs.map(f)).median;
  const ours = { wall: m(r.ours, (x) => x.seconds), cpu: m(r.ours, (x) => x.cpuSeconds) };
  const plain = r.plain.length ? { wall: m(r.plain, (x) => x.seconds), cpu: m(r.plain, (x) => x.cpuSeconds) } : null;
  return { ours, plain, ratio: plain ? { wall: ours.wall / plain.wall, cpu: ours.cpu / plain.cpu } : null };
}

/** Before (another branch's run, saved with --scale-json) and after, size by size. */
function beforeAfter(results: ScaleResult[], before: ScaleResult[], beforeLabel: string): string[] {
  const s = (x: number | undefined, d = 1, u = ' s') => (x === undefined ? '—' : `${x.toFixed(d)}${u}`);
  const rows = results.flatMap((r) => {
    const b = before.find((x) => x.articles === r.articles);
    return [b, r].flatMap((x, i) => {
      if (!x) return [];
      const y = summary(x);
      return [
        [
          r.articles.toLocaleString('en'),
          i === 0 ? `before (${beforeLabel})` : 'after (this run)',
          `${s(y.ours.wall)} / ${s(y.ours.cpu)}`,
          y.plain ? `${s(y.plain.wall)} / ${s(y.plain.cpu)}` : 'not built',
          y.ratio ? `${s(y.ratio.wall, 2, '×')} / ${s(y.ratio.cpu, 2, '×')}` : '—',
        ],
      ];
    });
  });
  return [
    table(
      [
        'synthetic articles',
        'run',
        'our build: wall / CPU',
        'plain Astro + MDX + pagefind: wall / CPU',
        'ratio ours / plain: wall / CPU',
      ],
      rows,
    ),
    '',
  ];
}

function breakdownSection(results: ScaleResult[]): string[] {
  const sizes = results.filter((r) => r.breakdowns.some((b) => b.phases.length));
  if (!sizes.length) return [];
  const rows = breakdownRows(
    sizes.map((r) => ({
      articles: r.articles,
      totals: r.ours.map((x) => ({ cpu: x.cpuSeconds, wall: x.seconds })),
      breakdowns: r.breakdowns,
    })),
  );
  const totals = sizes.map((r) => stat(r.ours.map((x) => x.cpuSeconds)).median);
  const header = [
    'where our build spends its time',
    ...sizes.flatMap((r) => [`CPU at ${r.articles.toLocaleString('en')}`, 'share', 'wall']),
  ];
  const body = rows.map((row) => [
    row.label,
    ...row.cells.flatMap((c, i) => [
      `${c.cpu.toFixed(c.cpu < 1 ? 2 : 1)} s`,
      `${((c.cpu / totals[i]!) * 100).toFixed(0)} %`,
      `${c.wall.toFixed(c.wall < 1 ? 2 : 1)} s`,
    ]),
  ]);
  const plainIndex = sizes
    .filter((r) => r.plainIndex.length)
    .map(
      (r) =>
        `${stat(r.plainIndex.map((x) => x.cpuSeconds)).median.toFixed(1)} s CPU at ${r.articles.toLocaleString('en')}`,
    );
  return [
    table(header, body),
    '',
    `Phases come from marks the build writes when \`BUILD_TIMINGS\` names a file (src/integrations/build-timings.ts; a normal build writes none): CPU is user + system time of the build's processes, pagefind's included, between two marks; medians over the runs. Page generation is split by kind of page in proportion to the time Astro logs for each page; related cases and list contents are the functions of src/lib/cases.ts timed on their own over the same articles (a part of generating the article and list pages). The plain build's pagefind step took ${plainIndex.join(', ') || '—'}.`,
    '',
  ];
}

/** What was made cheaper, and what each change saved, measured when it was made (1,000 articles, CPU). */
const CUTS = [
  '繁體 copy: each distinct text is converted once (navigation, footer, filters and cited statute articles recur on hundreds of pages), 10.7 → 5.9 s; each distinct opening tag is converted once, 5.9 → 3.9 s (src/lib/i18n/build.ts, html.ts). The copies are byte for byte the same.',
  "Search index: each language is indexed by pagefind on its own and the two put together (scripts/build-search-index.ts): pagefind's work grows faster than its number of pages, so at 5,000 articles its CPU went 146 → 136 s and its wall time 151 → 110 s on the same pages (no change at 1,000). The index is byte for byte the same (compared at 208, 2,208 and 10,208 pages).",
  "Sitemap: the check for empty filter pages no longer parses every article's YAML again after the content check did (src/lib/frontmatter.ts), 1.0 → 0.2 s.",
  'Articles are Markdown files, no longer MDX (COLLECTIONS.cases in src/schemas/collections.ts; they use no components): Vite no longer bundles each article as a module of its own. Bundling 15.6 → 3.1 s, content sync 3.6 → 6.9 s (Astro renders Markdown while it loads the collection), page generation 12.4 → 10.0 s; the pages are the same but for one line break. The plain site renders the same files, so it got cheaper too, and by more in proportion (31.7 → 18.4 s CPU): the ratio rose although our build got faster.',
  'Search index: the read-aloud box and the sentence above every article’s statutes are not indexed (data-pagefind-ignore; their words were on every article): 3 % fewer words for pagefind to index (1,263,068 → 1,220,104 over the 简体 pages).',
];

export function buildScaleSection(results: ScaleResult[], before?: { results: ScaleResult[]; label: string }): string {
  const rows = results.map((r) => {
    const ours = stat(r.ours.map((x) => x.seconds));
    const per1000 = stat(r.ours.map((x) => (x.seconds * 1000) / r.articles));
    const hasPlain = r.plain.length > 0;
    const plainCell = (f: () => string) => (hasPlain ? f() : 'not built');
    return [
      r.articles.toLocaleString('en'),
      r.ours.length,
      fmt(ours, 1, ' s'),
      fmt(stat(r.ours.map((x) => x.cpuSeconds)), 1, ' s'),
      fmt(per1000, 1, ' s'),
      fmt(stat(r.ours.map((x) => x.peakRss / MB)), 0, ' MB'),
      plainCell(() => fmt(stat(r.plain.map((x) => x.seconds)), 1, ' s')),
      plainCell(() => fmt(stat(r.plain.map((x) => x.cpuSeconds)), 1, ' s')),
      plainCell(() => fmt(stat(r.plain.map((x) => x.peakRss / MB)), 0, ' MB')),
      plainCell(() => fmt(stat(r.ours.map((x, i) => x.seconds / r.plain[i]!.seconds)), 2, '×')),
      plainCell(() => fmt(stat(r.ours.map((x, i) => x.cpuSeconds / r.plain[i]!.cpuSeconds)), 2, '×')),
    ];
  });
  const lines = [
    table(
      [
        'synthetic articles',
        'runs',
        'our full build (wall)',
        'our CPU time',
        'wall per 1,000 articles',
        'our peak memory',
        'plain Astro + MDX + pagefind (wall)',
        'plain CPU time',
        'plain peak memory',
        'ratio ours / plain (wall)',
        'ratio (CPU)',
      ],
      rows,
    ),
    '',
  ];
  if (results.length >= 2) {
    const [a, b] = [results[0]!, results.at(-1)!];
    const perThousand = (xs: (r: ScaleResult) => RunResult[]) =>
      (stat(xs(b).map((x) => x.cpuSeconds)).median - stat(xs(a).map((x) => x.cpuSeconds)).median) /
      ((b.articles - a.articles) / 1000);
    const plain = a.plain.length && b.plain.length ? perThousand((r) => r.plain) : null;
    lines.push(
      `Each further 1,000 articles (from ${a.articles.toLocaleString('en')} to ${b.articles.toLocaleString('en')}, medians of CPU time): our build +${perThousand((r) => r.ours).toFixed(1)} s${plain === null ? '' : `, plain Astro + MDX + pagefind +${plain.toFixed(1)} s`}. The per-1,000 column divides the whole build, including the fixed part (the rest of the site, start-up), by the article count.`,
      '',
    );
  }
  if (before) lines.push(...beforeAfter(results, before.results, before.label));
  lines.push(...breakdownSection(results));
  lines.push(
    'What was made cheaper (no page changed; the 繁體 copy and the search index are compared byte for byte):',
    '',
    ...CUTS.map((c) => `- ${c}`),
    '',
  );
  const real = results[0]?.realArticles ?? 0;
  lines.push(
    `Our full build is \`npm run build\` in a temporary copy of the project: content checks (schemas, every citation, dates), \`astro build\` of the whole site (the synthetic articles plus the ${real} real ones, their list, filter and RSS pages, every other page, the sitemap and the 繁體 copy of every public page) and the search index of both languages${results[0]?.pages ? ` (${results.at(-1)!.pages.toLocaleString('en')} HTML pages at the largest size)` : ''}. The plain site renders the same article files, one page each (title, summary, body), with no checks, layout or list pages, then runs the same pagefind package over its output the simplest way (\`pagefind --site dist\`, every page's whole body), its time counted in the plain build. Both are built at every size (\`--plain-sizes\` chooses where); the largest size runs once. Peak memory is the highest sum over the build's processes. CPU time is user + system over all of them: on a busy machine wall time grows, CPU time much less, so compare CPU times across machines and runs.`,
  );
  return lines.join('\n');
}

/** A size's runs without the builds' console output (kept out of saved runs). */
export function scaleRunsWithoutOutput(r: ScaleResult): Pick<ScaleResult, 'ours' | 'plain' | 'plainIndex'> {
  const strip = (xs: RunResult[]) => xs.map((x) => ({ ...x, stdout: '', stderr: '' }));
  return { ours: strip(r.ours), plain: strip(r.plain), plainIndex: strip(r.plainIndex) };
}

/** A run saved with --scale-json, and what to call it: its file name says which code it measured. */
export function scaleBefore(file: string): { results: ScaleResult[]; label: string } {
  const results = (JSON.parse(readFileSync(resolve(root, file), 'utf8')) as ScaleResult[]).map((r) => ({
    ...r,
    breakdowns: r.breakdowns ?? [],
    plainIndex: r.plainIndex ?? [],
  }));
  return { results, label: basename(file).replace(/\.json$/, '') };
}
