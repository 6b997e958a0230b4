/**
 * `content/i18n/zh-hant-exceptions.yaml`: what the 繁體中文 converter must
 * write differently from OpenCC. The site is written once, in 简体中文; the
 * build converts every page (docs/i18n.md). OpenCC is right almost always,
 * but not for every place name, law name or legal term: an entry here is
 * applied before anything else, wherever the words appear, and nothing later
 * changes it.
 *
 * Each entry:
 *   simplified   the words as the site writes them (1–30 characters, no spaces)
 *   traditional  how the 繁體 pages must write them (same length: one character
 *                for one, so nothing around them shifts)
 *   note         why, for the next editor (required: an exception nobody can
 *                explain gets deleted by mistake)
 *
 * Keep entries as short as still unambiguous: “台山” rather than “台山市司法局”,
 * so that every page that says 台山 is covered.
 */
import { z } from 'astro/zod';

const CJK = /\p{Script=Han}/u;

export const zhHantExceptionSchema = z
  .object({
    simplified: z
      .string({ error: 'simplified（简体写法）要写成文字' })
      .trim()
      .min(1, { error: 'simplified（简体写法）不能为空' })
      .max(30, { error: 'simplified（简体写法）最多 30 个字' })
      .regex(/^\S+$/u, { error: 'simplified（简体写法）里不能有空格' })
      .refine((s) => CJK.test(s), { error: 'simplified（简体写法）里至少要有一个汉字' }),
    traditional: z
      .string({ error: 'traditional（繁體写法）要写成文字' })
      .trim()
      .min(1, { error: 'traditional（繁體写法）不能为空' }),
    note: z
      .string({ error: 'note（说明）要写成文字' })
      .trim()
      .min(4, { error: 'note（说明）请写清楚为什么需要这条例外（至少 4 个字）' })
      .max(300, { error: 'note（说明）最多 300 个字' }),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ([...e.simplified].length !== [...e.traditional].length) {
      ctx.addIssue({
        code: 'custom',
        path: ['traditional'],
        message: `“${e.simplified}”和“${e.traditional}”字数不同：繁體写法应当一字对一字`,
      });
    }
  });

export const zhHantExceptionsFileSchema = z
  .array(zhHantExceptionSchema, { error: '文件应当是一个列表，每条以“- simplified:”开头' })
  .superRefine((entries, ctx) => {
    entries.forEach((e, i) => {
      if (entries.findIndex((x) => x.simplified === e.simplified) !== i) {
        ctx.addIssue({ code: 'custom', path: [i, 'simplified'], message: `“${e.simplified}”重复了，请合并成一条` });
      }
    });
  });

export type ZhHantException = z.infer<typeof zhHantExceptionSchema>;
