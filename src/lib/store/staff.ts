/**
 * StaffStore on Postgres: the desk's queue and counts, the audit trail, the
 * sign-in lockout and the token revocation list. Every query names its
 * filters as parameters (never as SQL text), and every write is one
 * statement (see requests.ts for why).
 *
 * Indexes that serve these queries are in the migration: requests_queue,
 * requests_town_queue, requests_status_queue, requests_newest,
 * requests_town_newest (keyset pages), requests_counts (counts, index only),
 * audit_time, audit_receipt, audit_receipts (the audit view),
 * requests_service_day (a service day's bookings).
 * tests/functions/store.test.ts checks the plans with EXPLAIN.
 */
import { beijingMidnight, dayToDate, beijingDay } from '../time.ts';
import type { AuditEntry } from '../staff/audit.ts';
import { DUE_SOON_DAYS } from '../staff/deadline.ts';
import type { Filters } from '../staff/records.ts';
import type { AuditQuery, ListQuery, Page, Scope, StaffStore, StatusCount } from '../staff/store.ts';
import type { ApplicationRecord } from '../requests/record.ts';
import type { Status } from '../requests/status.ts';
import { asJson, database, iso, type Sql } from './db.ts';
import { RECORD_COLUMNS, requestStore, storedFromRow, SUMMARY_COLUMNS, type RequestRow } from './requests.ts';

/** Collects parameters and returns their placeholders: the SQL text never holds a value. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Most bookings one service day's list holds: far above any day's capacity
 * (a slot sees at most 50 people, src/schemas/service-days.ts), a bound on
 * what one answer carries all the same.
 */
export const SERVICE_DAY_MAX = 500;

interface DayBookingRow {
  receipt: string;
  service_slot: string;
  status: Status;
  town: string;
  personal: ApplicationRecord['personal'];
}

/** A service day's bookings in scope, not withdrawn, by slot (index requests_service_day). */
export function serviceDaySql(day: string, scope: Scope): { text: string; values: unknown[] } {
  const p = new Params();
  const where = [`service_day = ${p.add(day)}`, `status <> '已撤回'`];
  if (!scope.cityWide) where.push(`town = ANY(${p.add([...scope.towns])}::text[])`);
  const text = `SELECT receipt, service_slot, status, town, personal FROM requests WHERE ${where.join(' AND ')}
    ORDER BY service_day, service_slot, created_at, receipt LIMIT ${SERVICE_DAY_MAX}`;
  return { text, values: p.values };
}

const addDays = (date: string, days: number) => dayToDate(beijingDay(beijingMidnight(date)) + days);

/** WHERE conditions for the scope and the filters (not the status, the deadline filter or the cursor). */
export function baseConditions(p: Params, q: Pick<ListQuery, 'filters' | 'scope'>): string[] {
  const f: Filters = q.filters;
  const where: string[] = [];
  if (!q.scope.cityWide) where.push(`town = ANY(${p.add([...q.scope.towns])}::text[])`);
  if (f.formType) where.push(`kind = ${p.add(f.formType)}`);
  if (f.town) where.push(`town = ${p.add(f.town)}`);
  if (f.from) where.push(`created_at >= ${p.add(beijingMidnight(f.from).toISOString())}::timestamptz`);
  if (f.to) where.push(`created_at < ${p.add(beijingMidnight(addDays(f.to, 1)).toISOString())}::timestamptz`);
  if (f.receipt) where.push(`receipt = ${p.add(f.receipt)}`);
  return where;
}

/** The deadline filter: overdue, or due from today to DUE_SOON_DAYS ahead. */
function dueCondition(p: Params, due: Filters['due'], today: string): string | null {
  if (due === 'overdue') return `due_on < ${p.add(today)}::date`;
  if (due === 'soon') return `due_on BETWEEN ${p.add(today)}::date AND ${p.add(addDays(today, DUE_SOON_DAYS))}::date`;
  return null;
}

const and = (conditions: (string | null)[]) => {
  const c = conditions.filter(Boolean);
  return c.length ? c.join(' AND ') : 'TRUE';
};

