/**
 * `npm run bench`: measures the site's weight, speed and scale on this machine
 * and writes BENCHMARKS.md. Not a test: timings depend on the machine and on
 * what else it is doing; the deterministic budgets (sizes) are enforced by
 * `npm test` (tests/build/budgets.test.ts).
 *
 *   npm run bench                                 everything (15–21 minutes on the 2-core machines it has run on)
 *   npm run bench -- --only lighthouse            one part (or several: --only weight,functions)
 *   npm run bench -- --skip install,scale         all but some parts
 *   npm run bench -- --quick                      fewer and smaller runs, to try the bench itself
 *
 * Parts: weight, lighthouse, scale, search, functions, submission, install, database. A partial run
 * replaces only its own sections of BENCHMARKS.md and keeps the others. It ends by saying which
 * figures moved by 10 % or more since the last committed BENCHMARKS.md (moved.ts), on the console
 * and under the machine's description.
 * Other options: --no-build (use dist/ as it is), --out FILE,
 * --keep-previous (keep the sections this run replaces under the new ones, to
 * show a change's before and after: each says which commit it measured),
 * --lighthouse-runs N (default 3), --reference-runs N (control pages and repeat views, default 2), --scale-sizes 1000,5000, --scale-runs N (at the
 * smallest size, default 1; the larger sizes run once), --search-runs N (default 1), --plain-sizes 1000,5000 (where
 * the plain Astro + MDX + pagefind site is built too; default every size),
 * --scale-json FILE (save the scale runs' figures), --scale-before FILE (a saved
 * run to show as "before", e.g. scripts/bench/baselines/), --functions-runs N,
 * --functions-seconds N, --ci-runs N, --start-runs N, --database-records N,
 * --desk-runs N, --submission-iterations N, --profile-seconds N, --note "text".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PAGE_TYPES, builtPages } from '../lib/page-weight.ts';
import { buildScale, buildScaleSection, scaleBefore, scaleRunsWithoutOutput } from './build-scale.ts';
import { databaseBench, databaseSection } from './database.ts';
import { functionsBench, functionsSection } from './functions.ts';
import { installAndStart, installSection } from './install.ts';
import { failIf, load, log, machine, measuredCommit, npmRun, root } from './lib.ts';
import { CONTROL_PAGES, lighthousePages, lighthouseSection, writeControlPages } from './lighthouse.ts';
import { repeatViews, repeatViewSection } from './repeat-view.ts';
import { serveStatic } from '../lib/serve.ts';
import { searchBench, searchSection } from './search.ts';
import { submissionBench, submissionSection } from './submission.ts';
import { measureWeights, weightSection } from './weight.ts';
import { movedFigures, movedReport, type Move } from './moved.ts';

/**
 * Page types Lighthouse leaves out: the CMS and the staff desk, the bureau's own tools (their
 * JavaScript has budgets of its own). Every other page type is measured, 法律咨询 and the
 * overview, English and other pages included, since the LCP target holds for every page type.
 */
const NOT_IN_LIGHTHOUSE = ['admin', 'staff'];

const PARTS = ['weight', 'lighthouse', 'scale', 'search', 'functions', 'submission', 'install', 'database'] as const;
type Part = (typeof PARTS)[number];

