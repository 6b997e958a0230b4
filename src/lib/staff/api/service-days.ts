/**
 * The staff API's list of a village legal adviser's service day (registered in routes.ts):
 *
 *   GET /api/staff/service-days/<day id>   {day, bookings: [{receipt, slot, status, town, personal (sealed)}]}
 *
 * The bookings of one published day (content/consult/service-days.json), in
 * the staff member's towns, not withdrawn, by slot: the desk decrypts the
 * 称呼 and phone on the device and prints the list for the adviser. The
 * server sends no personal data in plaintext. One audit entry names every
 * receipt handed out, written before they are.
 */
import { HttpError } from '../../http/errors.ts';
import type { StaffCall } from './context.ts';

/** A day id as the schedule's schema allows it (src/schemas/service-days.ts). */
export const DAY_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9-]{1,60}$/;

export async function serviceDayList(call: StaffCall, day: string): Promise<Response> {
  if (!DAY_ID.test(day)) throw new HttpError(400, 'bad-filter', '服务日的编号不对，请从列表中选择');
  const bookings = await call.deadline.run('service day', (s) => call.deps.store.serviceDayBookings(day, call.me, s));
  await call.audit({
    actor: call.me.name,
    action: 'read',
    receipts: bookings.map((b) => b.receipt),
    detail: { count: bookings.length, purpose: 'service-day', day },
  });
  call.log(200, 'staff-service-day', undefined, String(bookings.length));
  return call.ok({ day, bookings });
}
