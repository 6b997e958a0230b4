/**
 * 法律咨询 on /stats/ (src/lib/consult/stats.ts): topic counts and 满意度评价
 * with the page's small-count protection — below 5 is “<5”, and a small
 * count that could be worked out from the total is protected by hiding
 * another cell.
 */
import { describe, expect, it } from 'vitest';
import { consultYearTables } from '../../src/lib/consult/stats.ts';
import { renderConsultStats } from '../../src/lib/consult/stats-view.ts';

const value = (v: number) => ({ kind: 'value', value: v });

describe('consultYearTables', () => {
  it('shows counts of 5 and more, “<5” below, with the total in the state it was published in', () => {
    const t = consultYearTables({ topics: { wages: 12, neighbours: 7, other: 0 }, ratings: {} }, 'value');
    const wages = t.topics.find((r) => r.label === '拖欠工资')!;
    expect(wages.cells[0]).toEqual(value(12));
    expect(t.topics.find((r) => r.label === '邻里纠纷')!.cells[0]).toEqual(value(7));
    expect(t.topics.find((r) => r.label.startsWith('其他'))!.cells[0]).toEqual({ kind: 'small' });
    expect(t.topicTotal).toEqual(value(19));
    expect(t.ratings).toEqual([]);
  });

  it('never lets a small rating count be worked out from the total', () => {
    const t = consultYearTables(
      { topics: {}, ratings: { consultation: { satisfied: 10, fair: 2, dissatisfied: 5 } } },
      'value',
    );
    const [satisfied, fair, dissatisfied, total] = t.ratings[0]!.cells;
    expect(fair).toEqual({ kind: 'small' });
    const visible = [satisfied, dissatisfied, total].filter((c) => c!.kind === 'value');
    expect(visible.length).toBeLessThan(3);
    expect(t.ratings[0]!.label).toBe('法律咨询');
  });

  it('renders the tables for a closed year and says when they come for an open one', () => {
    const t = consultYearTables({ topics: { wages: 6 }, ratings: { 'legal-aid': { satisfied: 6 } } }, 'value');
    const closed = String(renderConsultStats(2026, t));
    expect(closed).toContain('<caption id="stats-consult-topics">2026年法律咨询：按问题类别</caption>');
    expect(closed).toContain('2026年满意度评价');
    expect(closed).toContain('法律援助申请');
    expect(String(renderConsultStats(2027, null))).toContain('在2027年结束后公布');
  });
});