export function listSql(q: ListQuery): { text: string; values: unknown[] } {
  const p = new Params();
  const where = [...baseConditions(p, q), dueCondition(p, q.filters.due, q.today)];
  if (q.filters.status) where.push(`status = ${p.add(q.filters.status)}`);
  const c = q.after;
  let order: string;
  if (q.sort === 'due') {
    if (c?.sort === 'due')
      where.push(
        `(due_on, created_at, receipt) > (${p.add(c.dueOn)}::date, ${p.add(c.createdAt)}::timestamptz, ${p.add(c.receipt)})`,
      );
    order = 'due_on, created_at, receipt';
  } else {
    if (c?.sort === 'newest')
      where.push(`(created_at, receipt) < (${p.add(c.createdAt)}::timestamptz, ${p.add(c.receipt)})`);
    order = 'created_at DESC, receipt DESC';
  }
  const columns = q.withPersonal ? RECORD_COLUMNS : SUMMARY_COLUMNS;
  const text = `SELECT ${columns} FROM requests WHERE ${and(where)} ORDER BY ${order} LIMIT ${p.add(q.limit + 1)}`;
  return { text, values: p.values };
}

/**
 * Counts per status, overdue and due soon, under the filters (the status
 * filter aside: the desk shows every status's count). Without a date range
 * or a receipt, the totals come from request_tallies (kept in step by
 * triggers, migration 0003) and only the requests with a decision due by the
 * end of the due-soon window are read, from the queue index: a few thousand
 * rows however many years are kept. With a date range the index range of
 * those dates is counted instead.
 */
export function countSql(q: Omit<ListQuery, 'sort' | 'after' | 'limit'>): { text: string; values: unknown[] } {
  const f = q.filters;
  return f.from || f.to || f.receipt ? scanCountSql(q) : tallyCountSql(q);
}

function scanCountSql(q: Omit<ListQuery, 'sort' | 'after' | 'limit'>): { text: string; values: unknown[] } {
  const p = new Params();
  const where = baseConditions(p, q);
  const today = p.add(q.today);
  const soonEnd = p.add(addDays(q.today, DUE_SOON_DAYS));
  const due = dueCondition(p, q.filters.due, q.today) ?? 'TRUE';
  const text = `SELECT status,
      count(*)::int AS total,
      count(*) FILTER (WHERE due_on < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE due_on BETWEEN ${today}::date AND ${soonEnd}::date)::int AS soon,
      count(*) FILTER (WHERE ${due})::int AS shown,
      count(*) FILTER (WHERE ${due} AND has_personal)::int AS with_personal
    FROM requests WHERE ${and(where)} GROUP BY status`;
  return { text, values: p.values };
}

function tallyCountSql(q: Omit<ListQuery, 'sort' | 'after' | 'limit'>): { text: string; values: unknown[] } {
  const p = new Params();
  const where = baseConditions(p, q); // scope, type and town only: no dates, no receipt here
  const today = p.add(q.today);
  const soonEnd = p.add(addDays(q.today, DUE_SOON_DAYS));
  const due = dueCondition(p, q.filters.due, q.today);
  const text = `WITH t AS (
      SELECT status, sum(n)::int AS total, coalesce(sum(n) FILTER (WHERE has_personal), 0)::int AS with_personal
      FROM request_tallies WHERE ${and(where)} GROUP BY status
    ), d AS (
      SELECT status,
        count(*) FILTER (WHERE due_on < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE due_on >= ${today}::date)::int AS soon,
        count(*) FILTER (WHERE ${due ?? 'FALSE'})::int AS shown,
        count(*) FILTER (WHERE ${due ?? 'FALSE'} AND has_personal)::int AS with_personal
      FROM requests WHERE ${and([...where, `due_on <= ${soonEnd}::date`])} GROUP BY status
    )
    SELECT status, coalesce(t.total, 0) AS total, coalesce(d.overdue, 0) AS overdue, coalesce(d.soon, 0) AS soon,
      ${due ? 'coalesce(d.shown, 0)' : 'coalesce(t.total, 0)'} AS shown,
      ${due ? 'coalesce(d.with_personal, 0)' : 'coalesce(t.with_personal, 0)'} AS with_personal
    FROM t FULL JOIN d USING (status)`;
  return { text, values: p.values };
}

