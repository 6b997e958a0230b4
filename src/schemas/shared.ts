/** Building blocks shared by the content schemas. */
import { z } from 'astro/zod';
import { AUDIENCE_NAMES, WORK_LINE_IDS } from '../lib/taxonomy.ts';

/**
 * A cited statute article: `{ law: 法律援助法, article: 43 }`.
 * `law` is the law's short title (法律援助法, 民法典), full title or id in content/laws/;
 * `article` a number (43), or text for 之一 articles ("42之一").
 * Whether the article exists is checked at build time by src/integrations/content-checks.ts.
 */
export const articleRef = z.object({
  law: z.string({ error: '请写出法律名称，例如 法律援助法' }).min(2),
  article: z.union([z.number().int().positive(), z.string().min(1)], { error: '请写出条号，例如 43' }),
  /** Optional: why this article matters here, in one short sentence. */
  note: z.string({ error: '说明（note）要写成文字' }).max(80, { error: '说明（note）最多 80 个字' }).optional(),
});

/** One of the plan's seven work lines, by id: publicity, mediation, resettlement, community-correction, legal-aid, lawyers, notary. */
export const workLineId = z.enum(WORK_LINE_IDS, {
  error: `工作条线必须是以下之一：${WORK_LINE_IDS.join('、')}`,
});

/** One of 村居 / 学校 / 企业. */
export const audienceName = z.enum(AUDIENCE_NAMES, { error: '对象必须是 村居、学校 或 企业' });

/** An internal path starting with "/", written without the base path: /apply/legal-aid/. */
export const internalPath = z.string().regex(/^\/[^/]/, { error: '站内链接要以 / 开头，例如 /apply/legal-aid/' });
