/**
 * `qa`: 常见问答 — questions residents asked online (法律咨询) and the answers,
 * with everything that could identify the asker removed, one Markdown file
 * per entry in content/qa/ (file name = URL slug: unpaid-wages-boss-gone.md →
 * /qa/unpaid-wages-boss-gone/).
 *
 * The staff desk makes a draft of an answer marked 可公开 (src/lib/consult/qa-draft.ts):
 * names, phone and identity numbers, plates, amounts written as long numbers
 * and places below town level are removed, and the file starts as a draft
 * with an unticked checklist. Nothing is published without an editor: an
 * entry is published only with `draft: false`, every item of `checklist`
 * true, and the editor's unit in `editedBy`.
 *
 * The body has two sections, as level-2 headings in this order:
 *   ## 问题   the question, anonymised, in the asker's everyday words
 *   ## 答复   the answer; inline citations (《中华人民共和国法律援助法》第四十二条) are checked
 */
import { z } from 'astro/zod';
import { TOPIC_NAMES } from '../lib/taxonomy.ts';
import { TOWN_IDS } from '../lib/towns.ts';
import { articleRef } from './shared.ts';

import { QA_CHECKLIST, type ChecklistItem } from './qa-checklist.ts';

export { QA_CHECKLIST, type ChecklistItem } from './qa-checklist.ts';

const checklistShape = Object.fromEntries(
  Object.keys(QA_CHECKLIST).map((k) => [k, z.boolean({ error: `核对清单的 ${k} 只能写 true 或 false` })]),
) as Record<ChecklistItem, z.ZodBoolean>;

export const qaSchema = z
  .strictObject(
    {
      /** The question as a general question, 6–40 characters: 包工头跑了，工钱找谁要？ */
      title: z
        .string({ error: '请填写标题' })
        .min(6, { error: '标题至少 6 个字' })
        .max(40, { error: '标题最多 40 个字' }),
      /** One of the TOPICS names in src/lib/taxonomy.ts (the same topics as 以案说法). */
      topic: z.enum(TOPIC_NAMES, { error: `主题（topic）必须是以下之一：${TOPIC_NAMES.join('、')}` }),
      /** The town (镇街) the question came from, a towns.json id; never anything below town level. */
      town: z
        .enum(TOWN_IDS, { error: '镇街（town）必须是 content/directory/towns.json 里的编号，例如 taicheng' })
        .optional(),
      /** The day the answer was given, YYYY-MM-DD. */
      answered: z.coerce.date({ error: '答复日期（answered）要写成 2026-12-07 这样的日期' }),
      /** The articles the answer cites; the page shows each one's text. */
      laws: z.array(articleRef, { error: '引用的法条（laws）要写成列表' }).default([]),
      /** true until an editor has gone through the checklist. */
      draft: z.boolean({ error: '草稿（draft）只能写 true（不发布）或 false（发布）' }),
      /** The editor's confirmation, item by item. */
      checklist: z.strictObject(checklistShape, { error: '请保留核对清单（checklist）的每一项' }),
      /** Who checked and published it: the editor's unit and name, e.g. 台山市司法局 陈某. */
      editedBy: z.string({ error: '审核人（editedBy）要写成文字' }).min(2).max(40).optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}` : undefined) },
  )
  .superRefine((v, ctx) => {
    if (v.draft) return;
    for (const [k, label] of Object.entries(QA_CHECKLIST))
      if (!v.checklist[k as ChecklistItem])
        ctx.addIssue({ code: 'custom', path: ['checklist', k], message: `发布前请核对并改为 true：${label}` });
    if (!v.editedBy) ctx.addIssue({ code: 'custom', path: ['editedBy'], message: '发布前请写明审核人（editedBy）' });
  });

export type QaEntry = z.infer<typeof qaSchema>;
