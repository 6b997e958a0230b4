/**
 * Review records (src/schemas/review.ts) as editors meet them: a fixture
 * article with a record passes every content check and yields the record line
 * the page shows; a broken record is refused with a Chinese message naming the
 * field and the fix; the retired lastReviewed / nextReviewDue are refused by
 * name. Fixtures in tests/fixtures/review/, never the real content.
 * Dates are judged against SITE_BUILD_DATE, as in a build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAll } from '../../src/integrations/content-checks.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { reviewLine, reviewState } from '../../src/lib/review.ts';
import { formatIssues } from '../../src/lib/validation-messages.ts';
import { caseSchema } from '../../src/schemas/cases.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import { serviceSchema } from '../../src/schemas/services.ts';
import { projectRoot } from '../support/dist.ts';

const dir = 'tests/fixtures/review';
const fixture = (name: string) => splitFrontmatter(readFileSync(join(projectRoot, dir, `${name}.md`), 'utf8')).data;
const BUILD_DATE = '2030-01-01';

beforeEach(() => vi.stubEnv('SITE_BUILD_DATE', BUILD_DATE));
afterEach(() => vi.unstubAllEnvs());

/** The editor-facing messages for a case whose review record is `review`. */
function problems(review: unknown, file = 'x.md'): string[] {
  const result = caseSchema.safeParse({ ...fixture('reviewed-case'), review });
  return result.success ? [] : formatIssues(file, result.error.issues);
}

describe('a case with a review record (fixture)', () => {
  it('passes the checks npm run check:content runs', () => {
    const collections = { ...COLLECTIONS, cases: { ...COLLECTIONS.cases, dir } };
    expect(checkAll(projectRoot, { collections, only: ['cases'] }).map((p) => p.text)).toEqual([]);
  });

  it('is reviewed, with the record line the page shows; the other fixture is overdue', () => {
    const reviewed = caseSchema.parse(fixture('reviewed-case'));
    expect(reviewState(reviewed.review, BUILD_DATE)).toBe('reviewed');
    expect(reviewLine(reviewed.review!)).toBe('审核：台山市司法局，2029年6月1日（依据2025年4月19日的法律文本）');
    const overdue = caseSchema.parse(fixture('overdue-case'));
    expect(reviewState(overdue.review, BUILD_DATE)).toBe('overdue');
  });

  it('without the record it is pending', () => {
    const { review: _r, ...rest } = fixture('reviewed-case');
    expect(reviewState(caseSchema.parse(rest).review, BUILD_DATE)).toBe('pending');
  });
});

describe('a broken review record', () => {
  const good = { by: '台山市法律援助处', date: '2029-06-01', lawSnapshot: '2025-04-19', nextDue: '2030-06-01' };

  it('a personal name instead of a unit', () => {
    expect(problems({ ...good, by: '陈小红' })).toEqual([
      'x.md：字段 review.by：审核单位（review.by）要写单位或岗位，不写个人姓名：以“局、处、所、股、科、室、中心、委员会、站、组”结尾（后面可加“负责人”），例如 台山市司法局、台山市法律援助处、市司法局法律援助股',
    ]);
  });

  it('an empty or too long reviewer, or none at all', () => {
    expect(problems({ ...good, by: '' })[0]).toBe(
      'x.md：字段 review.by：审核单位（review.by）至少 3 个字，例如 台山市司法局、台山市法律援助处',
    );
    expect(problems({ ...good, by: `${'台山市'.repeat(10)}司法局` })[0]).toBe(
      'x.md：字段 review.by：审核单位（review.by）最多 30 个字',
    );
    const { by: _by, ...noBy } = good;
    expect(problems(noBy)).toEqual([
      'x.md：字段 review.by：请写明审核单位（review.by），例如 台山市司法局、台山市法律援助处',
    ]);
  });

  it('a review date after the build date', () => {
    expect(problems({ ...good, date: '2030-01-02', nextDue: '2031-01-02' })).toEqual([
      `x.md：字段 review.date：审核日期（review.date）不能晚于今天（${BUILD_DATE}）：只记录已经完成的审核`,
    ]);
  });

  it('a re-check date not after the review date, law texts newer than the review', () => {
    expect(problems({ ...good, nextDue: '2029-06-01' })).toEqual([
      'x.md：字段 review.nextDue：下次审核日期（review.nextDue）必须晚于审核日期（review.date）',
    ]);
    expect(problems({ ...good, lawSnapshot: '2029-07-01' })).toEqual([
      'x.md：字段 review.lawSnapshot：法律文本日期（review.lawSnapshot）不能晚于审核日期（review.date）',
    ]);
  });

  it('a date that is not a date, and a record that is not a record', () => {
    expect(problems({ ...good, date: '去年' })).toEqual([
      'x.md：字段 review.date：审核日期（review.date）要写成 2027-01-05 这样的日期',
    ]);
    expect(problems('已审核')).toEqual([
      'x.md：字段 review：审核记录（review）要写成 by、date、lawSnapshot、nextDue 四项，见 docs/editing.md',
    ]);
  });
});

describe('the retired review dates', () => {
  it('are refused by name on cases and services, pointing to the review record', () => {
    const message =
      'lastReviewed、nextReviewDue 已停用：请删掉这一行。审核过的内容写审核记录 review（by、date、lawSnapshot、nextDue），见 docs/editing.md';
    const c = caseSchema.safeParse({ ...fixture('reviewed-case'), lastReviewed: '2026-11-27', nextReviewDue: '2027-11-27' });
    expect(c.success ? [] : formatIssues('x.md', c.error.issues)).toEqual([`x.md：字段 （整个文件）：${message}`]);
    const legalAid = splitFrontmatter(readFileSync(join(projectRoot, 'content', 'services', 'legal-aid.md'), 'utf8')).data;
    const s = serviceSchema.safeParse({ ...legalAid, lastReviewed: '2026-11-27' });
    expect(s.success).toBe(false);
    expect(s.error!.issues[0]!.message).toMatch(/^lastReviewed 已停用/);
  });

  it('other unknown fields are named as such', () => {
    const c = caseSchema.safeParse({ ...fixture('reviewed-case'), reviewer: '李明' });
    expect(c.error!.issues.map((i) => i.message)).toEqual(['不认识的字段：reviewer（是不是拼错了？可用的字段见 docs/editing.md）']);
  });
});
