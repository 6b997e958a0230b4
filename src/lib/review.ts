/**
 * Review records of service guides and 以案说法 articles: who at the bureau
 * checked a page, when, against which law texts, and when it is due again.
 * A page without a record has not been reviewed by the bureau and says so
 * (内容尚待司法局审核); the field is defined in src/schemas/review.ts and
 * explained to editors in docs/editing.md (审核记录).
 * Pure functions over plain data, shared by the pages, /review/ and the tests.
 */
import { chineseDate, isoDate, isReviewOverdue } from './cases.ts';

/** A review record as the schema hands it over. */
export interface ReviewRecord {
  /** The unit or post that reviewed, never a person's name: 台山市法律援助处. */
  by: string;
  /** The day the review was finished. */
  date: Date;
  /** The snapshot date of the law texts (content/laws/) the page was checked against. */
  lawSnapshot: Date;
  /** The day by which the page must be checked again. */
  nextDue: Date;
}

/**
 * Units the site already names from published sources (the plan and the
 * directory): offered as examples to editors. Any other unit or post of the
 * bureau may be written out in full (e.g. 市司法局法律援助股), as long as it
 * names a unit or post and not a person.
 */
export const REVIEWER_EXAMPLES = ['台山市司法局', '台山市法律援助处'] as const;

/**
 * A reviewer must end with the word for a unit (局、处、所、股、科、室、中心、
 * 委员会、站、组), optionally followed by a post in it (负责人、公职律师、法律
 * 顾问): 台山市司法局、市司法局法律援助股、台城司法所负责人. A bare personal name
 * (李明、陈小红) ends with none of these and is refused. This cannot catch
 * every name (a name could end in 所), which is why docs/editing.md also says
 * it in words: the record names the bureau's unit, never a person.
 */
export const REVIEWER_PATTERN = /(?:局|处|所|股|科|室|中心|委员会|站|组)(?:负责人|公职律师|法律顾问)?$/;
export const REVIEWER_MIN = 3;
export const REVIEWER_MAX = 30;

export type ReviewState = 'pending' | 'reviewed' | 'overdue';

/** pending: no record; overdue: the build date is after nextDue; reviewed otherwise. */
export function reviewState(review: ReviewRecord | undefined, today: string): ReviewState {
  if (!review) return 'pending';
  return isReviewOverdue(review.nextDue, today) ? 'overdue' : 'reviewed';
}

/** “审核：台山市法律援助处，2027年1月5日（依据2025年4月19日的法律文本）” */
export function reviewLine(review: ReviewRecord): string {
  return `审核：${review.by}，${chineseDate(review.date)}（依据${chineseDate(review.lawSnapshot)}的法律文本）`;
}

/**
 * The snapshot date a law file was taken from, read from its `source`
 * (“……（LawRefBook/Laws，2025-04-19 快照）”, written by npm run laws:import).
 * undefined when the source names no snapshot date.
 */
export function lawSnapshotOf(source: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})\s*快照/.exec(source)?.[1];
}

/** The newest snapshot date among the law files' sources, YYYY-MM-DD. */
export function newestLawSnapshot(sources: readonly string[]): string | undefined {
  const dates = sources.map(lawSnapshotOf).filter((d): d is string => !!d);
  return dates.length ? dates.sort().at(-1) : undefined;
}

/** Whether the law texts on the site are newer than the ones a review was made against. */
export function lawTextsNewerThan(review: ReviewRecord, newest: string | undefined): boolean {
  return !!newest && newest > isoDate(review.lawSnapshot);
}

/** One page in the bureau's review list (/review/). */
export interface ReviewItem {
  title: string;
  /** Site path without the base: /cases/x/. */
  path: string;
  /** Where the page is edited in the CMS: /admin/#/collections/cases/entries/x */
  editPath: string;
  review?: ReviewRecord;
}

export interface ReviewGroups {
  pending: ReviewItem[];
  overdue: ReviewItem[];
  reviewed: ReviewItem[];
}

/**
 * Splits a collection's pages into what awaits a first review (in the order
 * given), what is past its re-check date (longest overdue first) and what is
 * reviewed (next due first).
 */
export function groupByReview(items: readonly ReviewItem[], today: string): ReviewGroups {
  const groups: ReviewGroups = { pending: [], overdue: [], reviewed: [] };
  for (const item of items) groups[reviewState(item.review, today)].push(item);
  const byDue = (a: ReviewItem, b: ReviewItem) => a.review!.nextDue.getTime() - b.review!.nextDue.getTime();
  groups.overdue.sort(byDue);
  groups.reviewed.sort(byDue);
  return groups;
}
