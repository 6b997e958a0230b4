/**
 * Queries behind the public statistics and the jobs' leases. A month's raw
 * counts come from the indexed lifecycle columns of `requests`
 * (created_at, accepted_at, decided_at, closed_at): one grouped query per
 * month, never a read of every record. Frozen periods are inserted once
 * (ON CONFLICT DO NOTHING) and never updated.
 */
import type { FrozenPeriod, JobStore, StatsStore } from '../staff/stats-refresh.ts';
import type { PeriodRaw } from '../staff/stats.ts';
import { beijingYearMonth } from '../time.ts';
import { asJson, database, iso, type Sql } from './db.ts';

export const MONTH = `SELECT kind, town,
    count(*) FILTER (WHERE created_at >= $1 AND created_at < $2 AND status <> '已撤回')::int AS received,
    count(*) FILTER (WHERE accepted_at >= $1 AND accepted_at < $2)::int AS accepted,
    count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2 AND status IN ('已办结', '不予受理'))::int AS closed,
    array_agg(extract(epoch FROM (decided_at - created_at))::float8)
      FILTER (WHERE decided_at >= $1 AND decided_at < $2) AS decision_seconds
  FROM requests
  WHERE (created_at >= $1 AND created_at < $2) OR (accepted_at >= $1 AND accepted_at < $2)
     OR (decided_at >= $1 AND decided_at < $2) OR (closed_at >= $1 AND closed_at < $2)
  GROUP BY kind, town`;

interface MonthRow {
  kind: string;
  town: string;
  received: number;
  accepted: number;
  closed: number;
  decision_seconds: number[] | null;
}

export function statsStore(sql: () => Sql = database): StatsStore {
  return {
    async firstMonth() {
      const { rows } = await sql().query<{ first: unknown }>('SELECT min(created_at) AS first FROM requests');
      if (!rows[0]?.first) return null;
      const { year, month } = beijingYearMonth(iso(rows[0].first));
      return `${year}-${String(month).padStart(2, '0')}`;
    },
    async frozen() {
      const { rows } = await sql().query<{ period: string; frozen_at: unknown; raw: PeriodRaw; published: unknown }>(
        'SELECT period, frozen_at, raw, published FROM stats_periods ORDER BY period',
      );
      return rows.map((r) => ({
        period: r.period,
        frozenAt: iso(r.frozen_at),
        raw: r.raw,
        published: r.published as FrozenPeriod['published'],
      }));
    },
    async monthRaw(start, end) {
      const { rows } = await sql().query<MonthRow>(MONTH, [start.toISOString(), end.toISOString()]);
      const raw: PeriodRaw = {};
      for (const r of rows) {
        const kind = (raw[r.kind as keyof PeriodRaw] ??= {});
        kind[r.town] = {
          received: r.received,
          accepted: r.accepted,
          closed: r.closed,
          days: (r.decision_seconds ?? []).map((s) => s / 86_400),
        };
      }
      return raw;
    },
    async freeze(p) {
      const { rows } = await sql().query(
        'INSERT INTO stats_periods (period, frozen_at, raw, published) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING period',
        [p.period, p.frozenAt, asJson(p.raw), asJson(p.published)],
      );
      return rows.length === 1;
    },
  };
}

const LEASE = `INSERT INTO job_runs AS j (name, holder, lease_until) VALUES ($1, $2, $4::timestamptz)
  ON CONFLICT (name) DO UPDATE SET holder = $2, lease_until = $4::timestamptz
    WHERE j.lease_until IS NULL OR j.lease_until <= $3::timestamptz
  RETURNING holder`;

const FINISH_OK = `UPDATE job_runs SET holder = NULL, lease_until = NULL, last_ok_at = $3, failures = 0
  WHERE name = $1 AND holder = $2`;
const FINISH_FAILED = `UPDATE job_runs SET holder = NULL, lease_until = NULL, last_error_at = $3, last_error = $4,
    failures = failures + 1
  WHERE name = $1 AND holder = $2`;

export function jobStore(sql: () => Sql = database): JobStore & {
  state(name: string): Promise<{ lastOkAt: string | null; lastErrorAt: string | null; failures: number } | null>;
} {
  return {
    async lease(name, holder, now, until) {
      const { rows } = await sql().query(LEASE, [name, holder, now.toISOString(), until.toISOString()]);
      return rows.length === 1;
    },
    async finish(name, holder, now, error) {
      if (error) await sql().query(FINISH_FAILED, [name, holder, now.toISOString(), error.slice(0, 200)]);
      else await sql().query(FINISH_OK, [name, holder, now.toISOString()]);
    },
    async state(name) {
      const { rows } = await sql().query<{ last_ok_at: unknown; last_error_at: unknown; failures: number }>(
        'SELECT last_ok_at, last_error_at, failures FROM job_runs WHERE name = $1',
        [name],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        lastOkAt: r.last_ok_at ? iso(r.last_ok_at) : null,
        lastErrorAt: r.last_error_at ? iso(r.last_error_at) : null,
        failures: r.failures,
      };
    },
  };
}
