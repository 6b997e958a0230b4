/**
 * `cases`: 以案说法 — short case explanations, one Markdown file per article in
 * content/cases/ (file name = URL slug: wages-owed-site.md → /cases/wages-owed-site/).
 *
 * The body must have three sections, as level-2 headings in this order:
 *   ## 案情      a short, concrete story
 *   ## 法律分析  what the law says and why it applies
 *   ## 怎么办    concrete next steps, with links to service guides, the directory or forms
 * The page adds a fourth, 法条, from `laws` and the body's inline citations,
 * each with the article's full text.
 */
import { z } from 'astro/zod';
import { TOPIC_NAMES } from '../lib/taxonomy.ts';
import { reviewSchema, unknownFieldsError } from './review.ts';
import { articleRef, audienceName, workLineId } from './shared.ts';

export const CASE_KINDS = ['说明性案例', '公开案例'] as const;

export const caseSchema = z
  .strictObject(
    {
      /** Headline in plain words, 6–40 characters, e.g. 包工头跑了，工钱找谁要？ */
      title: z
        .string({ error: '请填写标题' })
        .min(6, { error: '标题至少 6 个字' })
        .max(40, { error: '标题最多 40 个字' }),
      /** What the reader learns, 30–160 characters; shown in lists, search results and the RSS feed. */
      summary: z
        .string({ error: '缺少摘要（summary）：请用 30 到 160 个字概括这篇文章讲了什么' })
        .min(30, { error: '摘要太短：请写 30 到 160 个字' })
        .max(160, { error: '摘要太长：请压缩到 160 个字以内' }),
      /** First publication date, YYYY-MM-DD. */
      published: z.coerce.date({ error: '发布日期（published）要写成 2026-11-27 这样的日期' }),
      /**
       * The bureau's review record (src/schemas/review.ts): absent until the
       * bureau has actually reviewed the article; the page then says 内容尚待司法局审核.
       */
      review: reviewSchema.optional(),
      /** The work line the case belongs to. */
      workLine: workLineId,
      /** The problem in everyday words, one of the TOPICS names in src/lib/taxonomy.ts. */
      topic: z.enum(TOPIC_NAMES, { error: `主题（topic）必须是以下之一：${TOPIC_NAMES.join('、')}` }),
      /** Who it is written for: any of 村居 / 学校 / 企业. */
      audiences: z
        .array(audienceName, { error: '对象（audiences）要写成列表，例如 [村居, 企业]' })
        .min(1, { error: '请至少选择一个对象：村居、学校 或 企业' }),
      /** The articles cited; the page shows each one's text. At least one. */
      laws: z
        .array(articleRef, { error: '引用的法条（laws）要写成列表，每条像 { law: 法律援助法, article: 43 }' })
        .min(1, { error: '请至少引用一条法律条文（laws）' }),
      /** 说明性案例: a story written to explain the law (the page says so). 公开案例: a published case; give `source`. */
      caseKind: z.enum(CASE_KINDS, { error: '案例类型（caseKind）必须是 说明性案例 或 公开案例' }),
      /** For 公开案例: where it was published. */
      source: z
        .object(
          {
            /** Title of the published case or report. */
            title: z
              .string({ error: '请写出公开案例的标题（source.title）' })
              .min(2, { error: '出处标题（source.title）至少 2 个字' }),
            /** Who published it, e.g. 最高人民法院. */
            publisher: z
              .string({ error: '请写出发布机关（source.publisher），例如 最高人民法院' })
              .min(2, { error: '发布机关（source.publisher）至少 2 个字' }),
            /** Publication date, YYYY-MM-DD. */
            date: z.coerce.date({ error: '出处的发布日期（source.date）要写成 2026-11-27 这样的日期' }).optional(),
            /** Public web address, if any. */
            url: z.url({ error: '出处网址（source.url）要写完整，以 http:// 或 https:// 开头' }).optional(),
          },
          { error: '出处（source）要写成 title、publisher 等几项，见 docs/editing.md' },
        )
        .optional(),
      /** Other service pages to link, by work-line id (the case's own workLine is always linked). */
      relatedServices: z
        .array(workLineId, { error: '相关服务（relatedServices）要写成列表，例如 [mediation, lawyers]' })
        .default([]),
      /** Extra search words, e.g. 讨薪. */
      tags: z
        .array(
          z
            .string({ error: '关键词要写成文字' })
            .min(1, { error: '关键词不能是空的' })
            .max(12, { error: '每个关键词最多 12 个字' }),
          {
            error: '搜索关键词（tags）要写成列表，例如 [讨薪, 欠薪]',
          },
        )
        .default([]),
      /** true keeps the article out of the built site. */
      draft: z.boolean({ error: '草稿（draft）只能写 true（不发布）或 false（发布）' }).default(false),
    },
    unknownFieldsError,
  )
  .superRefine((c, ctx) => {
    if (c.caseKind === '公开案例' && !c.source) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: '公开案例必须写明出处（source：title、publisher）' });
    }
  });

export type CaseData = z.infer<typeof caseSchema>;
