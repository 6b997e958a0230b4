/**
 * The desk's list of a village legal adviser's service day: the bookings of
 * one published day (GET /api/staff/service-days/<day>), one table per time
 * slot, the 称呼 and phone decrypted on this device once a key is loaded,
 * and 打印名单, which prints this list alone (staff-desk.css, @media print)
 * for the adviser to take along. The server sends the personal half sealed.
 */
import { dayLabel, dayPlace, SCHEDULE, slotId, type ServiceDayEntry } from '../../lib/consult/service-days.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import type { PersonalData } from '../../lib/requests/record.ts';
import type { DayBooking } from '../../lib/staff/store.ts';
import { haveKeys, openPersonal } from './desk-keys.ts';
import { $, announce, hideError, messageOf, showError } from './dom.ts';
import { api } from './session.ts';

type Opened = DayBooking & { data?: PersonalData };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function cell(b: Opened, field: 'caller' | 'phone'): SafeHtml | string {
  if (b.data) return text(b.data[field]) || html`<span class="desk-muted">（没有留）</span>`;
  return html`<span class="desk-muted">${haveKeys() ? '无法解密' : '载入私钥后显示'}</span>`;
}

function slotTable(day: ServiceDayEntry, i: number, bookings: Opened[]): SafeHtml {
  const slot = day.slots[i]!;
  const mine = bookings.filter((b) => b.slot === slotId(day, slot));
  const id = `day-slot-${i}`;
  const rows = mine.length
    ? mine.map(
        (b) =>
          html`<tr><th scope="row">${b.receipt}</th><td>${cell(b, 'caller')}</td><td>${cell(b, 'phone')}</td><td>${b.status}</td></tr>`,
      )
    : html`<tr><td colspan="4">这个时段还没有人预约。</td></tr>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table class="desk-table"><caption id="${id}">${slot.start}–${slot.end}：已约 ${mine.length} 人（名额 ${slot.capacity} 人）</caption><thead><tr><th scope="col">回执号</th><th scope="col">称呼</th><th scope="col">电话</th><th scope="col">状态</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

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
    const opened: Opened[] = await Promise.all(
      bookings.map(async (b) => {
        const r = haveKeys() ? await openPersonal(b.personal, b.receipt) : null;
        return r && 'data' in r ? { ...b, data: r.data } : b;
      }),
    );
    this.out.innerHTML = String(
      html`<h3 id="day-list-title" tabindex="-1">${dayLabel(day.date)} ${dayPlace(day)}</h3><p>地点：${day.venue}。共约 ${bookings.length} 人（已撤回的不列出）。</p>${day.slots.map((_, i) => slotTable(day, i, opened))}`,
    );
    $('[data-days-print]', this.root).hidden = false;
  }

  private print(): void {
    document.documentElement.dataset.print = 'service-day';
    window.print();
  }
}
