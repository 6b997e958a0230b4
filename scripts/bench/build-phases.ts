/**
 * Where our build's time goes, for the build-scale section: the phase marks
 * the build writes when BUILD_TIMINGS names a file
 * (src/integrations/build-timings.ts), Astro's own time for each page it
 * generates (its "(+12ms)" lines), and the 以案说法 list logic (related
 * cases, list and filter pages) timed here on the same articles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TimingMark } from '../../src/integrations/build-timings.ts';
import { buildListings, filterCounts, published, relatedCases, type CaseLike } from '../../src/lib/cases.ts';
import { COLLECTIONS, entryId } from '../../src/schemas/collections.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

/** One phase: seconds of CPU (the process and its children) and of wall clock. */
export interface Phase {
  name: string;
  cpu: number;
  wall: number;
}

/** Phases between consecutive marks of one process, named by the mark that ends them. */
export function phasesFromMarks(file: string): Phase[] {
  let marks: TimingMark[];
  try {
    marks = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TimingMark);
  } catch {
    return [];
  }
  const phases: Phase[] = [];
  for (let i = 1; i < marks.length; i++) {
    const [a, b] = [marks[i - 1]!, marks[i]!];
    if (a.pid !== b.pid || b.name === 'process start') continue;
    phases.push({ name: b.name, cpu: (b.cpu - a.cpu) / 1000, wall: (b.wall - a.wall) / 1000 });
  }
  return phases;
}

/** Kinds of pages Astro generates, by address; the first that matches. */
const PAGE_KINDS: [string, (path: string) => boolean][] = [
  ['以案说法 articles', (p) => /^\/cases\/(?!page\/|audience\/|topic\/|line\/)[^/]+\/index\.html$/.test(p)],
  ['以案说法 lists, filter pages, RSS', (p) => p.startsWith('/cases/')],
  ['every other page', () => true],
];

