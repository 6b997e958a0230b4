/**
 * What `npm run bench` reports as moved since the last committed
 * BENCHMARKS.md (scripts/bench/moved.ts).
 */
import { describe, expect, it } from 'vitest';
import { cellNumbers, movedFigures, movedReport, sectionFigures } from '../../scripts/bench/moved.ts';

const before = `
## Lighthouse

*Measured 2026-11-27 13:23 UTC, 188 s.*

| 页面类型 / page type | page | Performance | LCP | requests |
| --- | --- | --- | --- | --- |
| 首页 | \`/\` | 100 (×2) | 1.03 s (1.02 s–1.03 s) | 3 |
| 申请：填表页 | \`/apply/legal-aid/form/\` | 97 | 1.61 s (1.55 s–1.66 s) | 1,347 |

| Self time | Function | Where |
| --- | --- | --- |
| 506 ms | \`writev\` | (native) |
`;

const after = before
  .replace('1.61 s (1.55 s–1.66 s)', '0.98 s (0.97 s–1.01 s)')
  .replace('| 97 |', '| 100 |')
  .replace('506 ms', '900 ms')
  .replace('1.03 s (1.02 s–1.03 s)', '1.05 s (1.01 s–1.09 s)');

describe('the figures moved since the last committed run', () => {
  it('reads a cell’s figures without the spread of the runs and with thousands separators', () => {
    expect(cellNumbers('1.03 s (1.02 s–1.03 s)')).toEqual([1.03]);
    expect(cellNumbers('11.2 / 4.3')).toEqual([11.2, 4.3]);
    expect(cellNumbers('**53.1**')).toEqual([53.1]);
    expect(cellNumbers('1,347 ✓')).toEqual([1347]);
    expect(cellNumbers('not built')).toEqual([]);
  });

  it('names each figure by its row and column, and leaves CPU profiles out', () => {
    const figures = sectionFigures(before);
    expect(figures.get('申请：填表页 › LCP')).toBe(1.61);
    expect(figures.get('首页 › requests')).toBe(3);
    expect([...figures.keys()].some((k) => k.includes('writev') || k.includes('Self time'))).toBe(false);
  });

  it('reports changes of 10 % or more, the largest first; small changes and profiles are not moves', () => {
    const moves = movedFigures('lighthouse', before, after);
    expect(moves.map((m) => [m.where, m.before, m.after])).toEqual([['lighthouse › 申请：填表页 › LCP', 1.61, 0.98]]);
    // 97 → 100 is 3 %; 1.03 → 1.05 is 2 %.
    expect(movedFigures('lighthouse', before, after, 0.01).length).toBe(3);
    expect(movedReport(moves, ['lighthouse'])).toContain('lighthouse › 申请：填表页 › LCP: 1.61 → 0.98 (−39 %)');
    expect(movedReport([], ['lighthouse'])).toContain('no figure moved');
    expect(movedReport([], [])).toContain('Nothing to compare');
  });
});
