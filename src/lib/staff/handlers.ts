/**
 * The staff API behind /staff/ (functions/staff.mts). Every request:
 *   1. method and route (405/404), body ≤ 32 KB as JSON (413/415/400), not
 *      from another site (403);
 *   2. the client address's lockout state (429 while locked);
 *   3. the token from “Authorization: Bearer …” against STAFF_TOKENS, in
 *      constant time (401, counted towards the lockout, audited);
 *   4. the town scope: staff see only their towns' records unless city-wide;
 *      a record outside the scope answers exactly like a missing one (404);
 *   5. the audit entry, written BEFORE any record or export is handed out
 *      (if it cannot be written, nothing is handed out: 503).
 *
 *   POST /api/staff/session                      sign in: who am I, which towns
 *   GET  /api/staff/records?formType&status&town&from&to
 *                                                list (plaintext metadata only) + counts per status
 *   GET  /api/staff/records/<receipt>            one record, personal data still sealed
 *   POST /api/staff/records/<receipt>/status     {status, note, materials, expected}
 *   POST /api/staff/export                       {filters} → the filtered records, sealed
 *   GET  /api/staff/audit?from&to&receipt        audit entries, newest first
 *
 * There is no route that edits or deletes a record's personal data or an
 * audit entry. Decryption happens only in the staff member's browser.
 * Logs: correlation id, event, status, receipt, staff name; never personal
 * data, never a token.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { bodyKind, crossSite, HttpError, json, readBody } from '../applications/http.ts';
import { STATUSES, type ApplicationRecord, type Status, type StatusEntry } from '../applications/record.ts';
import { Deadline, StoreUnavailableError } from '../applications/store.ts';
import { parseReceipt } from '../forms/receipt.ts';
import { TOWN_IDS } from '../towns.ts';
import { auditVisible, newAuditEntry, verifyAuditEntry, type AuditEntry, type AuditInput } from './audit.ts';
import { beijingDate, beijingDay } from './deadline.ts';
import { afterFailure, DEFAULT_LOCK_POLICY, lockedFor, type LockPolicy } from './lockout.ts';
import { cannotChange, checkStatusChange } from './status-change.ts';
import type { StaffStore, StoredRecord } from './store.ts';
import { bearer, canSee, findStaff, type StaffMember } from './tokens.ts';

export interface StaffLogEntry {
  event: string;
  cid: string;
  status: number;
  receipt?: string;
  staff?: string;
  detail?: string;
}

export interface StaffDeps {
  store: StaffStore;
  staff: readonly StaffMember[];
  secret: string;
  now: () => Date;
  log: (entry: StaffLogEntry) => void;
  deadlineMs: number;
  perCallMs: number;
  retryAfter: number;
  /** false on a deployed site without APPLICATIONS_SECRET: refuse (503). */
  configured: boolean;
  lockPolicy?: LockPolicy;
  /** Most records one export may hold. */
  exportLimit?: number;
}

export interface RequestMeta {
  /** The client address (context.ip on Netlify); only its HMAC is ever stored. */
  ip: string;
  cid?: string;
}

export const MAX_AUDIT_DAYS = 31;
const FORM_TYPES = ['legal-aid', 'mediation'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Filters {
  formType?: 'legal-aid' | 'mediation';
  status?: Status;
  town?: string;
  /** Received on or after this Beijing date. */
  from?: string;
  /** Received on or before this Beijing date. */
  to?: string;
}

/** What the desk sees of a record without opening it: no hashes, no personal data. */
export interface RecordSummary {
  receipt: string;
  formType: ApplicationRecord['formType'];
  town: string;
  category: string;
  createdAt: string;
  updatedAt: string;
  status: Status;
  history: StatusEntry[];
  corrections: number;
  /** Key id of the sealed personal data; null when deleted (withdrawn, purged). */
  kid: string | null;
  purgedAt?: string;
}

export interface RecordDetail extends RecordSummary {
  /** The sealed personal data, exactly as stored; the desk decrypts it. */
  personal: ApplicationRecord['personal'];
}

const MESSAGES = {
  unauthorised: '请先用您的工作人员令牌登录。',
  wrongToken: '令牌不对，请检查后重新输入。多次输错会被暂时锁定。',
  locked: (minutes: number) => `登录失败次数太多，已暂时锁定，请 ${minutes} 分钟后再试。`,
  notFound: '没有找到这份申请，或者您无权查看。',
  unavailable: '系统暂时无法访问，请稍等一会儿再试。',
  notConfigured: '工作台还没有配置好（缺少服务器密钥），请联系网站管理员。',
};

class Refusal extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, string>;
  readonly body: Record<string, unknown>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: Record<string, string> = {},
    body: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.body = body;
  }
}

