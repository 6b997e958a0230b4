/**
 * The desk's list of a village legal adviser's service day: the bookings of
 * one published day (GET /api/staff/service-days/<day>), one table per time
 * slot, the 称呼 and phone decrypted on this device once a key is loaded
 * (the list's HTML: src/lib/consult/day-list.ts), and 打印名单, which prints this list alone (staff-desk.css, @media print)
 * for the adviser to take along. The server sends the personal half sealed.
 */
import { renderDayList, type ListedBooking } from '../../lib/consult/day-list.ts';
import { dayLabel, SCHEDULE, type ServiceDayEntry } from '../../lib/consult/service-days.ts';
import type { DayBooking } from '../../lib/staff/store.ts';
import { haveKeys, openPersonal } from './desk-keys.ts';
import { $, announce, hideError, messageOf, showError } from './dom.ts';
import { api } from './session.ts';

export class DayList {
  private readonly root: HTMLElement;
  private readonly out: HTMLElement;
  private readonly error: HTMLElement;
  private shown: { day: ServiceDayEntry; bookings: DayBooking[] } | null = null;

  constructor(root: HTMLElement) {
    this.root = root;
    this.out = $('[data-days-list]', root);
    this.error = $('[data-days-error]', root);
    $('[data-days-form]', root).addEventListener('submit', (e) => (e.preventDefault(), void this.load()));
    $('[data-days-print]', root).addEventListener('click', () => this.print());
    window.addEventListener('afterprint', () => delete document.documentElement.dataset.print);
  }

  async load(): Promise<void> {
    const id = ($('#desk-day', this.root) as HTMLSelectElement).value;
    const day = SCHEDULE.find((d) => d.id === id);
    if (!day) return;
    hideError(this.error);
    try {
      const answer = await api<{ bookings: DayBooking[] }>(`service-days/${encodeURIComponent(id)}`);
      this.shown = { day, bookings: answer.bookings };
      await this.render();
      announce(`${dayLabel(day.date)}：已约 ${answer.bookings.length} 人`);
    } catch (err) {
      showError(this.error, [messageOf(err, '名单没有打开，请稍后再试。')]);
    }
  }

  /** Draws the shown day again (after keys are loaded, the names appear). */
  async render(): Promise<void> {
    if (!this.shown) return;
    const { day, bookings } = this.shown;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const listed: ListedBooking[] = await Promise.all(
      bookings.map(async (b) => {
        const r = haveKeys() ? await openPersonal(b.personal, b.receipt) : null;
        const person = r && 'data' in r ? { caller: text(r.data.caller), phone: text(r.data.phone) } : {};
        return { receipt: b.receipt, slot: b.slot, status: b.status, ...person };
      }),
    );
    this.out.innerHTML = String(renderDayList(day, listed, haveKeys() ? '无法解密' : '载入私钥后显示'));
    $('[data-days-print]', this.root).hidden = false;
  }

  /** Signing out: the list (decrypted names and phones, sealed halves) leaves the page and the memory. */
  clear(): void {
    this.shown = null;
    this.out.replaceChildren();
    $('[data-days-print]', this.root).hidden = true;
    hideError(this.error);
  }

  private print(): void {
    document.documentElement.dataset.print = 'service-day';
    window.print();
  }
}
