/**
 * `legalAidStandard` (content/data/legal-aid-standard.yaml): the figure the
 * legal-aid hardship standard is measured against. 《广东省申请法律援助经济困难
 * 公民认定办法》(粤府令第268号) compares a household's monthly disposable income
 * per person with the city's previous-year urban residents' per-capita
 * disposable income, per month (half of it, or all of it after heavy costs).
 * For 台山 the city is 江门市. The eligibility check (/apply/legal-aid/check/)
 * shows the newest figure, its monthly amount and half of it, with the source.
 *
 * One entry per year, keyed by the year the figure is for (the year before it
 * applies): `figures: { 2025: { … } }`. Editors add a year when the statistics
 * bureau publishes it (usually in March or April, in the city's 统计公报) and
 * keep the old ones. Only a published, official figure goes here; with none,
 * the page says the amount has not been confirmed and how to ask.
 */
import { z } from 'astro/zod';

export const incomeFigureSchema = z.object({
  /** 城镇常住居民人均可支配收入 for the year, in yuan, as published (whole yuan; 56,789 is written 56789). */
  annual: z
    .number({ error: '年收入（annual）要写成数字，单位元，例如 56789' })
    .int({ error: '年收入（annual）写整数元，例如 56789' })
    .min(10_000, { error: '年收入（annual）是全年的数字（元），不是月收入：请检查' })
    .max(1_000_000, { error: '年收入（annual）太大了，请检查单位是不是元' }),
  /** The document that publishes it, without 《》: 2025年江门市国民经济和社会发展统计公报. */
  source: z.string({ error: '请写出处（source）：发布这个数字的文件名称' }).trim().min(6).max(80),
  /** Who published it: 江门市统计局、国家统计局江门调查队. */
  publisher: z.string({ error: '请写发布机构（publisher），例如 江门市统计局' }).trim().min(4).max(60),
  /** The day it was published, YYYY-MM-DD. */
  published: z.coerce
    .date({ error: '发布日期（published）要写成 2026-03-31 这样的日期' })
    .refine((d) => d.getTime() <= Date.now(), { error: '发布日期（published）不能晚于今天' }),
  /** The official page, only once opened and checked: never a copy on another site. */
  url: z.url({ error: '网址（url）要写完整，以 https:// 开头' }).optional(),
});

export type IncomeFigureData = z.output<typeof incomeFigureSchema>;
