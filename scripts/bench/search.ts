/**
 * Search figures come from the search work's own benchmark, `npm run
 * bench:search` (bytes and time of a first and a following query in Chromium,
 * on the real site and on a synthetic 2,000-article corpus). This runs it once
 * and quotes its report; when the script is not there (before the search work
 * is merged) the section says so instead of inventing figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, npmRun, root } from './lib.ts';

export interface SearchResult {
  available: boolean;
  code?: number | null;
  seconds?: number;
  report?: string;
}

export function hasSearchBench(): boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.['bench:search']);
}

export async function searchBench(): Promise<SearchResult> {
  if (!hasSearchBench()) return { available: false };
  log('search: npm run bench:search');
  const r = await npmRun(root, 'bench:search', [], { timeoutMs: 10 * 60_000 });
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return { available: true, code: r.code, seconds: r.seconds, report: clean(r.stdout) + (r.code === 0 ? '' : `\n\n(exit ${r.code})\n${clean(r.stderr).slice(-2000)}`) };
}

export function searchSection(r: SearchResult): string {
  if (!r.available) {
    return 'Not measured: this checkout has no `npm run bench:search` (it arrives with the search work). No search figures are given here rather than invented ones; rerun `npm run bench -- --only search` once it is merged.';
  }
  return [
    `\`npm run bench:search\`, run once (it repeats its queries itself; ${r.seconds!.toFixed(0)} s)${r.code === 0 ? '' : ', and it FAILED'}. Its report, verbatim:`,
    '',
    '```text',
    r.report!,
    '```',
  ].join('\n');
}
