import { describe, expect, it } from 'vitest';
import {
  allFilters,
  buildDate,
  buildListings,
  chineseDate,
  emptyFilterPaths,
  filterCounts,
  isReviewOverdue,
  listingPath,
  matchesFilter,
  paginate,
  relatedCases,
  sortNewestFirst,
  type CaseLike,
} from '../../src/lib/cases.ts';
import { beijingDate as chinaToday } from '../../src/lib/time.ts';
import { AUDIENCES, TOPICS, WORK_LINES } from '../../src/lib/taxonomy.ts';

function c(id: string, published: string, over: Partial<CaseLike['data']> = {}): CaseLike {
  return {
    id,
    data: {
      title: id,
      published: new Date(published),
      workLine: 'legal-aid',
      topic: '拖欠工资',
      audiences: ['企业'],
      ...over,
    },
  };
}

describe('sortNewestFirst', () => {
  it('puts the newest first and orders same-day articles by title', () => {
    const list = [c('b', '2026-01-01'), c('c', '2026-03-01'), c('a', '2026-01-01')];
    expect(sortNewestFirst(list).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('paginate', () => {
  it('cuts into pages of 10 and keeps one empty page for an empty list', () => {
    expect(paginate(Array.from({ length: 23 }, (_, i) => i)).map((p) => p.length)).toEqual([10, 10, 3]);
    expect(paginate([], 10)).toEqual([[]]);
    expect(paginate([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
  });
  it('rejects a nonsensical page size', () => {
    expect(() => paginate([1], 0)).toThrow();
  });
});

describe('listingPath', () => {
  it.each([
    [undefined, 1, '/cases/'],
    [undefined, 2, '/cases/page/2/'],
    [{ kind: 'topic', id: 'wages' }, 1, '/cases/topic/wages/'],
    [{ kind: 'audience', id: 'village' }, 3, '/cases/audience/village/page/3/'],
    [{ kind: 'line', id: 'legal-aid' }, 1, '/cases/line/legal-aid/'],
  ] as const)('%o page %i → %s', (filter, page, path) => {
    expect(listingPath(filter, page)).toBe(path);
  });
});

describe('filters', () => {
  it('offers every audience, topic and work line', () => {
    expect(allFilters()).toHaveLength(AUDIENCES.length + TOPICS.length + WORK_LINES.length);
  });
  it('matches audience by name, topic by name, work line by id (own line only)', () => {
    const x = c('x', '2026-01-01', {
      audiences: ['村居', '学校'],
      topic: '工伤',
      workLine: 'lawyers',
      relatedServices: ['legal-aid'],
    });
    expect(matchesFilter(x, { kind: 'audience', id: 'school', name: '学校' })).toBe(true);
    expect(matchesFilter(x, { kind: 'audience', id: 'enterprise', name: '企业' })).toBe(false);
    expect(matchesFilter(x, { kind: 'topic', id: 'work-injury', name: '工伤' })).toBe(true);
    expect(matchesFilter(x, { kind: 'line', id: 'lawyers', name: '律师' })).toBe(true);
    expect(matchesFilter(x, { kind: 'line', id: 'legal-aid', name: '法律援助' })).toBe(false);
  });
});

describe('buildListings', () => {
  const cases = [
    ...Array.from({ length: 12 }, (_, i) =>
      c(`w${String(i).padStart(2, '0')}`, `2026-01-${String(i + 1).padStart(2, '0')}`),
    ),
    c('s', '2025-06-01', { audiences: ['学校'], topic: '校园安全', workLine: 'publicity' }),
    c('draft', '2027-01-01', { draft: true }),
  ];
  const listings = buildListings(cases);
  const at = (path: string) => listings.find((l) => l.path === path)!;

  it('paginates /cases/ newest first and leaves drafts out', () => {
    expect(at('/cases/').items.map((x) => x.id)).toEqual([
      'w11',
      'w10',
      'w09',
      'w08',
      'w07',
      'w06',
      'w05',
      'w04',
      'w03',
      'w02',
    ]);
    expect(at('/cases/page/2/').items.map((x) => x.id)).toEqual(['w01', 'w00', 's']);
    expect(at('/cases/')).toMatchObject({ page: 1, totalPages: 2, total: 13 });
    expect(listings.some((l) => l.items.some((x) => x.id === 'draft'))).toBe(false);
  });
  it('builds each filter with its own count and pages', () => {
    expect(at('/cases/audience/enterprise/')).toMatchObject({ total: 12, totalPages: 2 });
    expect(at('/cases/audience/enterprise/page/2/').items.map((x) => x.id)).toEqual(['w01', 'w00']);
    expect(at('/cases/topic/campus-safety/')).toMatchObject({ total: 1, totalPages: 1 });
    expect(at('/cases/line/publicity/').items.map((x) => x.id)).toEqual(['s']);
  });
  it('gives an empty filter one empty page instead of none', () => {
    expect(at('/cases/topic/consumer/')).toMatchObject({ total: 0, totalPages: 1, items: [] });
    expect(listings.filter((l) => l.path === '/cases/topic/consumer/page/2/')).toEqual([]);
  });
  it('has unique paths', () => {
    expect(new Set(listings.map((l) => l.path)).size).toBe(listings.length);
  });
});

describe('filterCounts and emptyFilterPaths', () => {
  const cases = [c('a', '2026-01-01'), c('b', '2026-01-02', { draft: true, topic: '工伤' })];
  it('counts published articles only', () => {
    const wages = filterCounts(cases).find((x) => x.filter.id === 'wages')!;
    expect(wages.count).toBe(1);
    expect(filterCounts(cases).find((x) => x.filter.id === 'work-injury')!.count).toBe(0);
  });
  it('lists the paths of empty filters', () => {
    const empty = emptyFilterPaths(cases);
    expect(empty).toContain('/cases/topic/work-injury/');
    expect(empty).toContain('/cases/audience/school/');
    expect(empty).not.toContain('/cases/topic/wages/');
    expect(empty).not.toContain('/cases/');
  });
});

describe('relatedCases', () => {
  const current = c('me', '2026-01-01', { topic: '工伤', workLine: 'lawyers' });
  const all = [
    current,
    c('same-line', '2026-05-01', { topic: '劳动合同', workLine: 'lawyers' }),
    c('same-topic', '2026-02-01', { topic: '工伤', workLine: 'legal-aid' }),
    c('audience-only', '2026-06-01', { topic: '交通事故', workLine: 'mediation' }),
    c('same-topic-draft', '2026-07-01', { topic: '工伤', draft: true }),
  ];
  it('offers same topic first, then same work line, never itself, drafts or audience-only matches', () => {
    expect(relatedCases(current, all).map((x) => x.id)).toEqual(['same-topic', 'same-line']);
  });
  it('respects the limit', () => {
    expect(relatedCases(current, all, 1).map((x) => x.id)).toEqual(['same-topic']);
  });
  it('ranks a long list as a full sort by rank, then newest first, would', () => {
    const topics = ['工伤', '拖欠工资', '交通事故'];
    const lines = ['lawyers', 'legal-aid', 'mediation'];
    const audiences = [['企业'], ['村居'], ['学校', '企业']];
    const many = Array.from({ length: 300 }, (_, i) =>
      c(`c${i}`, `2026-0${1 + (i % 9)}-1${i % 10}`, {
        topic: topics[i % 3],
        workLine: lines[(i >> 1) % 3],
        audiences: audiences[(i >> 2) % 3],
        draft: i % 17 === 0,
      }),
    );
    const rank = (me: CaseLike, x: CaseLike) =>
      (x.data.topic === me.data.topic ? 4 : 0) +
      (x.data.workLine === me.data.workLine ? 2 : 0) +
      (x.data.audiences.some((a) => me.data.audiences.includes(a)) ? 1 : 0);
    for (const me of many.slice(0, 40)) {
      const expected = sortNewestFirst(many.filter((x) => !x.data.draft && x.id !== me.id && rank(me, x) >= 2))
        .sort((a, b) => rank(me, b) - rank(me, a))
        .slice(0, 4);
      expect(relatedCases(me, many).map((x) => x.id)).toEqual(expected.map((x) => x.id));
    }
    // A new list (an edit in dev) is read afresh.
    const newer = c('newest', '2026-12-01', { topic: '工伤', workLine: 'lawyers' });
    expect(relatedCases(current, [...all, newer])[0]!.id).toBe('newest');
  });
});

describe('dates and review', () => {
  it('formats dates in Chinese', () => {
    expect(chineseDate(new Date('2026-02-05'))).toBe('2026年2月5日');
  });
  it("takes today's date in China", () => {
    expect(chinaToday(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-11-26T15:00:00Z'))).toBe('2026-11-26');
  });
  it('is overdue only after the review date', () => {
    const due = new Date('2027-11-27');
    expect(isReviewOverdue(due, '2027-11-26')).toBe(false);
    expect(isReviewOverdue(due, '2027-11-27')).toBe(false);
    expect(isReviewOverdue(due, '2027-11-28')).toBe(true);
  });
  it('uses SITE_BUILD_DATE when given, and refuses a malformed one', () => {
    expect(buildDate({ SITE_BUILD_DATE: '2030-01-02' })).toBe('2030-01-02');
    expect(buildDate({}, new Date('2026-11-27T01:00:00Z'))).toBe('2026-11-27');
    expect(() => buildDate({ SITE_BUILD_DATE: '明年' })).toThrow(/YYYY-MM-DD/);
  });
});