interface AuditRow {
  id: string;
  at: unknown;
  actor: string | null;
  action: string;
  receipt: string | null;
  receipts: string[] | null;
  town: string | null;
  detail: Record<string, string | number> | null;
  mac: string;
}

/** The entry exactly as it was signed: absent fields stay absent, so the MAC still matches. */
export function auditFromRow(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: iso(r.at),
    actor: r.actor,
    action: r.action as AuditEntry['action'],
    ...(r.receipt !== null ? { receipt: r.receipt } : {}),
    ...(r.receipts !== null ? { receipts: r.receipts } : {}),
    ...(r.town !== null ? { town: r.town } : {}),
    ...(r.detail !== null ? { detail: r.detail } : {}),
    mac: r.mac,
  };
}

export const AUDIT_INSERT =
  'INSERT INTO audit_entries (id, at, actor, action, receipt, receipts, town, detail, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id';

export function auditValues(e: AuditEntry): unknown[] {
  return [
    e.id,
    e.at,
    e.actor,
    e.action,
    e.receipt ?? null,
    e.receipts ?? null,
    e.town ?? null,
    asJson(e.detail),
    e.mac,
  ];
}

export function auditSql(q: AuditQuery): { text: string; values: unknown[] } {
  const p = new Params();
  const where = [`at >= ${p.add(q.from)}::timestamptz`, `at < ${p.add(q.to)}::timestamptz`];
  if (!q.viewer.cityWide)
    where.push(`(actor = ${p.add(q.viewer.name)} OR town = ANY(${p.add([...q.viewer.towns])}::text[]))`);
  if (q.receipt) {
    const r = p.add(q.receipt);
    where.push(`(receipt = ${r} OR receipts @> ARRAY[${r}]::text[])`);
  }
  if (q.before) where.push(`(at, id) < (${p.add(q.before.at)}::timestamptz, ${p.add(q.before.id)})`);
  const text = `SELECT id, at, actor, action, receipt, receipts, town, detail, mac FROM audit_entries WHERE ${and(where)} ORDER BY at DESC, id DESC LIMIT ${p.add(q.limit + 1)}`;
  return { text, values: p.values };
}

