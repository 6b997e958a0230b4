/**
 * `serviceDays` (content/consult/service-days.json): the village legal
 * adviser's service days (村居法律顾问服务日) — the plan: “律师每月至少到村居、
 * 社区服务一天，开展法律咨询”. One entry per day in one village or community,
 * with its time slots and how many people each slot can see. JSON, not YAML,
 * so the functions can import the same schedule they check bookings against
 * (like towns.json).
 *
 * Only what the bureau has published: every entry names its `source` (the
 * notice it comes from). No published schedule, no entries: the file is an
 * empty list `[]` and /consult/ says so and gives the 司法所 route and the
 * bureau's contact. Never a guessed date, place or adviser.
 *
 * An entry:
 *   {
 *     "id": "2027-01-15-sijiu-example",      lower-case letters, digits, hyphens; unique; starts with the date
 *     "town": "sijiu",                        a towns.json id
 *     "community": "（村或社区的名称）",        as the notice writes it
 *     "venue": "（接待地点）",                  as the notice writes it
 *     "date": "2027-01-15",                   the day, Beijing time
 *     "slots": [{ "start": "09:00", "end": "10:00", "capacity": 4 }],
 *     "source": { "title": "（通知的标题）", "published": "2027-01-05", "url": "https://…" }
 *   }
 */
import { z } from 'astro/zod';
import { TOWN_IDS } from '../lib/towns.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间要写成 09:00 这样的 24 小时制' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期要写成 2027-01-15 这样' });

export const slotSchema = z
  .strictObject({
    start: time,
    end: time,
    /** How many people the adviser can see in this slot. */
    capacity: z.number({ error: '名额（capacity）要写成数字' }).int().min(1).max(50),
  })
  .refine((s) => s.start < s.end, { error: '时段的结束时间要晚于开始时间' });

export const serviceDaySchema = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/, { error: '编号（id）以日期开头，只用小写字母、数字和连字符' }),
  town: z.enum(TOWN_IDS, { error: '镇街（town）必须是 content/directory/towns.json 里的编号' }),
  community: z.string({ error: '请写出村（社区）的名称' }).min(2).max(30),
  venue: z.string({ error: '请写出接待地点' }).min(2).max(60),
  date,
  slots: z.array(slotSchema, { error: '时段（slots）要写成列表' }).min(1, { error: '至少要有一个时段' }),
  /** The bureau's published notice this day comes from. */
  source: z.strictObject({
    title: z.string({ error: '请写出通知的标题（source.title）' }).min(4).max(80),
    published: date,
    url: z.url({ error: '通知的网址（source.url）要以 https:// 开头' }).optional(),
  }),
});

export type ServiceDay = z.infer<typeof serviceDaySchema>;
