/**
 * The staff API's routes, one small function each. Scope rule everywhere:
 * staff see only their towns' records unless city-wide, and a record outside
 * the scope answers exactly like a missing one (404).
 */
import { HttpError } from '../../http/errors.ts';
import type { ApplicationRecord, StatusEntry } from '../../requests/record.ts';
import { parseReceipt } from '../../requests/receipt.ts';
import { requestType } from '../../requests/registry.ts';
import { STATUSES, type Status } from '../../requests/status.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { beijingDate, beijingDay, beijingMidnight, dayToDate } from '../../time.ts';
import { auditVisible, verifyAuditEntry } from '../audit.ts';
import { DATE_PATTERN, detail, matches, parseFilters, summary, type Filters } from '../records.ts';
import { cannotChange, checkStatusChange } from '../status-change.ts';
import type { StoredRecord } from '../store.ts';
import { canSee } from '../tokens.ts';
import { STAFF_MESSAGES, type StaffCall } from './context.ts';

export const MAX_AUDIT_DAYS = 31;

export type RouteName = 'session' | 'list' | 'read' | 'status' | 'export' | 'audit';

export interface Route {
  name: RouteName;
  method: 'GET' | 'POST';
  receipt?: string;
}

/** The route for a path below /api/staff/ (the base path, if any, is already removed by the caller's path). */
export function route(pathname: string): Route | { name: 'none' } {
  const m = /\/api\/staff\/(.*?)\/?$/.exec(pathname);
  const rest = m ? m[1]! : '';
  if (rest === 'session') return { name: 'session', method: 'POST' };
  if (rest === 'records') return { name: 'list', method: 'GET' };
  if (rest === 'export') return { name: 'export', method: 'POST' };
  if (rest === 'audit') return { name: 'audit', method: 'GET' };
  const rec = /^records\/([^/]+)(\/status)?$/.exec(rest);
  if (!rec) return { name: 'none' };
  const receipt = decodeURIComponent(rec[1]!);
  return rec[2] ? { name: 'status', method: 'POST', receipt } : { name: 'read', method: 'GET', receipt };
}

function filterDetail(f: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

function inScope(call: StaffCall, filters: Filters, what: string): void {
  if (filters.town && !canSee(call.me, filters.town))
    throw new HttpError(403, 'out-of-scope', `您无权${what}这个镇（街）的申请`);
}

async function visibleRecords(call: StaffCall): Promise<ApplicationRecord[]> {
  const all = await call.deadline.run('list records', (s) => call.deps.store.listRecords(s));
  return all.map((x) => x.record).filter((x) => canSee(call.me, x.meta.town));
}

/** The record for a receipt if it exists AND this person may see it; otherwise the same 404 either way. */
async function visibleRecord(call: StaffCall, raw: string): Promise<StoredRecord> {
  const receipt = parseReceipt(raw);
  const found = receipt ? await call.deadline.run('get record', (s) => call.deps.store.getRecord(receipt, s)) : null;
  if (!found || found.record.receipt !== receipt || !canSee(call.me, found.record.meta.town)) {
    throw new HttpError(404, 'not-found', STAFF_MESSAGES.notFound);
  }
  return found;
}

async function session(call: StaffCall): Promise<Response> {
  await call.audit({ actor: call.me.name, action: 'sign-in' });
  call.log(200, 'staff-sign-in');
  return call.ok({ name: call.me.name, towns: call.me.towns, cityWide: call.me.cityWide });
}

async function list(call: StaffCall): Promise<Response> {
  const filters = parseFilters(Object.fromEntries(new URL(call.req.url).searchParams));
  inScope(call, filters, '查看');
  const all = await visibleRecords(call);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const x of all) if (matches(x, filters, true)) counts[x.status.current]++;
  const records = all.filter((x) => matches(x, filters)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  await call.audit({
    actor: call.me.name,
    action: 'list',
    detail: { ...filterDetail(filters), count: records.length },
  });
  call.log(200, 'staff-list', undefined, String(records.length));
  return call.ok({ records: records.map(summary), counts, total: records.length });
}

async function read(call: StaffCall, receipt: string): Promise<Response> {
  const { record } = await visibleRecord(call, receipt);
  await call.audit({ actor: call.me.name, action: 'read', receipt: record.receipt, town: record.meta.town });
  call.log(200, 'staff-read', record.receipt);
  return call.ok({ record: detail(record) });
}

function statusInput(body: Record<string, unknown>) {
  const materials = Array.isArray(body.materials)
    ? body.materials.filter((m): m is string => typeof m === 'string')
    : [];
  return {
    status: typeof body.status === 'string' ? body.status : '',
    note: typeof body.note === 'string' ? body.note : '',
    materials,
  };
}

async function changeStatus(call: StaffCall, receipt: string): Promise<Response> {
  const input = statusInput(call.body);
  const expected = typeof call.body.expected === 'string' ? call.body.expected : undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await visibleRecord(call, receipt);
    const checked = checkStatusChange(input, requestType(found.record.formType).staffStatuses);
    if (!checked.ok) throw new HttpError(400, 'validation', '请修改后再提交', {}, { errors: checked.errors });
    const reason = cannotChange(found.record);
    if (reason) throw new HttpError(409, 'cannot-change', reason);
    const from = found.record.status.current;
    if (expected && expected !== from) {
      throw new HttpError(
        409,
        'changed',
        `这份申请的状态刚刚被改成了“${from}”，请重新打开后再改。`,
        {},
        { current: from },
      );
    }
    const at = call.deps.now().toISOString();
    const entry: StatusEntry = {
      status: checked.status,
      at,
      by: 'staff',
      ...(checked.note ? { note: checked.note } : {}),
    };
    const next: ApplicationRecord = {
      ...found.record,
      updatedAt: at,
      status: { current: checked.status, history: [...found.record.status.history, entry] },
    };
    const out = await call.deadline.run('replace record', (s) => call.deps.store.replaceRecord(next, found.etag, s));
    if (!out.written) continue;
    await auditStatusChange(call, next, from, input.materials.length);
    call.log(200, 'staff-status', next.receipt, `${from}->${checked.status}`);
    return call.ok({ record: detail(next) });
  }
  throw new StoreUnavailableError('record kept changing');
}

