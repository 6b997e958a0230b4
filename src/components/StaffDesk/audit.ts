/** The audit trail on the desk, a page at a time, newest first. */
import { html, type SafeHtml } from '../../lib/html.ts';
import { beijingDateTime } from '../../lib/time.ts';
import { ACTION_LABELS, type AuditEntry } from '../../lib/staff/audit-entry.ts';
import { $, announce, hideError, messageOf, showError } from './dom.ts';
import { api } from './session.ts';

type Shown = AuditEntry & { verified: boolean };

let next: string | null = null;
let shown = 0;

function entryRow(x: Shown): SafeHtml {
  const what = x.receipts
    ? `${x.receipts.length} 份：${x.receipts.slice(0, 5).join('、')}${x.receipts.length > 5 ? '……' : ''}`
    : (x.receipt ?? '');
  const detail = x.detail
    ? Object.entries(x.detail)
        .map(([k, v]) => `${k}=${v}`)
        .join('，')
    : '';
  const check = x.verified ? '通过' : html`<strong>校验不符</strong>`;
  return html`<tr><td>${beijingDateTime(x.at)}</td><td>${x.actor ?? '（未登录）'}</td><td>${ACTION_LABELS[x.action] ?? x.action}</td><td>${what}</td><td>${detail}</td><td>${check}</td></tr>`;
}

/** The first page (a new query), or the next one (更早的记录). */
export async function loadAudit(more = false): Promise<void> {
  const data = new FormData($('[data-audit-form]') as HTMLFormElement);
  const box = $('[data-audit-error]');
  hideError(box);
  try {
    const query = {
      from: String(data.get('from') ?? ''),
      to: String(data.get('to') ?? ''),
      receipt: String(data.get('receipt') ?? '').trim(),
      ...(more && next ? { before: next } : {}),
    };
    const page = await api<{ entries: Shown[]; next: string | null }>('audit', { query });
    const body = $('[data-audit-rows]');
    const rows = String(html`${page.entries.map(entryRow)}`);
    if (more) body.insertAdjacentHTML('beforeend', rows);
    else
      body.innerHTML = page.entries.length ? rows : String(html`<tr><td colspan="6">这段时间没有操作记录。</td></tr>`);
    shown = (more ? shown : 0) + page.entries.length;
    next = page.next;
    $('[data-audit-more]').hidden = !next;
    $('[data-audit-caption]').textContent = `操作记录：已显示 ${shown} 条（最新的在前）${next ? '，还有更早的' : ''}`;
    announce(`找到 ${page.entries.length} 条操作记录。`);
  } catch (err) {
    showError(box, [messageOf(err, '读取失败')]);
  }
}
