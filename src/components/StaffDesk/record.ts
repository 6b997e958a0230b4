/**
 * One application on the desk: its facts, the personal data decrypted on this
 * device, its history, and the status change. Irreversible, public steps ask
 * first, in the page (no pop-up, 适老化): 不予受理 and 已办结 show what the
 * applicant will read on the status page and need “确认更改”.
 */
import { html, lines, type SafeHtml } from '../../lib/html.ts';
import { requestType } from '../../lib/requests/registry.ts';
import { STATUS_EXPLAINED, type Status } from '../../lib/requests/status.ts';
import { beijingDateTime } from '../../lib/time.ts';
import { categoryLabel, langLabel, townLabel } from '../../lib/staff/desk-labels.ts';
import type { PersonalData } from '../../lib/requests/record.ts';
import type { RecordDetail, RecordSummary } from '../../lib/staff/records.ts';
import { cannotChange, checkStatusChange, type StatusChangeError } from '../../lib/staff/status-change.ts';
import { openPersonal } from './desk-keys.ts';
import { $, announce, hideError, messageOf, reveal, showError } from './dom.ts';
import { deadlineCell, replaceRow } from './queue.ts';
import { api, ApiError } from './session.ts';

/** Statuses the applicant sees as a final answer: staff confirm them first. */
const CONFIRM: readonly Status[] = ['不予受理', '已办结'];

let current: RecordDetail | null = null;
let pending: { status: Status; note: string; materials: string[]; shown: string } | null = null;

export const openRecord = (): RecordDetail | null => current;

/** The open record's personal half once decrypted (a panel under it may need it: the 法律咨询 answer is sealed to the asker's phone). */
let personal: PersonalData | null = null;
const shownListeners: ((r: RecordDetail, personal: PersonalData | null) => void)[] = [];

/** Called after a record is drawn, with its decrypted personal half when the keys opened it. */
export function whenRecordShown(listener: (r: RecordDetail, personal: PersonalData | null) => void): void {
  shownListeners.push(listener);
}

const factRow = (dt: string, dd: SafeHtml | string | number) =>
  html`<div class="summary-list__row"><dt>${dt}</dt><dd class="summary-list__value">${dd}</dd></div>`;

async function personalHtml(r: RecordDetail): Promise<SafeHtml> {
  if (r.personal === null) {
    const why = r.purgedAt ? '这份申请的个人信息已经按保存期限删除。' : '申请人撤回了申请，个人信息已经删除。';
    return html`<p class="notice">${why}</p>`;
  }
  const opened = await openPersonal(r.personal, r.receipt);
  if ('data' in opened) {
    personal = opened.data;
    // The forms' questions come with the first record opened (desk-format.ts says why).
    const { personalRows } = await import('../../lib/staff/desk-format.ts');
    const rows = personalRows(r.formType, opened.data, r.createdAt).map((x) => factRow(x.label, lines(x.value)));
    return html`<h3>申请人填写的内容</h3><dl class="summary-list desk-personal">${rows}</dl>`;
  }
  const why = opened.missingKey
    ? html`这份申请用密钥 <code>${opened.kid}</code> 加密，请在“私钥”一节载入这个编号的私钥文件。`
    : '用已载入的私钥打不开这份申请：私钥不对，或者记录被改动过。请联系网站管理员。';
  return html`<div class="notice notice--warning"><p class="notice__title">个人信息无法显示</p><p>${why}</p></div>`;
}

function factsHtml(r: RecordDetail): SafeHtml {
  const tampered =
    !r.verified &&
    html`<div class="notice notice--warning"><p class="notice__title">⚠ 校验不符</p><p>这份申请的办理信息在服务器上被改动过（不是通过工作台或申请人改的）。请先不要办理，报告网站管理员。</p></div>`;
  const facts = [
    factRow('申请类型', requestType(r.formType).labels.name),
    factRow('镇（街）', townLabel(r.town)),
    factRow('类别', categoryLabel(r.formType, r.category)),
    factRow('填写用字', `${langLabel(r.lang)}${r.lang === 'zh-Hant' ? '（回复时可用繁體）' : ''}`),
    factRow('提交时间', beijingDateTime(r.createdAt)),
    factRow('当前状态', html`<strong>${r.status}</strong>`),
    requestType(r.formType).decision && factRow('决定期限', deadlineCell(r)),
    !!r.corrections && factRow('申请人更正', `${r.corrections} 次`),
  ];
  return html`${tampered}<dl class="summary-list">${facts}</dl>`;
}

function historyHtml(r: RecordDetail): SafeHtml {
  const by = { staff: '工作人员', applicant: '申请人', system: '系统' } as const;
  const items = [...r.history]
    .reverse()
    .map(
      (h) =>
        html`<li><strong>${h.status}</strong><span class="timeline__time">${beijingDateTime(h.at)}（${by[h.by]}）</span>${!!h.note && html`<p class="timeline__note">${lines(h.note)}</p>`}</li>`,
    );
  return html`<h3>办理记录</h3><ol class="timeline">${items}</ol>`;
}

export async function showRecord(r: RecordDetail): Promise<void> {
  current = r;
  personal = null;
  $('[data-record-title]').textContent = `申请详情：${r.receipt}`;
  $('[data-record-body]').innerHTML = String(html`${factsHtml(r)}${await personalHtml(r)}${historyHtml(r)}`);
  prepareStatusForm(r);
  for (const listener of shownListeners) listener(r, personal);
}

