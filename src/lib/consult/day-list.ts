/**
 * The adviser's list of one village legal adviser's service day, as the staff
 * desk shows and prints it (src/components/StaffDesk/service-days.ts): the
 * day's heading, then one table per time slot with the count against the
 * capacity, and the bookings of a slot the schedule no longer has (its time
 * was changed after people booked) in a table of their own, never left off.
 * Pure: the desk passes the bookings it decrypted on the device.
 */
import { html, type SafeHtml } from '../html.ts';
import { dayLabel, dayPlace, slotId, type ServiceDayEntry } from './service-days.ts';

export interface ListedBooking {
  receipt: string;
  /** The slot id. */
  slot: string;
  status: string;
  /** Decrypted on the device; undefined while no key opens it. */
  caller?: string;
  phone?: string;
}

function table(id: string, caption: string, rows: ListedBooking[], unopened: string): SafeHtml {
  const muted = (s: string) => html`<span class="desk-muted">${s}</span>`;
  const person = (b: ListedBooking, v: string | undefined) =>
    b.phone === undefined ? muted(unopened) : v || muted('（没有留）');
  const body = rows.length
    ? rows.map(
        (b) =>
          html`<tr><th scope="row">${b.receipt}</th><td>${person(b, b.caller)}</td><td>${person(b, b.phone)}</td><td>${b.status}</td></tr>`,
      )
    : html`<tr><td colspan="4">这个时段还没有人预约。</td></tr>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table class="desk-table"><caption id="${id}">${caption}</caption><thead><tr><th scope="col">回执号</th><th scope="col">称呼</th><th scope="col">电话</th><th scope="col">状态</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * The whole list. `unopened` is what a person's cells say while the sealed
 * half is not open (载入私钥后显示, 无法解密).
 */
export function renderDayList(day: ServiceDayEntry, bookings: ListedBooking[], unopened: string): SafeHtml {
  const slots = day.slots.map((slot, i) => {
    const mine = bookings.filter((b) => b.slot === slotId(day, slot));
    const caption = `${slot.start}–${slot.end}：已约 ${mine.length} 人（名额 ${slot.capacity} 人）`;
    return table(`day-slot-${i}`, caption, mine, unopened);
  });
  const ids = new Set(day.slots.map((s) => slotId(day, s)));
  const stray = bookings.filter((b) => !ids.has(b.slot));
  const times = [...new Set(stray.map((b) => b.slot.split('@')[1]))].join('、');
  const strayCaption = `时段已改动的预约：${stray.length} 人（约的是 ${times}），请打电话确认`;
  return html`<h3 id="day-list-title" tabindex="-1">${dayLabel(day.date)} ${dayPlace(day)}</h3><p>地点：${day.venue}。共约 ${bookings.length} 人（已撤回的不列出）。</p>${slots}${stray.length > 0 && table('day-slot-stray', strayCaption, stray, unopened)}`;
}
