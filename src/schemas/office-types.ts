/**
 * `officeTypes` (content/directory/office-types.yaml): what the directory says
 * about each kind of office — its name, a one-line description, a plain
 * explanation, where such offices are found, what to do while its list is
 * empty, and the statute articles behind it. One entry per fixed type id
 * (src/lib/directory.ts, OFFICE_TYPE_IDS), listed under `types:` so the
 * editing interface can edit the file (Decap cannot edit a list at the top of
 * a file). The ids, their order and their schema.org types are code; every
 * word a resident reads is here.
 *
 * Honesty: whatever this file says “the plan” requires must be in the 2012
 * plan's text (content/plan/); say so in the plan's words, as the plan's
 * requirement, not as today's practice. Facts about Taishan's offices need a
 * source; numbers of offices are written only when the directory's sources
 * establish them. Statute citations in `law` (and inline 《…》第N条 in any text)
 * are checked like all content.
 *
 * Rules across entries (each id exactly once, `plan` names a part of the plan)
 * are in src/schemas/rules.ts.
 */
import { z } from 'astro/zod';
import { OFFICE_TYPE_IDS } from '../lib/directory.ts';
import { articleRef, workLineId } from './shared.ts';

const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `请填写${field}` })
    .trim()
    .min(min, { error: `${field}至少 ${min} 个字` })
    .max(max, { error: `${field}最多 ${max} 个字` });

export const officeTypeSchema = z.strictObject(
  {
    /** Fixed id: the type page's address /directory/type/<id>/ and the `type` of office files. Never change it. */
    id: z.enum(OFFICE_TYPE_IDS, {
      error: `机构类型编号（id）是固定的，只能是以下之一：${OFFICE_TYPE_IDS.join('、')}`,
    }),
    /** What residents call it: 司法所. Page title of the type page and heading on town pages. */
    name: text('名称（name）', 2, 12),
    /** One sentence for lists, town pages and search results. */
    short: text('一句话介绍（short）', 10, 60),
    /** Plain explanation of what this kind of office does, for its type page and each office's page. */
    about: text('说明（about）', 30, 400),
    /** Work lines it usually serves: its service pages list it under “去哪里办”. */
    lines: z
      .array(workLineId, { error: '相关服务（lines）要写成列表，例如 [mediation, legal-aid]' })
      .min(1, { error: '相关服务（lines）至少写一项' }),
    /** Where this kind of office is found, in words; only what the sources establish. */
    coverage: text('分布（coverage）', 4, 80),
    /** Optional: the anchor of the plan part that sets this kind of office's “三进” tasks (/plan/#duties). */
    plan: z
      .string({ error: '方案章节（plan）要写成文字，例如 duties' })
      .regex(/^[a-z0-9-]+$/, { error: '方案章节（plan）写方案某一部分的编号，例如 duties、legal-aid' })
      .optional(),
    /** What a resident can do while the list for this type has no entries (or none for their town). */
    empty: text('名单为空时的提示（empty）', 10, 120),
    /** Statute articles that explain it, shown with their text on the type page. */
    law: z
      .array(articleRef, { error: '法律依据（law）要写成列表，每条像 { law: 法律援助法, article: 43 }' })
      .default([]),
  },
  {
    error: (issue: { code?: string; keys?: string[] }) =>
      issue.code === 'unrecognized_keys'
        ? `不认识的字段：${(issue.keys ?? []).join('、')}（是不是拼错了？可用的字段见 docs/editing.md）`
        : undefined,
  },
);

export type OfficeTypeData = z.infer<typeof officeTypeSchema>;
