/**
 * Search figures come from the search work's own benchmark, `npm run
 * bench:search` (bytes and time of a first and a following query in Chromium,
 * on the real site and on a synthetic 2,000-article corpus). This runs it once
 * and quotes its report, so the two never disagree.
 */
import { log, npmRun, root } from './lib.ts';

export interface SearchResult {
  code: number | null;
  seconds: number;
  /** How many times each query pair ran. */
  runs: number;
  report: string;
}

export async function searchBench(runs: number): Promise<SearchResult> {
  log(`search: npm run bench:search -- --runs ${runs}`);
  const r = await npmRun(root, 'bench:search', ['--runs', String(runs)], { timeoutMs: 10 * 60_000 });
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return {
    code: r.code,
    seconds: r.seconds,
    runs,
    report: clean(r.stdout) + (r.code === 0 ? '' : `\n\n(exit ${r.code})\n${clean(r.stderr).slice(-2000)}`),
  };
}

export function searchSection(r: SearchResult): string {
  return [
    `\`npm run bench:search -- --runs ${r.runs}\` (${r.seconds.toFixed(0)} s)${r.code === 0 ? '' : ', and it FAILED'}. Its report, verbatim:`,
    '',
    '```text',
    r.report,
    '```',
  ].join('\n');
}
