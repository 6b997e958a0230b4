/**
 * Export to CSV, made on this device. First the desk says what the file will
 * hold — how many applications, and how many people's personal data — and
 * offers a file without personal data (办理信息 only); nothing is fetched
 * until staff choose. Pages come from the server under 4 MB each and are
 * decrypted here; every page is in the audit trail.
 */
import type { ExportItem } from '../../lib/staff/desk-format.ts';
import type { RecordDetail } from '../../lib/staff/records.ts';
import { openPersonal } from './desk-keys.ts';
import { $, announce, hideError, messageOf, reveal, showError } from './dom.ts';
import { currentList, filters } from './queue.ts';
import { api } from './session.ts';

/** 导出: say what the file will hold, and ask which kind. */
export function prepareExport(): void {
  const a = currentList();
  if (!a) return;
  const summary = a.withPersonal
    ? `这次导出 ${a.total} 份申请，其中 ${a.withPersonal} 份含有申请人的个人信息（${a.withPersonal} 个人）。`
    : `这次导出 ${a.total} 份申请，都不含个人信息（已撤回或已到期删除）。`;
  $('[data-export-summary]').textContent = summary;
  $('[data-export-personal]').hidden = a.withPersonal === 0;
  reveal($('[data-export-confirm]'));
}

export function cancelExport(): void {
  $('[data-export-confirm]').hidden = true;
  $('[data-export]').focus();
}

async function item(r: RecordDetail): Promise<ExportItem> {
  if (r.personal === null)
    return { summary: r, data: null, problem: r.purgedAt ? '已到期删除' : '申请人已撤回，已删除' };
  const opened = await openPersonal(r.personal, r.receipt);
  return 'data' in opened ? { summary: r, data: opened.data } : { summary: r, data: null, problem: opened.problem };
}

/** Every page of the current filter; with `personal`, decrypted on this device. */
async function fetchAll(personal: boolean): Promise<ExportItem[]> {
  const items: ExportItem[] = [];
  let after: string | null = null;
  do {
    const page: { records: RecordDetail[]; next: string | null } = await api('export', {
      body: { filters: filters(), sort: filters().sort, personal, ...(after ? { after } : {}) },
    });
    for (const r of page.records)
      items.push(personal ? await item(r) : { summary: r, data: null, problem: '未导出（只含办理信息）' });
    after = page.next;
  } while (after);
  return items;
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function runExport(personal: boolean): Promise<void> {
  const box = $('[data-list-error]');
  hideError(box);
  $('[data-export-confirm]').hidden = true;
  const button = $('[data-export]') as HTMLButtonElement;
  button.disabled = true;
  try {
    const items = await fetchAll(personal);
    const now = new Date();
    const { exportCsv, exportFileName } = await import('../../lib/staff/desk-format.ts');
    download(exportCsv(items, now, personal), exportFileName(now));
    const missing = items.filter((i) => i.data === null && i.problem?.startsWith('缺少私钥')).length;
    const kind = personal ? '' : '（只含办理信息）';
    announce(`已导出 ${items.length} 份申请${kind}${missing ? `，其中 ${missing} 份缺少私钥没有解密` : ''}。`);
  } catch (err) {
    showError(box, [messageOf(err, '导出失败')]);
  } finally {
    button.disabled = false;
  }
}
