/**
 * The morning digest's figures (src/lib/staff/digest.ts): new requests per
 * town and kind since a time, and what is due within two days or overdue.
 * Three indexed queries (requests_newest, requests_queue); receipts only.
 */
import { DUE_SOON_DAYS } from '../staff/deadline.ts';
import { DIGEST_RECEIPTS, type Digest, type DigestItem } from '../staff/digest.ts';
import type { RequestTypeId } from '../requests/registry.ts';
import { beijingDate, beijingDay, beijingMidnight, dayToDate } from '../time.ts';
import { database, type Sql } from './db.ts';

const ARRIVED = `SELECT kind, town, count(*)::int AS count FROM requests
  WHERE created_at >= $1 AND created_at < $2 AND status <> '已撤回'
  GROUP BY kind, town ORDER BY town, kind`;

const DUE = (cond: string) => `SELECT receipt, kind, town, due_on::text AS due_on, count(*) OVER ()::int AS total
  FROM requests WHERE ${cond} ORDER BY due_on, created_at, receipt LIMIT ${DIGEST_RECEIPTS}`;

interface DueRow {
  receipt: string;
  kind: RequestTypeId;
  town: string;
  due_on: string;
  total: number;
}

const items = (rows: DueRow[]) => ({
  count: rows[0]?.total ?? 0,
  items: rows.map((r): DigestItem => ({ receipt: r.receipt, kind: r.kind, town: r.town, dueOn: r.due_on })),
});

export async function digestFigures(since: Date, now: Date, desk: string, sql: () => Sql = database): Promise<Digest> {
  const today = beijingDate(now);
  const soon = dayToDate(beijingDay(beijingMidnight(today)) + DUE_SOON_DAYS);
  const [arrived, overdue, dueSoon] = await Promise.all([
    sql().query<{ kind: RequestTypeId; town: string; count: number }>(ARRIVED, [
      since.toISOString(),
      now.toISOString(),
    ]),
    sql().query<DueRow>(DUE('due_on < $1::date'), [today]),
    sql().query<DueRow>(DUE('due_on BETWEEN $1::date AND $2::date'), [today, soon]),
  ]);
  return {
    date: today,
    since: beijingDate(since),
    arrived: arrived.rows,
    overdue: items(overdue.rows),
    dueSoon: items(dueSoon.rows),
    desk,
  };
}
