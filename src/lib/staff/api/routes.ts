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
import { beijingDate, beijingDay, beijingMidnight, DAY_MS, dayToDate } from '../../time.ts';
import { verifyAuditEntry } from '../audit.ts';
import {
  cursorFrom,
  cursorOf,
  DATE_PATTERN,
  detail,
  parseCursor,
  parseFilters,
  parseSort,
  summary,
  type Filters,
  type RecordDetail,
} from '../records.ts';
import { cannotChange, checkStatusChange } from '../status-change.ts';
import type { ListQuery, StatusCount, StoredRecord } from '../store.ts';
import { canSee } from '../tokens.ts';
import { STAFF_MESSAGES, type StaffCall } from './context.ts';
import { readAnswer, writeAnswer } from './consult.ts';
import { serviceDayList } from './service-days.ts';

export type RouteName =
  'session' | 'list' | 'read' | 'sealed' | 'status' | 'export' | 'audit' | 'answer' | 'read-answer' | 'service-day';

export interface Route {
  name: RouteName;
  method: 'GET' | 'POST';
  receipt?: string;
  /** A service day's id (service-day). */
  day?: string;
}

/** The route for a path below /api/staff/ (the base path, if any, is already removed by the caller's path). */
export function route(pathname: string): Route | { name: 'none' } {
  const m = /\/api\/staff\/(.*?)\/?$/.exec(pathname);
  const rest = m ? m[1]! : '';
  if (rest === 'session') return { name: 'session', method: 'POST' };
  if (rest === 'records') return { name: 'list', method: 'GET' };
  if (rest === 'export') return { name: 'export', method: 'POST' };
  if (rest === 'sealed') return { name: 'sealed', method: 'POST' };
  if (rest === 'audit') return { name: 'audit', method: 'GET' };
  const day = /^service-days\/([^/]+)$/.exec(rest);
  if (day) return { name: 'service-day', method: 'GET', day: decodeURIComponent(day[1]!) };
  const answer = /^records\/([^/]+)\/(answer|consult)$/.exec(rest);
  if (answer) {
    const receipt = decodeURIComponent(answer[1]!);
    return answer[2] === 'answer'
      ? { name: 'answer', method: 'POST', receipt }
      : { name: 'read-answer', method: 'GET', receipt };
  }
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

/** The record for a receipt if it exists AND this person may see it; otherwise the same 404 either way. */
export async function visibleRecord(call: StaffCall, raw: string): Promise<StoredRecord> {
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
  return call.ok({ name: call.me.name, towns: call.me.towns, cityWide: call.me.cityWide, expires: call.me.expires });
}

export const PAGE_SIZE = 50;

/** What a list or an export asks for: filters, order, position, from a query string or a JSON body. */
function listQuery(call: StaffCall, input: Record<string, unknown>, limit: number): ListQuery {
  const filters = parseFilters(input);
  const sort = parseSort(input.sort);
  const after = typeof input.after === 'string' && input.after ? parseCursor(input.after, sort) : undefined;
  return { filters, scope: call.me, today: beijingDate(call.deps.now()), sort, after, limit };
}

/** Counts per status (under every filter but the status), and the totals the desk shows. */
function tally(rows: StatusCount[], f: Filters) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let overdue = 0;
  let soon = 0;
  let total = 0;
  let withPersonal = 0;
  for (const r of rows) {
    counts[r.status] = r.shown;
    if (f.status && r.status !== f.status) continue;
    overdue += r.overdue;
    soon += r.soon;
    total += r.shown;
    withPersonal += r.withPersonal;
  }
  return { counts, overdue, soon, total, withPersonal };
}

async function list(call: StaffCall): Promise<Response> {
  const q = listQuery(call, Object.fromEntries(new URL(call.req.url).searchParams), PAGE_SIZE);
  inScope(call, q.filters, '查看');
  const [page, rows] = await Promise.all([
    call.deadline.run('list records', (s) => call.deps.store.listRecords(q, s)),
    call.deadline.run('count records', (s) => call.deps.store.countRecords(q, s)),
  ]);
  const records = page.items.map((x) => summary(x.record, x.verified));
  const last = records.at(-1);
  const next = page.more && last ? cursorOf(q.sort, last) : null;
  const totals = tally(rows, q.filters);
  await call.audit({
    actor: call.me.name,
    action: 'list',
    detail: { ...filterDetail(q.filters), sort: q.sort, count: records.length, total: totals.total },
  });
  call.log(200, 'staff-list', undefined, String(records.length));
  return call.ok({ records, next, ...totals });
}

async function read(call: StaffCall, receipt: string): Promise<Response> {
  const { record, verified } = await visibleRecord(call, receipt);
  await call.audit({ actor: call.me.name, action: 'read', receipt: record.receipt, town: record.meta.town });
  call.log(200, 'staff-read', record.receipt);
  return call.ok({ record: detail(record, verified) });
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
    const out = await call.deadline.run('replace record', (s) => call.deps.store.replaceRecord(next, found.version, s));
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
    call.log(503, 'audit-failed', next.receipt, e instanceof Error ? e.name : 'failed', e);
    const headers = { 'Retry-After': String(call.deps.retryAfter) };
    const message = '状态已经更改，但操作记录没能保存。请把回执号告诉网站管理员。';
    throw new HttpError(503, 'audit-failed', message, headers, { record: summary(next) });
  }
}

/** Netlify answers at most 6 MB: each export page stays under this many bytes of JSON. */
export const EXPORT_PAGE_BYTES = 4_000_000;
const EXPORT_BATCH = 200;

