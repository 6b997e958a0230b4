/**
 * `en`: pages in English for overseas Taishanese (content/en/<id>.md → /en/<id>/).
 * Written by the bureau's editors in plain, careful English. Each legal
 * statement cites its article inline with the law's Chinese name, which the
 * content check resolves like any Chinese page (《中华人民共和国法律援助法》第四十条),
 * next to an English rendering: “Article 40, Legal Aid Law”.
 * Every page says it is a translation and that the Chinese text governs
 * where they differ (the layout writes that notice, src/pages/en/[id].astro).
 */
import { z } from 'astro/zod';
import { internalPath } from './shared.ts';

const text = (min: number, max: number, field: string) =>
  z
    .string({ error: `请填写${field}` })
    .trim()
    .min(min, { error: `${field}至少 ${min} 个字符` })
    .max(max, { error: `${field}最多 ${max} 个字符` });

export const englishSchema = z.strictObject(
  {
    /** The page's title in English, e.g. “Notarisation for use abroad”. */
    title: text(4, 80, '英文标题（title）'),
    /** One or two sentences for the English home page and search engines. */
    summary: text(20, 300, '英文摘要（summary）'),
    /** Position on the English home page, 1 first. */
    order: z.number({ error: 'order（排序）要写数字' }).int().min(1).max(50),
    /**
     * The Chinese page this page translates or summarises (site path, e.g.
     * /services/notary/); the language switch and hreflang link the two. Leave
     * out for pages with no Chinese counterpart. One English page per Chinese page.
     */
    counterpart: internalPath.optional(),
    /** The date the English text was last checked against the Chinese page and the law (YYYY-MM-DD). */
    checked: z.coerce.date({ error: 'checked（核对日期）要写成 YYYY-MM-DD' }),
    /**
     * What the page's facts rest on, besides the cited articles: official
     * notices by issuer, title and date. Name a source only as it was
     * published; no web address that has not been checked.
     */
    sources: z.array(text(8, 300, '来源（sources）')).default([]),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}` : undefined) },
);

export type EnglishFrontmatter = z.infer<typeof englishSchema>;
