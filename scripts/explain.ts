/**
 * A query's plan as the database chooses it (EXPLAIN, no costs, so plans
 * compare across runs), and which tables it would read whole. Used by the
 * plan tests (tests/functions/store.test.ts) and the database benchmark.
 */
import type { Sql } from '../src/lib/store/db.ts';

export interface PlanSummary {
  /** The plan, one node per line. */
  text: string;
  /** Tables read by a sequential scan (whole). */
  seqScans: string[];
}

export async function planSummary(sql: Sql, text: string, values: readonly unknown[]): Promise<PlanSummary> {
  const { rows } = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${text}`, values);
  const lines = rows.map((r) => r['QUERY PLAN']);
  const seqScans = lines.flatMap((l) => /Seq Scan on (\w+)/.exec(l)?.[1] ?? []);
  return { text: lines.join('\n'), seqScans };
}
