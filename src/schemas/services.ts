/**
 * `services`: the seven work lines' service pages and their 办事指南 (service
 * guides), one Markdown file per line in content/services/, named by the work
 * line's id (legal-aid.md → /services/legal-aid/). The frontmatter holds the
 * guide's fixed fields, shown as a table like a government 办事指南; the body
 * holds the plain explanation.
 */
import { z } from 'astro/zod';
import { reviewSchema, unknownFieldsError } from './review.ts';
import { articleRef, audienceName, internalPath } from './shared.ts';

const text = (min: number, max: number, field: string) =>
  z
    .string({ error: `请填写${field}` })
    .min(min, { error: `${field}至少 ${min} 个字` })
    .max(max, { error: `${field}最多 ${max} 个字` });

export const serviceSchema = z.strictObject(
  {
    /** Page title: the work line's name, e.g. 法律援助. */
    title: text(2, 20, '标题'),
    /** Position in lists (1–7, the plan's order). */
    order: z.number().int().min(1).max(7),
    /** One or two sentences for lists and search results. */
    summary: text(20, 120, '摘要'),
    /** false for 社区矫正 and 安置帮教: information only, residents cannot apply online. */
    publicIntake: z.boolean(),
    /** Who the service reaches under the “三进” plan: any of 村居 / 学校 / 企业. */
    audiences: z.array(audienceName).min(1),
    /** The 办事指南, field by field. */
    guide: z.object({
      /** 服务内容: what the service is, in plain words. */
      what: text(10, 400, '服务内容'),
      /** 服务对象: who can use it. */
      who: text(4, 300, '服务对象'),
      /** 办理条件: conditions, one per item. */
      conditions: z.array(text(4, 200, '办理条件')).min(1, { error: '请至少写一条办理条件' }),
      /**
       * 所需材料: what to bring, one per item; empty or left out for
       * information-only lines (the CMS cannot save a required empty list).
       */
      materials: z.array(text(2, 200, '所需材料')).default([]),
      /** 办理方式: the ways to get the service. */
      channels: z
        .array(
          z.object({
            /** 现场办理, 电话咨询, 网上办理 or 信函办理. */
            mode: z.enum(['现场办理', '电话咨询', '网上办理', '信函办理']),
            text: text(4, 200, '办理方式说明'),
            /** Optional internal link (e.g. /apply/legal-aid/), without the base path. */
            link: internalPath.optional(),
            /** Link text, required with link. */
            linkText: z.string().max(20).optional(),
          }),
        )
        .min(1),
      /** 办理流程: numbered steps. */
      steps: z.array(text(4, 200, '办理流程')).min(1),
      /** 办理时限, with its legal basis in words. */
      timeLimit: text(4, 200, '办理时限'),
      /** 收费标准. */
      cost: text(2, 200, '收费标准'),
      /** 办理结果: what the resident receives. */
      result: text(2, 200, '办理结果').optional(),
      /** 办理地点: in words; the page adds the directory link. */
      where: text(4, 300, '办理地点'),
      /** 法律依据: the articles the guide rests on; each is shown with its text. */
      legalBasis: z.array(articleRef).min(1, { error: '请至少写一条法律依据' }),
    }),
    /** 常见问题. */
    faq: z.array(z.object({ q: text(4, 80, '问题'), a: text(4, 600, '回答') })).default([]),
    /**
     * The bureau's review record (src/schemas/review.ts): absent until the
     * bureau has actually reviewed the guide; the page then says 内容尚待司法局审核.
     */
    review: reviewSchema.optional(),
  },
  unknownFieldsError,
);

export type Service = z.infer<typeof serviceSchema>;
