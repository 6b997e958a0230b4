/**
 * Which figures moved since the last committed run of `npm run bench`: every
 * number in the tables of a part's section of BENCHMARKS.md, as committed
 * (`git show HEAD:BENCHMARKS.md`), against the same table, row and column in
 * the new run. Pure functions over the Markdown, so a unit test can show what
 * counts as a move (tests/unit/bench-moved.test.ts).
 *
 * What is compared: each table cell's numbers in order (“1.03 s (1.02 s–1.03 s)”
 * is 1.03: the range in parentheses is the spread of the runs, not a figure of
 * its own; “11.2 / 4.3” is two figures). A cell is named by its row's first
 * cell and its column's heading. CPU profiles (tables headed “Self time”) are
 * left out: which function tops them changes from run to run. Figures that
 * appear or disappear (a new row, a part measured for the first time) are not
 * moves. A move is a change of at least `threshold` (10 %) of the old value.
 */

export interface Move {
  /** The part's title, then row › column (› n for a cell's n-th figure). */
  where: string;
  before: number;
  after: number;
  /** (after − before) / |before|; Infinity when before was 0. */
  change: number;
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

const plain = (s: string) => s.replace(/\*\*|`/g, '').trim();

/** The figures in a table cell: parenthesised ranges dropped, thousands separators read. */
export function cellNumbers(cell: string): number[] {
  const text = plain(cell)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  return [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

/** Every figure in the section's tables, by “row › column”. */
export function sectionFigures(section: string): Map<string, number> {
  const figures = new Map<string, number>();
  const lines = section.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.trimStart().startsWith('|') || !/^\s*\|\s*:?-{3,}/.test(lines[i + 1]!)) continue;
    const header = cells(lines[i]!).map(plain);
    let r = i + 2;
    const profile = /self time/i.test(header[0] ?? '');
    const seen = new Map<string, number>();
    for (; r < lines.length && lines[r]!.trimStart().startsWith('|'); r++) {
      if (profile) continue;
      const row = cells(lines[r]!);
      const label = plain(row[0] ?? '');
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      const rowKey = n > 1 ? `${label} (${n})` : label;
      row.slice(1).forEach((cell, c) => {
        const numbers = cellNumbers(cell);
        numbers.forEach((value, k) => {
          const key = `${rowKey} › ${header[c + 1] ?? `column ${c + 2}`}${numbers.length > 1 ? ` › ${k + 1}` : ''}`;
          figures.set(key, value);
        });
      });
    }
    i = r - 1;
  }
  return figures;
}

/** The figures of `after` that moved by at least `threshold` from `before`, largest change first. */
export function movedFigures(title: string, before: string, after: string, threshold = 0.1): Move[] {
  const old = sectionFigures(before);
  const moves: Move[] = [];
  for (const [key, value] of sectionFigures(after)) {
    const was = old.get(key);
    if (was === undefined || was === value) continue;
    const change = was === 0 ? Infinity : (value - was) / Math.abs(was);
    if (Math.abs(change) >= threshold) moves.push({ where: `${title} › ${key}`, before: was, after: value, change });
  }
  return moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
}

const percent = (m: Move) =>
  m.change === Infinity ? 'from 0' : `${m.change > 0 ? '+' : '−'}${Math.abs(m.change * 100).toFixed(0)} %`;

/**
 * The Markdown list of what moved, for BENCHMARKS.md and the console: at most
 * `limit` lines, then how many more. `compared` says which parts were compared.
 */
export function movedReport(moves: readonly Move[], compared: readonly string[], limit = 40): string {
  if (compared.length === 0) return 'Nothing to compare: no part of this run was in the last committed BENCHMARKS.md.';
  const head = `Compared with the last committed BENCHMARKS.md (${compared.join(', ')}): ${
    moves.length === 0 ? 'no figure moved by 10 % or more.' : `${moves.length} figure(s) moved by 10 % or more.`
  }`;
  const shown = moves.slice(0, limit).map((m) => `- ${m.where}: ${m.before} → ${m.after} (${percent(m)})`);
  const more = moves.length > limit ? [`- … and ${moves.length - limit} more`] : [];
  return [head, ...(shown.length ? ['', ...shown, ...more] : [])].join('\n');
}
