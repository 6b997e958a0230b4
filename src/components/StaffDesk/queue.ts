/**
 * The desk's list: one page of the queue at a time (keyset pages from the
 * server), in deadline order by default, with filters, counts that filter,
 * search by receipt (server) or by name or phone (on this device, among the
 * records of the page, once a key is loaded), and the applicants' names
 * decrypted on the device. After a status change only that row changes.
 */
import { html, type SafeHtml } from '../../lib/html.ts';
import { parseReceipt } from '../../lib/requests/receipt.ts';
import type { PersonalData } from '../../lib/requests/record.ts';
import { requestType } from '../../lib/requests/registry.ts';
import { STATUSES, type Status } from '../../lib/requests/status.ts';
import { beijingDateTime } from '../../lib/time.ts';
import { deadlineWords, DUE_SOON_DAYS } from '../../lib/staff/deadline.ts';
import { categoryLabel, langLabel, townLabel } from '../../lib/staff/desk-labels.ts';
import type { RecordSummary } from '../../lib/staff/records.ts';
import { haveKeys, openPersonal } from './desk-keys.ts';
import { $, announce, hideError, messageOf, showError } from './dom.ts';
import { api, signedIn } from './session.ts';

export interface ListAnswer {
  records: RecordSummary[];
  next: string | null;
  counts: Record<Status, number>;
  total: number;
  overdue: number;
  soon: number;
  withPersonal: number;
}

const state = {
  after: [] as string[],
  receipt: '',
  local: '',
  answer: null as ListAnswer | null,
  names: new Map<string, PersonalData>(),
  /**
   * The latest list request: an answer to an earlier one is dropped. Filters
   * pressed in quick succession otherwise raced, and a slow first answer drew
   * the list of a filter no longer chosen (seen in the browser tests under load).
   */
  request: 0,
};

/** The filter form as query parameters. */
export function filters(): Record<string, string> {
  const data = new FormData($('[data-filters]') as HTMLFormElement);
  const keys = ['formType', 'status', 'due', 'town', 'from', 'to', 'sort'];
  return Object.fromEntries(keys.map((k) => [k, String(data.get(k) ?? '')]));
}

export const currentList = (): ListAnswer | null => state.answer;

export function deadlineCell(s: RecordSummary): SafeHtml {
  const w = deadlineWords(s, new Date());
  if (w.overdue) return html`<strong class="desk-overdue"><span aria-hidden="true">⚠ </span>${w.text}</strong>`;
  return w.soon ? html`<strong>${w.text}</strong>` : html`${w.text}`;
}

function nameCell(s: RecordSummary): SafeHtml | string {
  const data = state.names.get(s.receipt);
  if (data && typeof data.name === 'string') return data.name;
  if (!s.kid) return html`<span class="desk-muted">${s.purgedAt ? '已到期删除' : '已删除'}</span>`;
  return html`<span class="desk-muted">${haveKeys() ? '—' : '载入私钥后显示'}</span>`;
}

/** The kind, and 繁體 when the person filled the form in it (简体 is the usual case, left unsaid). */
function typeCell(s: RecordSummary): SafeHtml {
  const lang = s.lang === 'zh-Hant' && html` <span class="desk-lang">${langLabel(s.lang)}</span>`;
  return html`${requestType(s.formType).labels.name}${lang}`;
}

export function rowHtml(s: RecordSummary): SafeHtml {
  const w = deadlineWords(s, new Date());
  const purged = s.purgedAt ? '（个人信息已到期删除）' : '';
  const tampered = !s.verified && html`<br><strong class="desk-overdue">⚠ 校验不符</strong>`;
  return html`<tr data-row="${s.receipt}"${w.overdue && html` class="desk-row--overdue"`}><th scope="row"><button type="button" class="link-button desk-open" data-open="${s.receipt}">${s.receipt}</button>${tampered}</th><td>${nameCell(s)}</td><td>${typeCell(s)}</td><td>${townLabel(s.town)}</td><td>${categoryLabel(s.formType, s.category)}</td><td>${beijingDateTime(s.createdAt)}</td><td>${s.status}${purged}</td><td>${deadlineCell(s)}</td></tr>`;
}

/** The name or phone someone typed, matched against a decrypted record. */
function localMatch(q: string, data: PersonalData | undefined): boolean {
  if (!data) return false;
  const digits = q.replace(/\D/g, '');
  const text = [data.name, data.agentName].filter((v) => typeof v === 'string').join(' ');
  const phones = [data.phone, data.agentPhone].map((v) => String(v ?? '').replace(/\D/g, ''));
  return (!!q.trim() && text.includes(q.trim())) || (digits.length >= 4 && phones.some((p) => p.includes(digits)));
}

function renderRows(): void {
  const a = state.answer;
  if (!a) return;
  const rows = state.local ? a.records.filter((r) => localMatch(state.local, state.names.get(r.receipt))) : a.records;
  const empty = state.local ? '这一页里没有姓名或电话相符的申请。' : '没有符合条件的申请。';
  $('[data-records]').innerHTML = String(
    rows.length ? html`${rows.map(rowHtml)}` : html`<tr><td colspan="8">${empty}</td></tr>`,
  );
  const shown = state.local ? `，本页查找“${state.local}”找到 ${rows.length} 份` : '';
  const late = a.overdue ? `，其中 ${a.overdue} 份已超过决定期限` : '';
  $('[data-records-caption]').textContent = `符合条件的申请：${a.total} 份${late}${shown}`;
}