/** The change stands even if its audit entry fails: say so, and leave a trace in the log for the administrator. */
async function auditStatusChange(
  call: StaffCall,
  next: ApplicationRecord,
  from: Status,
  materials: number,
): Promise<void> {
  try {
    const detail = { from, to: next.status.current, materials };
    await call.audit({
      actor: call.me.name,
      action: 'status-change',
      receipt: next.receipt,
      town: next.meta.town,
      detail,
    });
  } catch (e) {
    call.log(503, 'audit-failed', next.receipt, e instanceof Error ? e.message : 'failed');
    const headers = { 'Retry-After': String(call.deps.retryAfter) };
    const message = '状态已经更改，但操作记录没能保存。请把回执号告诉网站管理员。';
    throw new HttpError(503, 'audit-failed', message, headers, { record: summary(next) });
  }
}

async function exportRecords(call: StaffCall): Promise<Response> {
  const raw = call.body.filters;
  const filters = parseFilters(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {});
  inScope(call, filters, '导出');
  const records = (await visibleRecords(call))
    .filter((x) => matches(x, filters))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const limit = call.deps.exportLimit ?? 2000;
  if (records.length > limit) throw new HttpError(413, 'too-many', `一次最多导出 ${limit} 份，请缩小日期范围。`);
  const receipts = records.map((x) => x.receipt);
  await call.audit({
    actor: call.me.name,
    action: 'export',
    receipts,
    detail: { ...filterDetail(filters), count: records.length },
  });
  call.log(200, 'staff-export', undefined, String(records.length));
  return call.ok({ records: records.map(detail) });
}

/** The Beijing dates from `from` to `to`, at most MAX_AUDIT_DAYS. */
function auditDays(q: URLSearchParams, today: string): { from: string; to: string; days: string[] } {
  const from = q.get('from') || today;
  const to = q.get('to') || from;
  const valid = (d: string) => DATE_PATTERN.test(d) && !Number.isNaN(Date.parse(d));
  if (!valid(from) || !valid(to) || to < from) {
    throw new HttpError(400, 'bad-filter', '日期格式应为 2026-11-27，结束日期不早于开始日期');
  }
  const first = beijingDay(beijingMidnight(from));
  const last = beijingDay(beijingMidnight(to));
  if (last - first + 1 > MAX_AUDIT_DAYS)
    throw new HttpError(400, 'bad-filter', `一次最多查看 ${MAX_AUDIT_DAYS} 天的记录`);
  return { from, to, days: Array.from({ length: last - first + 1 }, (_, i) => dayToDate(first + i)) };
}

async function auditView(call: StaffCall): Promise<Response> {
  const q = new URL(call.req.url).searchParams;
  const { from, to, days } = auditDays(q, beijingDate(call.deps.now()));
  const receipt = q.get('receipt') ? parseReceipt(q.get('receipt')!) : undefined;
  if (q.get('receipt') && !receipt) throw new HttpError(400, 'bad-filter', '回执号格式不对');
  const entries = (await call.deadline.run('list audit', (s) => call.deps.store.listAudit(days, s)))
    .filter((e) => auditVisible(call.me, e))
    .filter((e) => !receipt || e.receipt === receipt || e.receipts?.includes(receipt))
    .sort((a, b) => b.id.localeCompare(a.id))
    .slice(0, 1000)
    .map((e) => ({ ...e, verified: verifyAuditEntry(call.deps.secret, e) }));
  const detail = { from, to, ...(receipt ? { receipt } : {}), count: entries.length };
  await call.audit({ actor: call.me.name, action: 'audit-view', detail });
  call.log(200, 'staff-audit-view');
  return call.ok({ entries });
}

export function runRoute(call: StaffCall, r: Route): Promise<Response> {
  switch (r.name) {
    case 'session':
      return session(call);
    case 'list':
      return list(call);
    case 'read':
      return read(call, r.receipt!);
    case 'status':
      return changeStatus(call, r.receipt!);
    case 'export':
      return exportRecords(call);
    case 'audit':
      return auditView(call);
  }
}
