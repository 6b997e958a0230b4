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
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MB, failIf, fmt, log, npmRun, root, run, stat, table, type RunResult } from './lib.ts';
import { loadSources, syntheticArticle } from './synthetic.ts';
import { builtPages } from '../lib/page-weight.ts';
import { cleanEnv } from '../lib/env.ts';

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
    writeFileSync(join(dir, `${a.slug}.mdx`), a.text);
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
  cases: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/cases' }), schema: z.looseObject({ title: z.string(), summary: z.string() }) }),
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

function clean(dir: string): void {
  for (const d of ['dist', '.astro', join('node_modules', '.astro'), join('node_modules', '.vite')])
    rmSync(join(dir, d), { recursive: true, force: true });
}

export interface ScaleResult {
  articles: number;
  /** Real articles in content/cases, built alongside the synthetic ones. */
  realArticles: number;
  ours: RunResult[];
  plain: RunResult[];
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
      const res: ScaleResult = { articles, realArticles, ours: [], plain: [], pages: 0 };
      for (let i = 0; i < runs; i++) {
        clean(site);
        log(`build: our site with ${articles} synthetic articles (run ${i + 1}/${runs})`);
        const ours = await npmRun(site, 'build', [], { env: cleanEnv(), timeoutMs: 20 * 60_000 });
        failIf(ours, `npm run build with ${articles} articles`);
        res.ours.push(ours);
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
        res.plain.push(p);
      }
      results.push(res);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

export function buildScaleSection(results: ScaleResult[]): string {
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
        'plain Astro + MDX (wall)',
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
    const marginal =
      (stat(b.ours.map((x) => x.seconds)).median - stat(a.ours.map((x) => x.seconds)).median) /
      ((b.articles - a.articles) / 1000);
    const marginalPlain =
      a.plain.length && b.plain.length
        ? (stat(b.plain.map((x) => x.seconds)).median - stat(a.plain.map((x) => x.seconds)).median) /
          ((b.articles - a.articles) / 1000)
        : null;
    lines.push(
      `Each further 1,000 articles (from ${a.articles.toLocaleString('en')} to ${b.articles.toLocaleString('en')}, medians): our build +${marginal.toFixed(1)} s${marginalPlain === null ? '' : `, plain Astro + MDX +${marginalPlain.toFixed(1)} s`}. The per-1,000 column divides the whole build, including the fixed part (the rest of the site, start-up), by the article count.`,
      '',
    );
  }
  const real = results[0]?.realArticles ?? 0;
  lines.push(
    `Our full build is \`npm run build\` in a temporary copy of the project: content checks (schemas, every citation, dates), \`astro build\` of the whole site (the synthetic articles plus the ${real} real ones, their list, filter and RSS pages, and every other page) and the search index${results[0]?.pages ? ` (${results.at(-1)!.pages.toLocaleString('en')} HTML pages at the largest size)` : ''}. The plain site renders the same article files, one page each (title, summary, body), with no checks, layout, list pages or search index; by default it is built at the smallest size only, where both builds repeat (\`npm run bench -- --only scale --plain-sizes ${results.map((r) => r.articles).join(',')}\` builds it at every size, about 75 s more at 5,000 articles). Peak memory is the sum over the build's processes (Astro, then the indexer). CPU time is user + system over all of them: on a busy machine wall time grows, CPU time much less, so compare CPU times across machines and runs.`,
  );
  return lines.join('\n');
}