export function summary(r: ApplicationRecord): RecordSummary {
  const kid: unknown = r.personal ? (r.personal as Record<string, unknown>).kid : null;
  const sealed = typeof kid === 'string' ? kid : null;
  return {
    receipt: r.receipt,
    formType: r.formType,
    town: r.meta.town,
    category: r.meta.category,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    status: r.status.current,
    history: r.status.history,
    corrections: r.meta.corrections,
    kid: sealed,
    ...(r.purgedAt ? { purgedAt: r.purgedAt } : {}),
  };
}

function detail(r: ApplicationRecord): RecordDetail {
  return { ...summary(r), personal: r.personal };
}

/** Filters from a query string or a JSON object; unknown values are refused, not ignored. */
export function parseFilters(input: Record<string, unknown>): Filters {
  const f: Filters = {};
  const str = (k: string) => {
    const v = input[k];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const formType = str('formType');
  if (formType) {
    if (!FORM_TYPES.includes(formType as never)) throw new Refusal(400, 'bad-filter', '申请类型不对');
    f.formType = formType as Filters['formType'];
  }
  const status = str('status');
  if (status) {
    if (!STATUSES.includes(status as Status)) throw new Refusal(400, 'bad-filter', '状态不对');
    f.status = status as Status;
  }
  const town = str('town');
  if (town) {
    if (!TOWN_IDS.includes(town)) throw new Refusal(400, 'bad-filter', '镇（街）不对');
    f.town = town;
  }
  for (const k of ['from', 'to'] as const) {
    const v = str(k);
    if (v) {
      if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        throw new Refusal(400, 'bad-filter', '日期格式应为 2026-11-27');
      f[k] = v;
    }
  }
  return f;
}

function matches(r: ApplicationRecord, f: Filters, ignoreStatus = false): boolean {
  if (f.formType && r.formType !== f.formType) return false;
  if (!ignoreStatus && f.status && r.status.current !== f.status) return false;
  if (f.town && r.meta.town !== f.town) return false;
  const day = beijingDate(r.createdAt);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

function filterDetail(f: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

function ipId(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`ip\u0000${ip}`).digest('hex').slice(0, 32);
}

interface Route {
  name: 'session' | 'list' | 'read' | 'status' | 'export' | 'audit';
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
  if (rec)
    return { name: rec[2] ? 'status' : 'read', method: rec[2] ? 'POST' : 'GET', receipt: decodeURIComponent(rec[1]!) };
  return { name: 'none' };
}

export async function handleStaff(req: Request, deps: StaffDeps, meta: RequestMeta): Promise<Response> {
  const cid = meta.cid ?? randomUUID();
  const policy = deps.lockPolicy ?? DEFAULT_LOCK_POLICY;
  const deadline = new Deadline(deps.deadlineMs, deps.perCallMs);
  let who: StaffMember | null = null;
  const log = (status: number, event: string, receipt?: string, detail?: string) =>
    deps.log({
      event,
      cid,
      status,
      ...(receipt ? { receipt } : {}),
      ...(who ? { staff: who.name } : {}),
      ...(detail ? { detail } : {}),
    });
  const audit = async (input: AuditInput) => {
    const entry = newAuditEntry(deps.secret, input, deps.now());
    const out = await deadline.run('append audit', (signal) => deps.store.appendAudit(entry, signal));
    if (!out.written) throw new StoreUnavailableError('audit key taken');
  };

  try {
    const r = route(new URL(req.url).pathname);
    if (r.name === 'none') throw new Refusal(404, 'not-found', '没有这个地址');
    if (req.method !== r.method) throw new Refusal(405, 'method-not-allowed', '不支持这种请求', { Allow: r.method });
    let body: Record<string, unknown> = {};
    if (r.method === 'POST') {
      if (bodyKind(req) !== 'json') throw new Refusal(415, 'unsupported-media-type', '请求格式不对');
      const text = await readBody(req);
      try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        throw new Refusal(400, 'bad-json', '请求格式不对');
      }
    }
    if (crossSite(req)) throw new Refusal(403, 'cross-site', '只能从本网站的工作台访问');
    if (!deps.configured)
      throw new Refusal(503, 'not-configured', MESSAGES.notConfigured, { 'Retry-After': String(deps.retryAfter) });

    // Lockout, then the token.
    const client = ipId(deps.secret, meta.ip || 'unknown');
    const lock = await deadline.run('get lock', (signal) => deps.store.getLock(client, signal));
    const now = deps.now().getTime();
    const wait = lockedFor(lock?.state ?? null, now);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new Refusal(429, 'locked', MESSAGES.locked(minutes), { 'Retry-After': String(Math.ceil(wait / 1000)) });
    }
    const token = bearer(req);
    who = findStaff(deps.staff, token);
    if (!who) {
      let lockedNow = false;
      for (let attempt = 0; attempt < 3; attempt++) {
        const current =
          attempt === 0 ? lock : await deadline.run('get lock', (signal) => deps.store.getLock(client, signal));
        const next = afterFailure(current?.state ?? null, now, policy);
        const out = await deadline.run('put lock', (signal) =>
          deps.store.putLock(client, next.state, current ?? null, signal),
        );
        if (out.written) {
          lockedNow = next.lockedNow;
          break;
        }
      }
      await audit({
        actor: null,
        action: 'sign-in-failed',
        detail: { client: client.slice(0, 12), reason: token ? 'wrong-token' : 'no-token' },
      });
      if (lockedNow) {
        await audit({
          actor: null,
          action: 'lockout',
          detail: { client: client.slice(0, 12), minutes: Math.round(policy.lockMs / 60_000) },
        });
        throw new Refusal(429, 'locked', MESSAGES.locked(Math.round(policy.lockMs / 60_000)), {
          'Retry-After': String(Math.ceil(policy.lockMs / 1000)),
        });
      }
      throw new Refusal(
        401,
        token ? 'wrong-token' : 'unauthorised',
        token ? MESSAGES.wrongToken : MESSAGES.unauthorised,
        { 'WWW-Authenticate': 'Bearer realm="staff"' },
      );
    }
    if (lock && lock.state.failures.length > 0) {
      // A good sign-in clears earlier typos from this address (best effort).
      await deadline
        .run('put lock', (signal) => deps.store.putLock(client, { failures: [] }, lock, signal))
        .catch(() => undefined);
    }
    const me = who;

    switch (r.name) {
      case 'session': {
        await audit({ actor: me.name, action: 'sign-in' });
        log(200, 'staff-sign-in');
        return json(200, { name: me.name, towns: me.towns, cityWide: me.cityWide }, cid);
      }
      case 'list': {
        const filters = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
        if (filters.town && !canSee(me, filters.town))
          throw new Refusal(403, 'out-of-scope', '您无权查看这个镇（街）的申请');
        const all = (await deadline.run('list records', (signal) => deps.store.listRecords(signal)))
          .map((x) => x.record)
          .filter((x) => canSee(me, x.meta.town));
        const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
        for (const x of all) if (matches(x, filters, true)) counts[x.status.current]++;
        const records = all.filter((x) => matches(x, filters)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        await audit({ actor: me.name, action: 'list', detail: { ...filterDetail(filters), count: records.length } });
        log(200, 'staff-list', undefined, String(records.length));
        return json(200, { records: records.map(summary), counts, total: records.length }, cid);
      }
      case 'read': {
        const found = await visibleRecord(deps, deadline, me, r.receipt!);
        await audit({ actor: me.name, action: 'read', receipt: found.record.receipt, town: found.record.meta.town });
        log(200, 'staff-read', found.record.receipt);
        return json(200, { record: detail(found.record) }, cid);
      }
      case 'status': {
        const checked = checkStatusChange({
          status: typeof body.status === 'string' ? body.status : '',
          note: typeof body.note === 'string' ? body.note : '',
          materials: Array.isArray(body.materials)
            ? body.materials.filter((m): m is string => typeof m === 'string')
            : [],
        });
        if (!checked.ok) throw new Refusal(400, 'validation', '请修改后再提交', {}, { errors: checked.errors });
        const expected = typeof body.expected === 'string' ? body.expected : undefined;
        for (let attempt = 0; attempt < 3; attempt++) {
          const found = await visibleRecord(deps, deadline, me, r.receipt!);
          const reason = cannotChange(found.record);
          if (reason) throw new Refusal(409, 'cannot-change', reason);
          const from = found.record.status.current;
          if (expected && expected !== from)
            throw new Refusal(
              409,
              'changed',
              `这份申请的状态刚刚被改成了“${from}”，请重新打开后再改。`,
              {},
              { current: from },
            );
          const at = deps.now().toISOString();
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
          const out = await deadline.run('replace record', (signal) =>
            deps.store.replaceRecord(next, found.etag, signal),
          );
          if (!out.written) continue;
          try {
            await audit({
              actor: me.name,
              action: 'status-change',
              receipt: next.receipt,
              town: next.meta.town,
              detail: {
                from,
                to: checked.status,
                materials: Array.isArray(body.materials) ? body.materials.length : 0,
              },
            });
          } catch (e) {
            // The change stands; say so, and leave a trace in the log for the administrator.
            log(503, 'audit-failed', next.receipt, e instanceof Error ? e.message : 'failed');
            throw new Refusal(
              503,
              'audit-failed',
              '状态已经更改，但操作记录没能保存。请把回执号告诉网站管理员。',
              { 'Retry-After': String(deps.retryAfter) },
              { record: summary(next) },
            );
          }
          log(200, 'staff-status', next.receipt, `${from}->${checked.status}`);
          return json(200, { record: detail(next) }, cid);
        }
        throw new StoreUnavailableError('record kept changing');
      }
      case 'export': {
        const filters = parseFilters(
          body.filters && typeof body.filters === 'object' ? (body.filters as Record<string, unknown>) : {},
        );
        if (filters.town && !canSee(me, filters.town))
          throw new Refusal(403, 'out-of-scope', '您无权导出这个镇（街）的申请');
        const records = (await deadline.run('list records', (signal) => deps.store.listRecords(signal)))
          .map((x) => x.record)
          .filter((x) => canSee(me, x.meta.town) && matches(x, filters))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const limit = deps.exportLimit ?? 2000;
        if (records.length > limit) throw new Refusal(413, 'too-many', `一次最多导出 ${limit} 份，请缩小日期范围。`);
        await audit({
          actor: me.name,
          action: 'export',
          receipts: records.map((x) => x.receipt),
          detail: { ...filterDetail(filters), count: records.length },
        });
        log(200, 'staff-export', undefined, String(records.length));
        return json(200, { records: records.map(detail) }, cid);
      }
      case 'audit': {
        const q = new URL(req.url).searchParams;
        const today = beijingDate(deps.now());
        const from = q.get('from') || today;
        const to = q.get('to') || from;
        if (
          !DATE.test(from) ||
          !DATE.test(to) ||
          Number.isNaN(Date.parse(from)) ||
          Number.isNaN(Date.parse(to)) ||
          to < from
        )
          throw new Refusal(400, 'bad-filter', '日期格式应为 2026-11-27，结束日期不早于开始日期');
        const first = beijingDay(`${from}T00:00:00+08:00`);
        const last = beijingDay(`${to}T00:00:00+08:00`);
        if (last - first + 1 > MAX_AUDIT_DAYS)
          throw new Refusal(400, 'bad-filter', `一次最多查看 ${MAX_AUDIT_DAYS} 天的记录`);
        const days = Array.from({ length: last - first + 1 }, (_, i) =>
          new Date((first + i) * 86_400_000).toISOString().slice(0, 10),
        );
        const receipt = q.get('receipt') ? parseReceipt(q.get('receipt')!) : undefined;
        if (q.get('receipt') && !receipt) throw new Refusal(400, 'bad-filter', '回执号格式不对');
        const entries = (await deadline.run('list audit', (signal) => deps.store.listAudit(days, signal)))
          .filter((e) => auditVisible(me, e))
          .filter((e) => !receipt || e.receipt === receipt || e.receipts?.includes(receipt))
          .sort((a, b) => b.id.localeCompare(a.id))
          .slice(0, 1000)
          .map((e: AuditEntry) => ({ ...e, verified: verifyAuditEntry(deps.secret, e) }));
        await audit({
          actor: me.name,
          action: 'audit-view',
          detail: { from, to, ...(receipt ? { receipt } : {}), count: entries.length },
        });
        log(200, 'staff-audit-view');
        return json(200, { entries }, cid);
      }
    }
  } catch (e) {
    if (e instanceof Refusal) {
      log(e.status, e.code);
      return json(e.status, { error: e.code, message: e.message, ...e.body }, cid, e.extra);
    }
    if (e instanceof HttpError) {
      log(e.status, e.code);
      return json(e.status, { error: e.code, message: e.message }, cid);
    }
    if (e instanceof StoreUnavailableError) {
      log(503, 'store-unavailable', undefined, e.message);
      return json(503, { error: 'unavailable', message: MESSAGES.unavailable }, cid, {
        'Retry-After': String(deps.retryAfter),
      });
    }
    throw e;
  }
}

/** The record for a receipt if it exists AND this person may see it; otherwise the same 404 either way. */
async function visibleRecord(deps: StaffDeps, deadline: Deadline, me: StaffMember, raw: string): Promise<StoredRecord> {
  const receipt = parseReceipt(raw);
  const found = receipt ? await deadline.run('get record', (signal) => deps.store.getRecord(receipt, signal)) : null;
  if (!found || found.record.receipt !== receipt || !canSee(me, found.record.meta.town))
    throw new Refusal(404, 'not-found', MESSAGES.notFound);
  return found;
}
