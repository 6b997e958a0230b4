/**
 * The village legal adviser's service days (content/consult/service-days.json,
 * schema and rules in src/schemas/service-days.ts): which days are coming,
 * and whether a booking for a slot can be taken — the slot must be in the
 * published schedule, not in the past, and not full. Pure: the schedule and
 * the number already booked are passed in (the page and the tests pass
 * theirs); no zod, so pages and functions can both use it.
 */
import schedule from '../../../content/consult/service-days.json' with { type: 'json' };
import type { Option } from '../forms/definitions.ts';
import { BUREAU } from '../site.ts';
import { townById } from '../towns.ts';

export interface Slot {
  start: string;
  end: string;
  capacity: number;
}

export interface ServiceDayEntry {
  id: string;
  town: string;
  community: string;
  venue: string;
  date: string;
  slots: Slot[];
  source: { title: string; published: string; url?: string };
}

/** The published schedule (checked against its schema by npm run check:content and the build). */
export const SCHEDULE: readonly ServiceDayEntry[] = schedule as ServiceDayEntry[];

/** A slot's id: the day's id and the start time, 2027-01-15-sijiu-example@09:00. */
export const slotId = (day: ServiceDayEntry, slot: Slot): string => `${day.id}@${slot.start}`;

/** Days on or after `today` (YYYY-MM-DD, Beijing), in one town if given, soonest first. */
export function upcoming(days: readonly ServiceDayEntry[], today: string, town?: string): ServiceDayEntry[] {
  return days
    .filter((d) => d.date >= today && (!town || d.town === town))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** The day a slot id belongs to: 2027-01-15-sijiu-example@09:00 → 2027-01-15-sijiu-example. */
export const slotDay = (id: string): string => id.slice(0, Math.max(0, id.indexOf('@')));

/** The longest slot id a form may send (an id of 60 characters, @, a time). */
export const SLOT_ID_MAX = 80;

const WEEKDAYS = '日一二三四五六';

/** 2027-01-15 → 1月15日（星期五）. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日（星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}

/** Where a day is: 四九镇 某某社区. */
export const dayPlace = (day: ServiceDayEntry): string => `${townById(day.town)?.name ?? ''} ${day.community}`.trim();

/**
 * The slots of these days as a form's radio options, soonest first: what the
 * resident reads is the day, the time and the place; the hint names the venue
 * and how many people the slot can see (how many places are left is only
 * known when the booking is stored).
 */
export function slotOptions(days: readonly ServiceDayEntry[]): Option[] {
  return days.flatMap((day) =>
    day.slots.map((slot) => ({
      value: slotId(day, slot),
      label: `${dayLabel(day.date)} ${slot.start}–${slot.end}，${dayPlace(day)}`,
      hint: `地点：${day.venue}。这个时段最多约${slot.capacity}人。`,
    })),
  );
}

/** What a stored booking holds: the slot, its day (the desk's list is by day) and the slot's capacity. */
export interface Seat {
  slot: string;
  day: string;
  capacity: number;
  /** What the resident reads when the slot is full by the time the booking is stored. */
  fullMessage: string;
}

/** The seat a slot id asks for, if the schedule has the slot. */
export function seatFor(days: readonly ServiceDayEntry[], id: string): Seat | undefined {
  const found = findSlot(days, id);
  if (!found) return undefined;
  const { day, slot } = found;
  return { slot: id, day: day.id, capacity: slot.capacity, fullMessage: fullMessage(day, slot) };
}

/** The words for a slot with no place left. */
export function fullMessage(day: ServiceDayEntry, slot: Slot): string {
  return `${day.date} ${slot.start}–${slot.end} 的${slot.capacity}个名额已经约满了。请选择其他时段，或者打电话 ${BUREAU.phone} 问问。`;
}

export function findSlot(
  days: readonly ServiceDayEntry[],
  id: string,
): { day: ServiceDayEntry; slot: Slot } | undefined {
  for (const day of days) for (const slot of day.slots) if (slotId(day, slot) === id) return { day, slot };
  return undefined;
}

export type BookingCheck =
  | { ok: true; day: ServiceDayEntry; slot: Slot; left: number }
  | { ok: false; code: 'unknown' | 'past' | 'full'; message: string };

/** Can one more person book slot `id` on `today`, with `booked` bookings already taken? */
export function checkBooking(
  days: readonly ServiceDayEntry[],
  id: string,
  today: string,
  booked: number,
): BookingCheck {
  const found = findSlot(days, id);
  if (!found) return { ok: false, code: 'unknown', message: '这个时段不在已公布的服务日安排里，请从列表中重新选择。' };
  const { day, slot } = found;
  if (day.date < today) return { ok: false, code: 'past', message: '这个服务日已经过去了，请选择以后的日期。' };
  if (booked >= slot.capacity) return { ok: false, code: 'full', message: fullMessage(day, slot) };
  return { ok: true, day, slot, left: slot.capacity - booked - 1 };
}
