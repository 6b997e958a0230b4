/**
 * The village legal adviser's service days (content/consult/service-days.json,
 * schema and rules in src/schemas/service-days.ts): which days are coming,
 * and whether a booking for a slot can be taken — the slot must be in the
 * published schedule, not in the past, and not full. Pure: the schedule and
 * the number already booked are passed in (the page and the tests pass
 * theirs); no zod, so pages and functions can both use it.
 */
import schedule from '../../../content/consult/service-days.json' with { type: 'json' };
import { BUREAU } from '../site.ts';

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
  if (booked >= slot.capacity) {
    return {
      ok: false,
      code: 'full',
      message: `${day.date} ${slot.start}–${slot.end} 的${slot.capacity}个名额已经约满了。请选择其他时段，或者打电话 ${BUREAU.phone} 问问。`,
    };
  }
  return { ok: true, day, slot, left: slot.capacity - booked - 1 };
}