const TITLES: Record<Part, string> = {
  weight: '页面体积 / Page weight',
  lighthouse: 'Lighthouse（手机模拟 / mobile emulation）',
  scale: '构建规模 / Build scale',
  search: '搜索 / Search',
  functions: '在线申请函数 / Application functions',
  submission: '一次提交的耗时 / Where a submission’s time goes',
  install: '安装与启动 / Install and start',
  database: '工作台数据库规模 / Back office at 100,000 records',
};

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    skip: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    'keep-previous': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string' },
    'reference-runs': { type: 'string' },
    'scale-sizes': { type: 'string' },
    'scale-runs': { type: 'string' },
    'search-runs': { type: 'string' },
    'plain-sizes': { type: 'string' },
    'scale-json': { type: 'string' },
    'scale-before': { type: 'string' },
    'functions-runs': { type: 'string' },
    'functions-seconds': { type: 'string' },
    'ci-runs': { type: 'string' },
    'start-runs': { type: 'string' },
    'database-records': { type: 'string' },
    'desk-runs': { type: 'string' },
    'submission-iterations': { type: 'string' },
    'profile-seconds': { type: 'string' },
    note: { type: 'string' },
  },
});

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
for (const p of [...list(args.only), ...list(args.skip)]) {
  if (!PARTS.includes(p as Part)) throw new Error(`Unknown part "${p}". Parts: ${PARTS.join(', ')}`);
}
const parts = PARTS.filter((p) => (args.only ? list(args.only).includes(p) : true) && !list(args.skip).includes(p));
const quick = args.quick;
const num = (s: string | undefined, full: number, fast: number) => (s ? Number(s) : quick ? fast : full);
const settings = {
  // Three, as the LCP target says: the median of 3 runs.
  lighthouseRuns: num(args['lighthouse-runs'], 3, 1),
  // Two for what is not a page type's figure: the control pages (this machine's floor) and the
  // repeat views, measured in Chromium, whose runs vary by a few hundredths of a second. A third run of
  // each cost 25 s of the 15.3 minutes a full run took on 7 December.
  referenceRuns: num(args['reference-runs'], 2, 1),
  scaleSizes: args['scale-sizes'] ? list(args['scale-sizes']).map(Number) : quick ? [100, 300] : [1000, 5000],
  // Once at every size, as the largest size always ran: a second run at 1,000
  // articles cost 65 s (of the 19.3 minutes the bench took on 7 December) and
  // moved the ratio by 0.18 (2.40× and 2.58×); `--scale-runs 2` for a median.
  scaleRuns: num(args['scale-runs'], 1, 1),
  // The search part's byte counts, which its budget and target are about, are
  // the same in every run; only its times vary. One run saves about 30 s.
  searchRuns: num(args['search-runs'], 1, 1),
  /** Sizes at which the plain Astro + MDX + pagefind site is built too (default: every size). */
  plainSizes: args['plain-sizes'] ? list(args['plain-sizes']).map(Number) : null,
  // Two runs at each concurrency: each run costs about 7 s beyond its 3 s of
  // load (a new process, the database emulation, the read-back).
  functionsRuns: num(args['functions-runs'], 2, 1),
  functionsSeconds: num(args['functions-seconds'], 3, 2),
  ciRuns: num(args['ci-runs'], 1, 1),
  startRuns: num(args['start-runs'], 1, 1),
  databaseRecords: num(args['database-records'], 100_000, 10_000),
  deskRuns: num(args['desk-runs'], 20, 5),
  submissionIterations: num(args['submission-iterations'], 100, 20),
  // 5 s of load is about 250 submissions profiled, enough for the profile's shares.
  profileSeconds: num(args['profile-seconds'], 5, 3),
};

// ------------------------------------------------------------- output ---

const out = resolve(root, args.out!);
const begin = (p: Part) => `<!-- bench:${p} -->`;
const end = (p: Part) => `<!-- /bench:${p} -->`;
const now = () => new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const cores = cpus().length;
const busy = () => loadavg()[0]! > cores * 0.5;

/** Where a section's previous run begins, when it was kept (--keep-previous). */
const PREVIOUS = '<!-- bench:previous -->';

/** A section without the previous run kept under it: what moved.ts compares. */
const ownPart = (section: string) => section.split(PREVIOUS)[0]!;

/** A section as it was, to keep under the new one: its context line and body, without markers, title or its own previous run. */
function previousRun(p: Part, section: string): string {
  return ownPart(section).replace(begin(p), '').replace(`## ${TITLES[p]}`, '').replace(end(p), '').trim();
}

/** The sections of a BENCHMARKS.md text, by part. */
function sectionsOf(text: string): Map<Part, string> {
  const map = new Map<Part, string>();
  for (const p of PARTS) {
    const a = text.indexOf(begin(p));
    const b = text.indexOf(end(p));
    if (a >= 0 && b > a) map.set(p, text.slice(a, b + end(p).length));
  }
  return map;
}

/** The sections already in BENCHMARKS.md, to keep those this run does not measure. */
function previousSections(): Map<Part, string> {
  return existsSync(out) ? sectionsOf(readFileSync(out, 'utf8')) : new Map();
}

/**
 * The sections as last committed (HEAD), to say which figures moved
 * (moved.ts); the file on disk when it is not in git.
 */
