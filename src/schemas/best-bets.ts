/**
 * `bestBets` (content/search/best-bets.yaml): the search page's “best bet”
 * boxes, kept by the editors. When the reader's query contains one of an
 * entry's phrases, the box leads the results with the next steps for that
 * task (讨薪 → 申请法律援助 · 申请人民调解 · 拨打 12348): a clear task gets a
 * clear next step before a list of pages. One box at most: the entry with the
 * longest phrase found in the query.
 *
 * Editors: keep phrases to how people say the task (讨薪, 不给工资, 家暴), 2 to
 * 12 characters; a phrase belongs to one entry only; a link is an address on
 * this site (/apply/legal-aid/, /services/mediation/) or a phone number
 * (tel:12348). `npm run check:content` names an address with no page as a
 * reminder (src/schemas/collection-rules.ts), and /search/best-bets.json
 * leaves such a link out.
 */
import { z } from 'astro/zod';

const phrase = z
  .string({ error: '说法要写成文字' })
  .trim()
  .min(2, { error: '说法至少 2 个字：单个字会在太多搜索里出现' })
  .max(12, { error: '说法最多 12 个字' })
  .regex(/^\S+$/u, { error: '说法里不能有空格：每个说法单独写一项' });

export const bestBetLinkSchema = z.object({
  /** What the reader does: 申请法律援助. */
  text: z.string().trim().min(2, { error: '链接文字至少 2 个字' }).max(20, { error: '链接文字最多 20 个字' }),
  /** An address on this site (/apply/legal-aid/) or a phone number (tel:12348). */
  href: z.string().regex(/^(\/([a-z0-9-]+\/)*|tel:\+?[0-9-]{3,20})$/, {
    error: '链接要写成本站地址（以 / 开头和结尾，例如 /apply/legal-aid/）或电话（例如 tel:12348）',
  }),
  /** Optional: one short line under the link: 免费，符合条件的可以申请. */
  hint: z.string().trim().max(40, { error: '说明最多 40 个字' }).optional(),
});

export const bestBetSchema = z.object({
  /** Short stable name in lower-case letters and hyphens, e.g. wages. Used only to tell entries apart. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id 只能用小写字母、数字和连字符，例如 wages' }),
  /** The box's heading: 被拖欠工资，可以这样办. */
  title: z.string().trim().min(4, { error: '标题至少 4 个字' }).max(24, { error: '标题最多 24 个字' }),
  /** When to show it: the query contains any of these. At least one. */
  phrases: z.array(phrase).min(1, { error: '请至少写一个说法（phrases）' }),
  /** The next steps, most useful first: 1 to 4. */
  links: z
    .array(bestBetLinkSchema)
    .min(1, { error: '请至少写一个链接（links）' })
    .max(4, { error: '链接最多 4 个：太多就不是“最佳去处”了' }),
  /** Optional note for other editors. */
  note: z.string().max(200).optional(),
});

export type BestBetEntry = z.infer<typeof bestBetSchema>;