/**
 * One page of an export: records in the list's order, sealed (or, with
 * `personal: false`, the metadata only), as many as fit in the byte budget.
 * The desk asks for the next page with `after` until `next` is null. The
 * audit entry names every receipt of the page and is written before the page
 * is handed out.
 */
async function exportRecords(call: StaffCall): Promise<Response> {
  const raw = call.body.filters;
  const input = { ...(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}) };
  if (typeof call.body.after === 'string') input.after = call.body.after;
  if (typeof call.body.sort === 'string') input.sort = call.body.sort;
  const personal = call.body.personal !== false;
  const q = { ...listQuery(call, input, EXPORT_BATCH), withPersonal: personal };
  inScope(call, q.filters, '导出');
  const budget = call.deps.exportPageBytes ?? EXPORT_PAGE_BYTES;
  const out: RecordDetail[] = [];
  let bytes = 0;
  let next: string | null = null;
  let after = q.after;
  pages: for (;;) {
    const page = await call.deadline.run('export records', (s) => call.deps.store.listRecords({ ...q, after }, s));
    for (const [i, x] of page.items.entries()) {
      const d = detail(x.record, x.verified);
      const item = personal ? d : { ...d, personal: null };
      out.push(item);
      bytes += JSON.stringify(item).length;
      if (bytes < budget) continue;
      const more = page.more || i < page.items.length - 1;
      next = more ? cursorOf(q.sort, item) : null;
      break pages;
    }
    const last = out.at(-1);
    if (!page.more || !last) break;
    after = cursorFrom(q.sort, last);
  }
  const receipts = out.map((x) => x.receipt);
  const detailFacts = { ...filterDetail(q.filters), count: out.length, personal: personal ? 'yes' : 'no' };
  await call.audit({ actor: call.me.name, action: 'export', receipts, detail: detailFacts });
  call.log(200, 'staff-export', undefined, String(out.length));
  return call.ok({ records: out, next });
}

/** Most receipts one request for sealed halves may name: a page of the list. */
export const SEALED_MAX = 100;

/**
 * The sealed halves of the records on the desk's page, so the desk can show
 * names and search by name or phone on the device. One audit entry names them
 * all, written before they are handed out; records outside the scope are
 * left out, as if they did not exist.
 */
async function sealedHalves(call: StaffCall): Promise<Response> {
  const raw = Array.isArray(call.body.receipts) ? call.body.receipts : [];
  if (raw.length > SEALED_MAX) throw new HttpError(400, 'too-many', `一次最多 ${SEALED_MAX} 份`);
  const receipts = [...new Set(raw.map((r) => (typeof r === 'string' ? parseReceipt(r) : undefined)))];
  if (receipts.some((r) => !r)) throw new HttpError(400, 'bad-filter', '回执号格式不对');
  const found = await call.deadline.run('sealed', (s) =>
    call.deps.store.sealedHalves(receipts as string[], call.me, s),
  );
  const shown = found.filter((x) => x.personal !== null);
  await call.audit({
    actor: call.me.name,
    action: 'read',
    receipts: shown.map((x) => x.receipt),
    detail: { count: shown.length, purpose: 'list' },
  });
  call.log(200, 'staff-sealed', undefined, String(shown.length));
  return call.ok({ records: shown });
}

export const AUDIT_PAGE = 100;

/** From and to (Beijing dates, both optional): at most a year back by default. */
function auditRange(q: URLSearchParams, today: string): { from: string; to: string } {
  const from = q.get('from') || dayToDate(beijingDay(beijingMidnight(today)) - 365);
  const to = q.get('to') || today;
  const valid = (d: string) => DATE_PATTERN.test(d) && !Number.isNaN(Date.parse(d));
  if (!valid(from) || !valid(to) || to < from) {
    throw new HttpError(400, 'bad-filter', '日期格式应为 2026-11-27，结束日期不早于开始日期');
  }
  return { from, to };
}

function auditCursor(text: string | null): { at: string; id: string } | undefined {
  if (!text) return undefined;
  const [at, id] = text.split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || id.length > 80) {
    throw new HttpError(400, 'bad-cursor', '翻页位置不对，请从第一页重新开始');
  }
  return { at, id };
}

/** The audit trail a page at a time, newest first; each entry says whether its MAC still matches. */
async function auditView(call: StaffCall): Promise<Response> {
  const q = new URL(call.req.url).searchParams;
  const { from, to } = auditRange(q, beijingDate(call.deps.now()));
  const receipt = q.get('receipt') ? parseReceipt(q.get('receipt')!) : undefined;
  if (q.get('receipt') && !receipt) throw new HttpError(400, 'bad-filter', '回执号格式不对');
  const query = {
    from: beijingMidnight(from).toISOString(),
    to: new Date(beijingMidnight(to).getTime() + DAY_MS).toISOString(),
    receipt,
    viewer: call.me,
    before: auditCursor(q.get('before')),
    limit: AUDIT_PAGE,
  };
  const page = await call.deadline.run('list audit', (s) => call.deps.store.auditPage(query, s));
  const entries = page.items.map((e) => ({ ...e, verified: verifyAuditEntry(call.deps.secret, e) }));
  const last = entries.at(-1);
  const next = page.more && last ? `${last.at}|${last.id}` : null;
  const detail = { from, to, ...(receipt ? { receipt } : {}), count: entries.length };
  await call.audit({ actor: call.me.name, action: 'audit-view', detail });
  call.log(200, 'staff-audit-view');
  return call.ok({ entries, next });
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
    case 'sealed':
      return sealedHalves(call);
    case 'audit':
      return auditView(call);
    case 'answer':
      return writeAnswer(call, r.receipt!);
    case 'read-answer':
      return readAnswer(call, r.receipt!);
    case 'service-day':
      return serviceDayList(call, r.day!);
  }
}