export async function openReceipt(receipt: string): Promise<void> {
  try {
    const { record } = await api<{ record: RecordDetail }>(`records/${encodeURIComponent(receipt)}`);
    await showRecord(record);
    $('[data-status-done]').hidden = true;
    $('[data-record]').hidden = false;
    $('[data-record-title]').focus();
  } catch (err) {
    showError($('[data-list-error]'), [messageOf(err, '打开失败')]);
  }
}

export function closeRecord(): void {
  current = null;
  pending = null;
  $('[data-record]').hidden = true;
  $('[data-record-body]').innerHTML = '';
}

function prepareStatusForm(r: RecordDetail): void {
  const form = $('[data-status-form]') as HTMLFormElement;
  const blocked = cannotChange({ status: { current: r.status, history: r.history }, purgedAt: r.purgedAt });
  form.hidden = !!blocked;
  const note = $('[data-status-blocked]');
  note.textContent = blocked ?? '';
  note.hidden = !blocked;
  form.reset();
  hideError($('[data-status-errors]'));
  $('[data-status-confirm]').hidden = true;
  pending = null;
  for (const el of form.querySelectorAll<HTMLElement>('[data-field-error]')) el.hidden = true;
  $('[data-materials-common]').innerHTML = String(
    html`${requestType(r.formType).commonMaterials.map(
      (m, i) =>
        html`<div class="choice"><input id="desk-m-${i}" type="checkbox" name="material" value="${m}"><label for="desk-m-${i}">${m}</label></div>`,
    )}`,
  );
  syncMaterials();
}

export function syncMaterials(): void {
  const form = $('[data-status-form]') as HTMLFormElement;
  const value = (form.elements.namedItem('status') as RadioNodeList).value;
  $('[data-materials]').hidden = value !== '需补充材料';
}

function fieldErrors(errors: { field: string; message: string }[]): void {
  const form = $('[data-status-form]');
  for (const el of form.querySelectorAll<HTMLElement>('[data-field-error]')) {
    const msg = errors.find((x) => x.field === el.dataset.fieldError)?.message;
    el.hidden = !msg;
    el.querySelector('[data-error-text]')!.textContent = msg ?? '';
  }
  const target: Record<string, string> = { status: 'desk-s-0', materials: 'desk-other-materials', note: 'desk-note' };
  showError(
    $('[data-status-errors]'),
    errors.map((x) => ({ text: x.message, field: target[x.field] ?? 'desk-note' })),
  );
}

function readStatusForm(): { status: string; note: string; materials: string[] } {
  const data = new FormData($('[data-status-form]') as HTMLFormElement);
  const status = String(data.get('status') ?? '');
  const materials =
    status === '需补充材料'
      ? [...data.getAll('material').map(String), ...String(data.get('otherMaterials') ?? '').split('\n')]
          .map((m) => m.trim())
          .filter(Boolean)
      : [];
  return { status, note: String(data.get('note') ?? ''), materials };
}

/** What the applicant will read on the status page, as the status page shows it. */
function previewHtml(status: Status, shown: string): SafeHtml {
  return html`<dl class="summary-list">${factRow('目前状态', html`<strong>${status}</strong><br>${STATUS_EXPLAINED[status]}`)}${factRow('说明', shown ? lines(shown) : '（没有说明）')}</dl>`;
}

/** 保存状态: checked here first (the server checks again); final answers ask for confirmation. */
export async function saveStatus(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  if (!current) return;
  const input = readStatusForm();
  const checked = checkStatusChange(input, requestType(current.formType).staffStatuses);
  if (!checked.ok) return fieldErrors(checked.errors);
  hideError($('[data-status-errors]'));
  pending = { status: checked.status, note: input.note, materials: input.materials, shown: checked.note };
  if (!CONFIRM.includes(checked.status)) return sendStatus();
  $('[data-status-preview]').innerHTML = String(previewHtml(checked.status, checked.note));
  reveal($('[data-status-confirm]'));
}

export function cancelConfirm(): void {
  pending = null;
  $('[data-status-confirm]').hidden = true;
  ($('[data-status-form] button[type="submit"]') as HTMLButtonElement).focus();
}

export async function sendStatus(): Promise<void> {
  if (!current || !pending) return;
  const before = current.status;
  const { status, note, materials } = pending;
  $('[data-status-confirm]').hidden = true;
  try {
    const { record } = await api<{ record: RecordDetail }>(`records/${encodeURIComponent(current.receipt)}/status`, {
      body: { status, note, materials, expected: before },
    });
    await showRecord(record);
    replaceRow(record as RecordSummary, before);
    const done = $('[data-status-done]');
    done.textContent = `已把 ${record.receipt} 的状态改为“${record.status}”。申请人在查询页面可以看到。`;
    reveal(done);
    announce(done.textContent);
  } catch (err) {
    pending = null;
    if (err instanceof ApiError && Array.isArray(err.body.errors))
      return fieldErrors(err.body.errors as StatusChangeError[]);
    showError($('[data-status-errors]'), [messageOf(err, '保存失败')]);
  }
}