function page<T>(rows: T[], limit: number): Page<T> {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

// The lockout in single statements (the old read-then-write let 60 parallel guesses through).
// An attempt is counted BEFORE its token is checked: `attempts` = attempts in flight + failures,
// and a request is admitted only while that is below the limit and the client is not locked.
const FRESH = `((l.locked_until IS NULL OR l.locked_until <= $2::timestamptz)
  AND (l.window_start <= $2::timestamptz - $3::float8 * interval '1 millisecond' OR l.locked_until IS NOT NULL))`;
const OPEN = `((l.locked_until IS NULL OR l.locked_until <= $2::timestamptz) AND l.attempts < $4::int)`;
const ADMIT = `WITH revoked AS (SELECT count(*) > 0 AS revoked FROM staff_revocations WHERE token_hash = $5)
  INSERT INTO staff_lockouts AS l (client, window_start, attempts, failures, refused, admitted)
  VALUES ($1, $2::timestamptz, 1, 0, 0, true)
  ON CONFLICT (client) DO UPDATE SET
    window_start = CASE WHEN ${FRESH} THEN $2::timestamptz ELSE l.window_start END,
    attempts = CASE WHEN ${FRESH} THEN 1 WHEN ${OPEN} THEN l.attempts + 1 ELSE l.attempts END,
    failures = CASE WHEN ${FRESH} THEN 0 ELSE l.failures END,
    locked_until = CASE WHEN ${FRESH} THEN NULL ELSE l.locked_until END,
    refused = CASE WHEN ${FRESH} THEN 0 WHEN ${OPEN} THEN l.refused ELSE l.refused + 1 END,
    admitted = ${FRESH} OR ${OPEN}
  RETURNING admitted, locked_until, (SELECT revoked FROM revoked) AS revoked`;
const FAILED = `UPDATE staff_lockouts SET
    failures = failures + 1,
    locked_until = CASE WHEN failures + 1 >= $3::int AND (locked_until IS NULL OR locked_until <= $2::timestamptz)
      THEN $2::timestamptz + $4::float8 * interval '1 millisecond' ELSE locked_until END
  WHERE client = $1
  RETURNING failures, refused, locked_until`;
const SUCCEEDED = `UPDATE staff_lockouts SET attempts = GREATEST(attempts - 1 - failures, 0), failures = 0
  WHERE client = $1 AND (locked_until IS NULL OR locked_until <= $2::timestamptz)`;

export function staffStore(secret: string, sql: () => Sql = database): StaffStore {
  return {
    ...requestStore(secret, sql),
    async listRecords(q) {
      const { text, values } = listSql(q);
      const { rows } = await sql().query<RequestRow>(text, values);
      return page(
        rows.map((r) => storedFromRow(secret, r)),
        q.limit,
      );
    },
    async countRecords(q) {
      const { text, values } = countSql(q);
      const { rows } = await sql().query<Omit<StatusCount, 'withPersonal'> & { with_personal: number }>(text, values);
      return rows.map((r) => ({
        status: r.status as Status,
        total: r.total,
        overdue: r.overdue,
        soon: r.soon,
        shown: r.shown,
        withPersonal: r.with_personal,
      }));
    },
    async sealedHalves(receipts, scope) {
      const p = new Params();
      const where = [`receipt = ANY(${p.add(receipts)}::text[])`];
      if (!scope.cityWide) where.push(`town = ANY(${p.add([...scope.towns])}::text[])`);
      const { rows } = await sql().query<{ receipt: string; personal: ApplicationRecord['personal'] }>(
        `SELECT receipt, personal FROM requests WHERE ${where.join(' AND ')} ORDER BY receipt`,
        p.values,
      );
      return rows;
    },
    async serviceDayBookings(day, scope) {
      const { text, values } = serviceDaySql(day, scope);
      const { rows } = await sql().query<DayBookingRow>(text, values);
      return rows.map((r) => ({
        receipt: r.receipt,
        slot: r.service_slot,
        status: r.status,
        town: r.town,
        personal: r.personal,
      }));
    },
    async appendAudit(entry) {
      const { rows } = await sql().query(AUDIT_INSERT, auditValues(entry));
      return { written: rows.length === 1 };
    },
    async auditPage(q) {
      const { text, values } = auditSql(q);
      const { rows } = await sql().query<AuditRow>(text, values);
      return page(rows.map(auditFromRow), q.limit);
    },
    async admitSignIn(client, now, policy, tokenHash) {
      const { rows } = await sql().query<{ admitted: boolean; locked_until: unknown; revoked: boolean }>(ADMIT, [
        client,
        new Date(now).toISOString(),
        policy.windowMs,
        policy.maxFailures,
        tokenHash,
      ]);
      const until = rows[0]?.locked_until ? Date.parse(iso(rows[0].locked_until)) : null;
      return { admitted: rows[0]?.admitted === true, lockedUntil: until, revoked: rows[0]?.revoked === true };
    },
    async signInFailed(client, now, policy) {
      const { rows } = await sql().query<{ failures: number; refused: number }>(FAILED, [
        client,
        new Date(now).toISOString(),
        policy.maxFailures,
        policy.lockMs,
      ]);
      const failures = rows[0]?.failures ?? 0;
      return { failures, lockedNow: failures === policy.maxFailures, refused: rows[0]?.refused ?? 0 };
    },
    async signInSucceeded(client, now) {
      await sql().query(SUCCEEDED, [client, new Date(now).toISOString()]);
    },
  };
}
