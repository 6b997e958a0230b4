import { describe, expect, it } from 'vitest';
import {
  groupByReview,
  lawSnapshotOf,
  lawTextsNewerThan,
  newestLawSnapshot,
  REVIEWER_PATTERN,
  reviewLine,
  reviewState,
  type ReviewItem,
  type ReviewRecord,
} from '../../src/lib/review.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const record = (over: Partial<ReviewRecord> = {}): ReviewRecord => ({
  by: '台山市法律援助处',
  date: d('2027-01-05'),
  lawSnapshot: d('2025-04-19'),
  nextDue: d('2028-01-05'),
  ...over,
});
const item = (title: string, review?: ReviewRecord): ReviewItem => ({
  title,
  path: `/cases/${title}/`,
  editPath: `/admin/#/collections/cases/entries/${title}`,
  review,
});

describe('review state', () => {
  it('is pending without a record, reviewed until nextDue, overdue the day after', () => {
    expect(reviewState(undefined, '2027-06-01')).toBe('pending');
    expect(reviewState(record(), '2028-01-05')).toBe('reviewed');
    expect(reviewState(record(), '2028-01-06')).toBe('overdue');
  });

  it('writes the record line with the unit, the review date and the law texts’ date', () => {
    expect(reviewLine(record())).toBe('审核：台山市法律援助处，2027年1月5日（依据2025年4月19日的法律文本）');
  });
});

describe('reviewers', () => {
  it('accepts units and posts, refuses bare personal names', () => {
    for (const unit of [
      '台山市司法局',
      '台山市法律援助处',
      '市司法局法律援助股',
      '台城司法所负责人',
      '台山市公共法律服务中心',
    ])
      expect(REVIEWER_PATTERN.test(unit), unit).toBe(true);
    for (const name of ['李明', '陈小红', '欧阳娜娜', '张律师']) expect(REVIEWER_PATTERN.test(name), name).toBe(false);
  });
});

describe('law snapshots', () => {
  const source = '国家法律法规数据库文本的公开整理本（LawRefBook/Laws，2025-04-19 快照）';

  it('reads the snapshot date from a law file’s source', () => {
    expect(lawSnapshotOf(source)).toBe('2025-04-19');
    expect(lawSnapshotOf('全国人大常委会公报')).toBeUndefined();
  });

  it('finds the newest snapshot and whether a review predates it', () => {
    const newest = newestLawSnapshot([source, source.replace('2025-04-19', '2026-03-01'), '无日期']);
    expect(newest).toBe('2026-03-01');
    expect(lawTextsNewerThan(record(), newest)).toBe(true);
    expect(lawTextsNewerThan(record(), '2025-04-19')).toBe(false);
    expect(lawTextsNewerThan(record(), undefined)).toBe(false);
  });
});

describe('the review list', () => {
  it('groups pages: pending in the given order, overdue and reviewed by due date', () => {
    const groups = groupByReview(
      [
        item('b'),
        item('late', record({ nextDue: d('2027-03-01') })),
        item('later', record({ nextDue: d('2027-02-01') })),
        item('a'),
        item('ok-2', record({ nextDue: d('2029-01-01') })),
        item('ok-1', record({ nextDue: d('2028-01-01') })),
      ],
      '2027-06-01',
    );
    expect(groups.pending.map((i) => i.title)).toEqual(['b', 'a']);
    expect(groups.overdue.map((i) => i.title)).toEqual(['later', 'late']);
    expect(groups.reviewed.map((i) => i.title)).toEqual(['ok-1', 'ok-2']);
  });
});
