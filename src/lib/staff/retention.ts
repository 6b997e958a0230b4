/**
 * Retention: personal data of closed applications is deleted after a period
 * the bureau sets (RETENTION_DAYS; 《中华人民共和国个人信息保护法》第十九条: no longer
 * than the purpose needs, 第四十七条: delete when the period ends).
 *
 * “Closed” is 已办结, 不予受理 or 已撤回; the period runs from the latest
 * history entry with that status. Purging keeps what the statistics need
 * (receipt, form type, town, category, dates and statuses) and deletes:
 *  - the sealed personal data;
 *  - the keyed hashes of the phone, the idempotency key and the content
 *    (status lookup and withdrawing stop working for that receipt);
 *  - the notes in the status history (written for the applicant).
 * Pure functions: the scheduled function (functions/retention.mts) and the
 * tests call the same code.
 */
import type { ApplicationRecord } from '../requests/record.ts';
import { FINAL_STATUSES, type Status } from '../requests/status.ts';

export const CLOSED_STATUSES: readonly Status[] = FINAL_STATUSES;
const DAY_MS = 86_400_000;

/** When the record reached its closed status (latest entry with it), or null while it is open. */
export function closedAt(r: ApplicationRecord): string | null {
  if (!CLOSED_STATUSES.includes(r.status.current)) return null;
  const last = [...r.status.history].reverse().find((h) => h.status === r.status.current);
  return last?.at ?? r.updatedAt;
}

export function isPurged(r: ApplicationRecord): boolean {
  return !!r.purgedAt;
}

/** Closed for longer than `days` whole days, and not purged yet. */
export function dueForPurge(r: ApplicationRecord, now: Date, days: number): boolean {
  if (isPurged(r)) return false;
  const at = closedAt(r);
  return !!at && now.getTime() - Date.parse(at) > days * DAY_MS;
}

export function purged(r: ApplicationRecord, now: Date): ApplicationRecord {
  return {
    ...r,
    updatedAt: now.toISOString(),
    purgedAt: now.toISOString(),
    meta: { ...r.meta, phoneHash: '', idemHash: '', submissionHash: '' },
    status: { current: r.status.current, history: r.status.history.map(({ status, at, by }) => ({ status, at, by })) },
    personal: null,
  };
}

/** RETENTION_DAYS from the environment: a whole number of days ≥ 1, or null (not configured: nothing is purged). */
export function retentionDays(value: string | undefined): number | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= 36_500 ? n : null;
}

export interface RetentionReport {
  checked: number;
  purged: string[];
  failed: number;
}

/**
 * Runs the purge over a store: every record due is replaced by its purged
 * form (only if unchanged since it was read: etag). Returns what happened,
 * receipts only.
 */
export async function runRetention(
  store: {
    listRecords(): Promise<{ record: ApplicationRecord; etag?: string }[]>;
    replaceRecord(record: ApplicationRecord, etag: string | undefined): Promise<{ written: boolean }>;
  },
  now: Date,
  days: number,
): Promise<RetentionReport> {
  const all = await store.listRecords();
  const report: RetentionReport = { checked: all.length, purged: [], failed: 0 };
  for (const { record, etag } of all) {
    if (!dueForPurge(record, now, days)) continue;
    try {
      const out = await store.replaceRecord(purged(record, now), etag);
      if (out.written) report.purged.push(record.receipt);
      else report.failed++;
    } catch {
      report.failed++;
    }
  }
  return report;
}