function committedSections(): Map<Part, string> {
  try {
    const path = relative(root, out);
    return sectionsOf(execFileSync('git', ['show', `HEAD:${path}`], { cwd: root, encoding: 'utf8', stdio: 'pipe' }));
  } catch {
    return previousSections();
  }
}

function wrap(p: Part, body: string, started: string, loadBefore: string, seconds: number): string {
  const context = `*Measured ${started}, ${seconds.toFixed(0)} s; load average before (1 / 5 / 15 min): ${loadBefore} on ${cores} cores${
    Number(loadBefore.split(' / ')[0]) > cores * 0.5
      ? ' — the machine was busy with other work, so times are pessimistic'
      : ''
  }.*`;
  return `${begin(p)}\n## ${TITLES[p]}\n\n${context}\n\n${body}\n${end(p)}`;
}

function render(
  sections: Map<Part, string>,
  header: { date: string; totalSeconds: number; loadStart: string; loadEnd: string; parts: Part[]; moved: string },
): string {
  const machineLines = machine().map((l) => `- ${l}`);
  const note = args.note ? `\n> ${args.note}\n` : '';
  const busyNote =
    Number(header.loadStart.split(' / ')[0]) > cores * 0.5 || Number(header.loadEnd.split(' / ')[0]) > cores * 0.5
      ? `\n> The machine was running other work during this run (load average ${header.loadStart} at the start, ${header.loadEnd} at the end, on ${cores} cores). Wall times, Lighthouse performance scores and LCP/TBT are therefore pessimistic; CPU times and sizes are not affected. Rerun on a quiet machine for reference figures.\n`
      : '';
  return [
    '# 性能基准 / Benchmarks',
    '',
    '<!-- Written by `npm run bench` (scripts/bench/). Edit the scripts, not this file. -->',
    '',
    'What the site weighs, how fast it loads and builds, and how far it scales, measured on one machine. Sizes are also budgets that `npm test` enforces (tests/build/budgets.test.ts); timings live only here, because they depend on the machine.',
    '',
    "**Rerun:** `npm run bench` (15–21 minutes on the 2-core machines it has run on, see 机器 below for this run; it builds dist/ first). One part: `npm run bench -- --only lighthouse` (parts: weight, lighthouse, scale, search, functions, submission, install, database); it replaces only that part's section below. Needs Chromium (`/usr/bin/chromium` or `CHROME_PATH`), as the browser tests do. Figures are median (min–max) over the runs shown. Each run lists below which figures moved by 10 % or more since the last committed version of this file.",
    '',
    `## 机器 / Machine`,
    '',
    `Last run: ${header.date}, parts ${header.parts.join(', ')}, ${(header.totalSeconds / 60).toFixed(1)} minutes in all.`,
    '',
    ...machineLines,
    `- Load average (1 / 5 / 15 min) at the start: ${header.loadStart}; at the end: ${header.loadEnd}`,
    busyNote,
    note,
    '## 变化 / What moved since the last committed run',
    '',
    header.moved,
    '',
    ...PARTS.map(
      (p) =>
        (sections.get(p) ??
          `${begin(p)}\n## ${TITLES[p]}\n\nNot measured yet: \`npm run bench -- --only ${p}\`.\n${end(p)}`) + '\n',
    ),
  ].join('\n');
}

// ---------------------------------------------------------------- run ---

const t0 = performance.now();
const date = now();
const loadStart = load();
log(`parts: ${parts.join(', ')}; settings ${JSON.stringify(settings)}`);
if (busy()) log(`the machine is busy (load average ${loadStart} on ${cores} cores): timings will be pessimistic`);

// The functions (submissions in the functions, submission and database parts) render their pages in the
// build's shell (dist/_shell/shells.json), so they need dist/ too.
const DIST_PARTS: readonly Part[] = ['weight', 'lighthouse', 'search', 'functions', 'submission', 'database'];
const needsDist = parts.some((p) => DIST_PARTS.includes(p));
if (needsDist && !args['no-build']) {
  log('npm run build (dist/ for page weight, Lighthouse, search and the functions)');
  const b = await npmRun(root, 'build', [], { timeoutMs: 15 * 60_000 });
  failIf(b, 'npm run build');
  log(`built in ${b.seconds.toFixed(1)} s`);
}
if (needsDist && !existsSync(join(root, 'dist', 'index.html')))
  throw new Error('dist/ is missing: run without --no-build');

