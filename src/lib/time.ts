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

/**
 * Time zones of overseas Taishanese, for “when to call you back” (labels in
 * Chinese as readers choose them; 北京时间 first). IANA names, so the
 * conversion follows each zone's summer time through Intl.
 */
export const CALLBACK_ZONES = [
  { zone: 'Asia/Shanghai', label: '北京时间' },
  { zone: 'America/Los_Angeles', label: '美国西部（洛杉矶、旧金山）' },
  { zone: 'America/New_York', label: '美国东部（纽约）' },
  { zone: 'America/Toronto', label: '加拿大东部（多伦多）' },
  { zone: 'America/Vancouver', label: '加拿大西部（温哥华）' },
  { zone: 'Asia/Hong_Kong', label: '香港' },
  { zone: 'Asia/Macau', label: '澳门' },
  { zone: 'Asia/Singapore', label: '新加坡' },
  { zone: 'Europe/London', label: '英国（伦敦）' },
  { zone: 'Australia/Sydney', label: '澳大利亚东部（悉尼）' },
] as const;

export type CallbackZone = (typeof CALLBACK_ZONES)[number]['zone'];

/** Offset of `zone` from UTC at `at`, in minutes (Los Angeles in July: −420). */
export function zoneOffsetMinutes(zone: string, at: Instant): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(at));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - Math.floor(new Date(at).getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * A wall-clock time the caller gave in their zone (“2026-12-10T18:30” in
 * America/Los_Angeles) as the instant it names, read back in Beijing time for
 * staff: “2026-12-11 10:30”. Undefined for a time that is not a real date.
 */
export function callbackInBeijing(local: string, zone: string): { at: Date; beijing: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  // The zone's offset at the guessed instant, then again at the corrected one (summer-time edges).
  let at = guess - zoneOffsetMinutes(zone, guess) * 60_000;
  at = guess - zoneOffsetMinutes(zone, at) * 60_000;
  return { at: new Date(at), beijing: beijingDateTime(at) };
}

/** The calendar date on the clock of `zone` at `at`: "2026-12-10" (the day a caller abroad is living). */
export function zoneDate(zone: string, at: Instant): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(at));
  const n = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${n('year')}-${n('month')}-${n('day')}`;
}