/** Seconds Astro spent generating each kind of page, from its log ("├─ /cases/x/index.html (+12ms)"). */
export function pageTimes(stdout: string): Map<string, { pages: number; seconds: number }> {
  // Without colour codes (ESC [ … m).
  const text = stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const out = new Map(PAGE_KINDS.map(([k]) => [k, { pages: 0, seconds: 0 }]));
  // A warning may be printed between a page's address and its time.
  for (const m of text.matchAll(/[├└]─ (\/\S*?)(?=\s|\d\d:\d\d:\d\d)[\s\S]*?\(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const kind = PAGE_KINDS.find(([, test]) => test(m[1]!))![0];
    const entry = out.get(kind)!;
    entry.pages++;
    entry.seconds += Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
  }
  return out;
}

/** The CPU seconds of one call, measured in this process. */
function cpuOf(f: () => void): { cpu: number; wall: number } {
  const [c, t] = [process.cpuUsage(), performance.now()];
  f();
  const u = process.cpuUsage(c);
  return { cpu: (u.user + u.system) / 1e6, wall: (performance.now() - t) / 1000 };
}

/**
 * The list logic of src/lib/cases.ts over the site's articles, as the build
 * runs it: related cases for every article page, the list and filter pages
 * and their counts. (Its share of rendering the pages, not the rendering.)
 */
export function listLogicTimes(casesDir: string): { related: Phase; listings: Phase } {
  const cases = readdirSync(casesDir).flatMap((f) => {
    const id = entryId(COLLECTIONS.cases, f);
    if (id === undefined) return [];
    const { data } = splitFrontmatter(readFileSync(join(casesDir, f), 'utf8'));
    const when = data.published instanceof Date ? data.published : new Date(String(data.published));
    return [{ id, data: { ...data, published: when } } as unknown as CaseLike];
  });
  const all = published(cases);
  return {
    related: { name: 'related cases', ...cpuOf(() => all.forEach((c) => relatedCases(c, all))) },
    listings: { name: 'lists and filters', ...cpuOf(() => (buildListings(all), filterCounts(all))) },
  };
}

/** What the breakdown table needs of one size's runs (build-scale.ts). */
export interface SizeRuns {
  articles: number;
  /** CPU and wall seconds of each whole build. */
  totals: { cpu: number; wall: number }[];
  breakdowns: {
    phases: Phase[];
    pages: Record<string, { pages: number; seconds: number }>;
    related: Phase;
    listings: Phase;
  }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The table's rows: a label and the marks' phases it adds up. */
const ROWS: [string, string[]][] = [
  ['Start-up: Node, Astro, the config and its integrations', ['astro start-up']],
  ['Content checks (every rule, every citation)', ['content checks']],
  ["Content sync (Astro's loaders and schemas, types)", ['content sync']],
  ['Bundling (Vite: pages, every MDX article, scripts, styles)', ['bundling']],
  ['Page generation', ['page generation']],
  ['Sitemap (with the check for empty filter pages)', ['sitemap']],
  ['繁體 copy of every public page, and its dictionary', ['繁體 copy']],
  [
    'CMS files, deferred page scripts, page shell, inline scripts, CSP headers, other after-build steps',
    ['after generation', 'CMS files', 'deferred scripts', 'page shell', 'inline scripts', 'CSP headers'],
  ],
  ['Search index: pages read, filters checked', ['search: pages and filters read']],
  ['Search index: pagefind (both languages)', ['search: pages indexed', 'search: index written']],
  ["Search index: the site's common words", ['search: common words', 'search: done']],
];

/** One row's figures in one run: CPU and wall seconds. */
function rowOf(b: SizeRuns['breakdowns'][number], names: string[]) {
  const ps = b.phases.filter((p) => names.includes(p.name));
  return { cpu: ps.reduce((n, p) => n + p.cpu, 0), wall: ps.reduce((n, p) => n + p.wall, 0) };
}

/**
 * Rows of label and, per size, the median CPU and wall seconds. Page
 * generation is split by kind of page: wall seconds from Astro's log, CPU
 * shared out in the same proportions.
 */
export function breakdownRows(sizes: SizeRuns[]): { label: string; cells: { cpu: number; wall: number }[] }[] {
  const rows: { label: string; cells: { cpu: number; wall: number }[] }[] = [];
  const med = (f: (b: SizeRuns['breakdowns'][number], i: number) => { cpu: number; wall: number }) =>
    sizes.map((s) => {
      const xs = s.breakdowns.map(f);
      return { cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) };
    });
  for (const [label, names] of ROWS) {
    rows.push({ label, cells: med((b) => rowOf(b, names)) });
    if (names[0] !== 'page generation') continue;
    for (const kind of Object.keys(sizes[0]?.breakdowns[0]?.pages ?? {})) {
      const cells = med((b) => {
        const gen = rowOf(b, names);
        const all = Object.values(b.pages).reduce((n, p) => n + p.seconds, 0);
        const share = all ? (b.pages[kind]?.seconds ?? 0) / all : 0;
        return { cpu: gen.cpu * share, wall: b.pages[kind]?.seconds ?? 0 };
      });
      const pages = sizes.map((s) => s.breakdowns[0]?.pages[kind]?.pages ?? 0);
      rows.push({ label: `↳ ${kind} (${pages.map((n) => n.toLocaleString('en')).join(' / ')} pages)`, cells });
    }
    rows.push({ label: '↳ of which related cases (timed on their own)', cells: med((b) => b.related) });
    rows.push({ label: '↳ of which list and filter contents (timed on their own)', cells: med((b) => b.listings) });
  }
  const measured = sizes.map((s, i) => ({
    cpu:
      median(s.totals.map((t) => t.cpu)) -
      rows.filter((r) => !r.label.startsWith('↳')).reduce((n, r) => n + r.cells[i]!.cpu, 0),
    wall:
      median(s.totals.map((t) => t.wall)) -
      rows.filter((r) => !r.label.startsWith('↳')).reduce((n, r) => n + r.cells[i]!.wall, 0),
  }));
  rows.push({ label: 'The rest: npm, the checks before the build, process start and exit', cells: measured });
  return rows;
}
