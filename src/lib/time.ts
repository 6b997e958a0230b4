/**
 * Beijing time, the only clock residents and staff read: receipt dates,
 * deadlines, “提交时间”, statistics months, audit days. China has had no
 * daylight saving since 1991, so Beijing time is UTC+8 all year and a fixed
 * offset is exact (no time-zone database needed in the browser or functions).
 *
 * Every function takes an instant (Date, ISO string or epoch milliseconds).
 */

export const BEIJING_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

type Instant = Date | string | number;

/** The instant shifted so that its UTC fields read as Beijing wall-clock time. */
function wall(at: Instant): Date {
  return new Date(new Date(at).getTime() + BEIJING_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01 in Beijing time: calendar arithmetic without time of day. */
export function beijingDay(at: Instant): number {
  return Math.floor((new Date(at).getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The calendar date of a day number (beijingDay): "2026-12-04". */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-11-27" */
export function beijingDate(at: Instant): string {
  return wall(at).toISOString().slice(0, 10);
}

/** "20261127", as in receipt numbers. */
export function beijingCompactDate(at: Instant): string {
  return beijingDate(at).replace(/-/g, '');
}

/** "2026-11-27 14:03" */
export function beijingDateTime(at: Instant): string {
  return wall(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** "14:03" */
export function beijingTime(at: Instant): string {
  const d = wall(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** { year: 2026, month: 11 } (month 1–12). */
export function beijingYearMonth(at: Instant): { year: number; month: number } {
  const d = wall(at);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** "2026年11月27日 14:03", for residents; "" for an invalid instant. */
export function beijingReadable(at: Instant): string {
  const d = wall(at);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A calendar date as YYYY-MM-DD: dates from frontmatter and YAML are midnight UTC, so no offset applies. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A calendar date for readers: 2026-11-27 → 2026年11月27日. */
export function chineseDate(d: Date): string {
  const [y, m, day] = isoDate(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** "12月4日" from "2026-12-04". */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** The instant a Beijing calendar date starts: "2026-11-27" → 2026-11-26T16:00:00Z. */
export function beijingMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
