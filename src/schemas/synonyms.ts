/**
 * `synonyms` (content/search/synonyms.yaml): the search box's everyday-words map.
 * Residents type 讨薪, 车祸 or 请不起律师; the pages say 劳动报酬, 交通事故 and
 * 法律援助. Each entry lists the everyday phrases and the words the site's pages
 * actually use. When a query contains one of the phrases, the search page also
 * searches the page words and tells the reader so (“也搜索了：劳动报酬”).
 *
 * Editors: before adding a word to `searchAlso`, search the pages for it — a word
 * no page uses finds nothing. Keep phrases short (what people type), 2 to 12
 * characters. Across entries (src/schemas/collection-rules.ts, run by
 * `npm run check:content`): no id twice, no phrase in two entries, every
 * `searchAlso` word used by the content.
 */
import { z } from 'astro/zod';

/** A search word: 1–12 characters, no spaces (use separate entries instead). */
const word = (field: string) =>
  z
    .string({ error: `${field}要写成文字` })
    .trim()
    .min(1, { error: `${field}不能为空` })
    .max(12, { error: `${field}最多 12 个字` })
    .regex(/^\S+$/u, { error: `${field}里不能有空格：每个词单独写一项` });

export const synonymEntrySchema = z
  .object({
    /** Short stable name for the entry in lower-case letters and hyphens, e.g. wages. Used only to tell entries apart. */
    id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id 只能用小写字母、数字和连字符，例如 wages' }),
    /** What residents type: 讨薪, 欠薪, 工资拖欠 … At least one. */
    phrases: z.array(word('日常说法（phrases）')).min(1, { error: '请至少写一个日常说法（phrases）' }),
    /** The words the pages use, searched as well: 劳动报酬, 拖欠工资 … At least one. */
    searchAlso: z.array(word('页面用词（searchAlso）')).min(1, { error: '请至少写一个页面用词（searchAlso）' }),
    /** Optional note for other editors: why these words belong together. */
    note: z.string().max(200).optional(),
  })
  .superRefine((entry, ctx) => {
    const same = entry.phrases.filter((p) => entry.searchAlso.includes(p));
    if (same.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['searchAlso'],
        message: `“${same.join('、')}”同时写在了日常说法和页面用词里，请只保留一处`,
      });
    }
  });

export type SynonymEntry = z.infer<typeof synonymEntrySchema>;