const sections = previousSections();
const committed = committedSections();
const moves: Move[] = [];
const compared: Part[] = [];
const moved = () => movedReport(moves, compared);
for (const p of parts) {
  const started = now();
  const loadBefore = load();
  const t = performance.now();
  // Before measuring: the work tree may change while a long part runs.
  const commit = measuredCommit();
  let body: string;
  switch (p) {
    case 'weight':
      body = weightSection(await measureWeights());
      break;
    case 'lighthouse': {
      const built = new Set(builtPages(join(root, 'dist')));
      // One page per page type, those built as files (not /stats/, which a function renders), but NOT_IN_LIGHTHOUSE.
      const pages = PAGE_TYPES.filter((t) => !NOT_IN_LIGHTHOUSE.includes(t.id) && built.has(t.example)).map((t) => ({
        page: t.example,
        name: t.name,
      }));
      const site = await lighthousePages(pages, settings.lighthouseRuns);
      const controlDir = writeControlPages();
      // Performance only: the control pages are a floor for LCP, not pages of the site to audit.
      const controls = await lighthousePages([...CONTROL_PAGES], settings.referenceRuns, controlDir, ['performance']);
      rmSync(controlDir, { recursive: true, force: true });
      const lighthouse = lighthouseSection(site, controls);
      const server = await serveStatic(join(root, 'dist'));
      try {
        const origin = server.origin.replace('127.0.0.1', 'localhost');
        body = [lighthouse, '', repeatViewSection(await repeatViews(origin, settings.referenceRuns))].join('\n');
      } finally {
        await server.close();
      }
      break;
    }
    case 'scale': {
      const sizes = settings.scaleSizes.map((articles, i) => ({
        articles,
        runs: i === 0 ? settings.scaleRuns : 1,
        plain: settings.plainSizes ? settings.plainSizes.includes(articles) : true,
      }));
      const results = await buildScale(sizes);
      // Every run's figures (without the builds' output), to compare another run with: --scale-before.
      if (args['scale-json'])
        writeFileSync(
          resolve(root, args['scale-json']),
          JSON.stringify(
            results.map((r) => ({ ...r, ...scaleRunsWithoutOutput(r) })),
            null,
            1,
          ) + '\n',
        );
      body = buildScaleSection(results, args['scale-before'] ? scaleBefore(args['scale-before']) : undefined);
      break;
    }
    case 'search':
      body = searchSection(await searchBench(settings.searchRuns));
      break;
    case 'functions':
      body = functionsSection(
        await functionsBench([1, 20], settings.functionsRuns, settings.functionsSeconds),
        settings.functionsSeconds,
      );
      break;
    case 'submission':
      body = submissionSection(await submissionBench(settings.submissionIterations, settings.profileSeconds));
      break;
    case 'install':
      body = installSection(await installAndStart(settings.ciRuns, settings.startRuns));
      break;
    case 'database':
      body = databaseSection(await databaseBench(settings.databaseRecords, settings.deskRuns));
      break;
  }
  const seconds = (performance.now() - t) / 1000;
  log(`${p}: ${seconds.toFixed(0)} s`);
  if (DIST_PARTS.includes(p)) body = `Site measured: ${commit}.\n\n${body}`;
  const kept = args['keep-previous'] ? sections.get(p) : undefined;
  const previous = kept
    ? `\n\n${PREVIOUS}\n### 之前的一次 / The run before (kept with --keep-previous)\n\n${previousRun(p, kept)}`
    : '';
  sections.set(p, wrap(p, body + previous, started, loadBefore, seconds));
  const before = committed.get(p);
  if (before) {
    compared.push(p);
    moves.push(...movedFigures(p, ownPart(before), body));
  }
  // Write after every part, so an interrupted run keeps what it measured.
  writeFileSync(
    out,
    render(sections, {
      date,
      totalSeconds: (performance.now() - t0) / 1000,
      loadStart,
      loadEnd: load(),
      parts,
      moved: moved(),
    }),
  );
}

const total = (performance.now() - t0) / 1000;
moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
writeFileSync(out, render(sections, { date, totalSeconds: total, loadStart, loadEnd: load(), parts, moved: moved() }));
log(`wrote ${args.out} in ${(total / 60).toFixed(1)} minutes`);
process.stderr.write(`\n${moved()}\n`);