function countButton(label: string, n: number, attr: string, value: string, pressed: boolean): SafeHtml {
  return html`<li><button type="button" class="desk-count" ${attr}="${value}" aria-pressed="${pressed ? 'true' : 'false'}"><span class="desk-counts__label">${label}</span> <strong>${n}</strong></button></li>`;
}

function renderCounts(a: ListAnswer): void {
  const f = filters();
  $('[data-counts]').innerHTML = String(
    html`${countButton(
      '全部',
      Object.values(a.counts).reduce((x, y) => x + y, 0),
      'data-status-filter',
      '',
      !f.status,
    )}${STATUSES.map((s) => countButton(s, a.counts[s] ?? 0, 'data-status-filter', s, f.status === s))}`,
  );
  $('[data-due-counts]').innerHTML = String(
    html`${countButton('已超期', a.overdue, 'data-due-filter', 'overdue', f.due === 'overdue')}${countButton(`${DUE_SOON_DAYS}天内到期`, a.soon, 'data-due-filter', 'soon', f.due === 'soon')}`,
  );
}

function renderPaging(a: ListAnswer): void {
  const page = state.after.length + 1;
  $('[data-page-info]').textContent =
    `第 ${page} 页，每页最多 50 份（${a.total} 份中的第 ${(page - 1) * 50 + 1}–${(page - 1) * 50 + a.records.length} 份）`;
  $('[data-next-page]').hidden = !a.next;
  $('[data-first-page]').hidden = page === 1;
}

/** Loads a page: the first one, or the one after a cursor. */
export async function loadList(after?: string): Promise<void> {
  const box = $('[data-list-error]');
  hideError(box);
  $('[data-records-caption]').textContent = '正在读取……';
  const request = ++state.request;
  try {
    const query = { ...filters(), ...(after ? { after } : {}), ...(state.receipt ? { receipt: state.receipt } : {}) };
    const a = await api<ListAnswer>('records', { query });
    if (request !== state.request) return;
    state.answer = a;
    state.names.clear();
    renderCounts(a);
    renderRows();
    renderPaging(a);
    announce(`找到 ${a.total} 份申请，这一页 ${a.records.length} 份。`);
    if (haveKeys()) await showNames();
  } catch (err) {
    if (!signedIn() || request !== state.request) return;
    $('[data-records-caption]').textContent = '申请';
    showError(box, [messageOf(err, '读取失败')]);
  }
}

/** Decrypts the page's records on this device to show names (one audited request for the page). */
export async function showNames(): Promise<void> {
  const a = state.answer;
  const receipts = a?.records.filter((r) => r.kid).map((r) => r.receipt) ?? [];
  if (!a || receipts.length === 0) return;
  const { records } = await api<{ records: { receipt: string; personal: unknown }[] }>('sealed', {
    body: { receipts },
  });
  for (const r of records) {
    const opened = await openPersonal(r.personal, r.receipt);
    if ('data' in opened) state.names.set(r.receipt, opened.data);
  }
  renderRows();
}

export async function nextPage(): Promise<void> {
  const next = state.answer?.next;
  if (!next) return;
  state.after.push(next);
  await loadList(next);
  $('#list-title').focus();
}

export async function firstPage(): Promise<void> {
  state.after = [];
  await loadList();
  $('#list-title').focus();
}

/** Filters changed: back to the first page. */
export async function refilter(): Promise<void> {
  state.after = [];
  state.local = '';
  await loadList();
}

/** A count was pressed: it becomes the filter. */
export async function filterBy(kind: 'status' | 'due', value: string): Promise<void> {
  ($(kind === 'status' ? '#desk-f-status' : '#desk-f-due') as HTMLSelectElement).value = value;
  await refilter();
}

/** Search: a receipt among all records (server), else a name or phone among this page's (device). */
export async function search(q: string): Promise<void> {
  const box = $('[data-list-error]');
  hideError(box);
  const receipt = parseReceipt(q);
  $('[data-search-clear]').hidden = !q.trim();
  if (receipt) {
    state.receipt = receipt;
    state.local = '';
    state.after = [];
    return loadList();
  }
  if (!q.trim()) return clearSearch();
  if (!haveKeys()) {
    return showError(box, [
      { text: '按姓名或电话查找，要先在“私钥”一节载入私钥；按回执号查找不需要。', field: 'desk-keyfile' },
    ]);
  }
  state.local = q.trim();
  renderRows();
  announce($('[data-records-caption]').textContent ?? '');
}

export async function clearSearch(): Promise<void> {
  ($('#desk-q') as HTMLInputElement).value = '';
  $('[data-search-clear]').hidden = true;
  const hadReceipt = !!state.receipt;
  state.receipt = '';
  state.local = '';
  if (hadReceipt) await loadList();
  else renderRows();
}

/** After a status change: this row, and the counts, change; the rest of the list stays as it is. */
export function replaceRow(s: RecordSummary, before: Status): void {
  const a = state.answer;
  if (!a) return;
  const i = a.records.findIndex((r) => r.receipt === s.receipt);
  if (i < 0) return;
  a.records[i] = s;
  if (before !== s.status) {
    a.counts[before] = Math.max(0, (a.counts[before] ?? 0) - 1);
    a.counts[s.status] = (a.counts[s.status] ?? 0) + 1;
  }
  const row = document.querySelector(`[data-row="${CSS.escape(s.receipt)}"]`);
  if (row) row.outerHTML = String(rowHtml(s));
  renderCounts(a);
}

export function clearList(): void {
  state.answer = null;
  state.after = [];
  state.receipt = '';
  state.local = '';
  state.names.clear();
  $('[data-records]').innerHTML = '';
}
