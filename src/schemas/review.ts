/**
 * `review`: the review record of a service guide (content/services/) or a
 * 以案说法 article (content/cases/). Optional: a page without one has not been
 * reviewed by the bureau, and the page says 内容尚待司法局审核. Only a review
 * that has actually happened gets a record; never write one in advance.
 *
 *   review:
 *     by: 台山市法律援助处     # who reviewed: a unit or post, never a person's name
 *     date: 2027-01-05         # the day the review was finished (not after the build date)
 *     lawSnapshot: 2025-04-19  # the law texts checked against: the 快照 date in content/laws/*.md `source`
 *     nextDue: 2028-01-05      # re-check by this day (after `date`); the page warns once it has passed
 *
 * Explained to editors in docs/editing.md (审核记录); the CMS fills it in when
 * the reviewer approves (src/cms/config.yml).
 */
import { z } from 'astro/zod';
import { buildDate, isoDate } from '../lib/cases.ts';
import { REVIEWER_EXAMPLES, REVIEWER_MAX, REVIEWER_MIN, REVIEWER_PATTERN } from '../lib/review.ts';

const examples = REVIEWER_EXAMPLES.join('、');

export const reviewSchema = z
  .object(
    {
      /**
       * Who reviewed: the bureau's unit or post, 3–30 characters, ending with
       * the word for a unit (局、处、所、股、科、室、中心、委员会、站、组), optionally
       * followed by 负责人、公职律师 or 法律顾问. Never a person's name: the record
       * is the bureau's, and staff change.
       */
      by: z
        .string({ error: `请写明审核单位（review.by），例如 ${examples}` })
        .trim()
        .min(REVIEWER_MIN, { error: `审核单位（review.by）至少 ${REVIEWER_MIN} 个字，例如 ${examples}` })
        .max(REVIEWER_MAX, { error: `审核单位（review.by）最多 ${REVIEWER_MAX} 个字` })
        .regex(REVIEWER_PATTERN, {
          error: `审核单位（review.by）要写单位或岗位，不写个人姓名：以“局、处、所、股、科、室、中心、委员会、站、组”结尾（后面可加“负责人”），例如 ${examples}、市司法局法律援助股`,
        }),
      /** The day the review was finished, YYYY-MM-DD; not after the day the site is built. */
      date: z.coerce.date({ error: '审核日期（review.date）要写成 2027-01-05 这样的日期' }),
      /**
       * Which law texts the page was checked against: the snapshot date in
       * the `source` of the files in content/laws/ (now 2025-04-19). Not after
       * the review date.
       */
      lawSnapshot: z.coerce.date({
        error: '法律文本日期（review.lawSnapshot）要写成 2025-04-19 这样的日期：content/laws/ 里法律文本的快照日期',
      }),
      /** Re-check by this day, YYYY-MM-DD, after `date`; usually a year later. */
      nextDue: z.coerce.date({ error: '下次审核日期（review.nextDue）要写成 2028-01-05 这样的日期' }),
    },
    { error: '审核记录（review）要写成 by、date、lawSnapshot、nextDue 四项，见 docs/editing.md' },
  )
  .superRefine((r, ctx) => {
    const today = buildDate();
    if (isoDate(r.date) > today) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `审核日期（review.date）不能晚于今天（${today}）：只记录已经完成的审核`,
      });
    }
    if (r.lawSnapshot > r.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['lawSnapshot'],
        message: '法律文本日期（review.lawSnapshot）不能晚于审核日期（review.date）',
      });
    }
    if (r.nextDue <= r.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextDue'],
        message: '下次审核日期（review.nextDue）必须晚于审核日期（review.date）',
      });
    }
  });

export type Review = z.infer<typeof reviewSchema>;

/**
 * Misspelt, unknown and retired fields are refused by name. lastReviewed and
 * nextReviewDue were dates that no review stood behind; the record is `review`.
 */
export const unknownFieldsError = {
  error: (issue: { code?: string; keys?: string[] }) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = issue.keys ?? [];
    const retired = keys.filter((k) => k === 'lastReviewed' || k === 'nextReviewDue');
    if (retired.length)
      return `${retired.join('、')} 已停用：请删掉这一行。审核过的内容写审核记录 review（by、date、lawSnapshot、nextDue），见 docs/editing.md`;
    return `不认识的字段：${keys.join('、')}（是不是拼错了？可用的字段见 docs/editing.md）`;
  },
};
