/**
 * Retention: personal data of applications is deleted after a period the
 * bureau sets (《中华人民共和国个人信息保护法》第十九条: no longer than the purpose
 * needs; 第四十七条: delete when the period ends).
 *
 *  - RETENTION_DAYS: days after an application closed (已办结, 不予受理 or
 *    已撤回; counted from the latest history entry with that status);
 *  - RETENTION_MAX_AGE_DAYS: days after receipt for an application that never
 *    closes (forgotten, or waiting for an applicant who never came back), so
 *    no record keeps personal data for ever. Default: RETENTION_DAYS + 365.
 *
 * Purging keeps what the statistics need (receipt, form type, town, category,
 * dates and statuses) and deletes:
 *  - the sealed personal data;
 *  - the keyed hashes of the phone, the idempotency key and the content
 *    (status lookup and withdrawing stop working for that receipt);
 *  - the notes in the status history (written for the applicant).
 *
 * The job works in batches under a deadline (retentionRun): before each batch
 * an audit entry names the receipts it is about to purge, after it an entry
 * names those purged. Killed anywhere, the next run simply finds the records
 * still due and starts a new batch, so every purged receipt has an entry
 * written before its purge.
 */
import type { ApplicationRecord } from '../requests/record.ts';

export { closedAt } from '../requests/lifecycle.ts';

export const DAY_MS = 86_400_000;

export interface RetentionPolicy {
  /** Days after closing. */
  days: number;
  /** Days after receipt, for records that never close. */
  maxAgeDays: number;
}

export function isPurged(r: ApplicationRecord): boolean {
  return !!r.purgedAt;
}

/** The purged form of a record: metadata for the statistics stay, everything personal goes. */
export function purged(r: ApplicationRecord, now: Date): ApplicationRecord {
  return {
    ...r,
    updatedAt: now.toISOString(),
    purgedAt: now.toISOString(),
    meta: { ...r.meta, phoneCheck: '', idemHash: '', submissionHash: '' },
    status: { current: r.status.current, history: r.status.history.map(({ status, at, by }) => ({ status, at, by })) },
    personal: null,
  };
}

/** A whole number of days ≥ 1 from the environment, or null (not configured). */
function wholeDays(value: string | undefined): number | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= 36_500 ? n : null;
}

/** RETENTION_DAYS from the environment, or null (not configured: nothing is purged, and a deployed site takes no submissions). */
export function retentionDays(value: string | undefined): number | null {
  return wholeDays(value);
}

/** The whole policy, or null when RETENTION_DAYS is missing. */
export function retentionPolicy(days: string | undefined, maxAge: string | undefined): RetentionPolicy | null {
  const d = wholeDays(days);
  if (d === null) return null;
  return { days: d, maxAgeDays: Math.max(d, wholeDays(maxAge) ?? d + 365) };
}

/** The instants before which a record is due: closed before `closedBefore`, or received before `receivedBefore`. */
export function dueBefore(policy: RetentionPolicy, now: Date): { closedBefore: Date; receivedBefore: Date } {
  return {
    closedBefore: new Date(now.getTime() - policy.days * DAY_MS),
    receivedBefore: new Date(now.getTime() - policy.maxAgeDays * DAY_MS),
  };
}

export interface RetentionStore {
  /** Up to `limit` receipts due for purging, oldest first. */
  dueReceipts(before: { closedBefore: Date; receivedBefore: Date }, limit: number): Promise<string[]>;
  /** The records themselves, with their versions. */
  records(receipts: string[]): Promise<{ record: ApplicationRecord; version: number }[]>;
  /** Replaces each record by its purged form if unchanged since read; one statement; returns the receipts written. */
  purge(batch: { record: ApplicationRecord; version: number }[]): Promise<string[]>;
  /** Appends an audit entry (retention-start before a batch, retention after). */
  audit(
    action: 'retention-start' | 'retention',
    receipts: string[],
    detail: Record<string, string | number>,
  ): Promise<void>;
}

export interface RetentionReport {
  batches: number;
  purged: string[];
  /** Records due but changed between reading and purging (picked up by the next batch or run). */
  skipped: number;
  /** Stopped because the time budget ran out (the next run continues). */
  stoppedEarly: boolean;
  /** Milliseconds per batch. */
  batchMs: number[];
}

export interface RetentionOptions {
  batchSize: number;
  /** Stop starting new batches after this many milliseconds. */
  budgetMs: number;
  clock?: () => number;
}

/** One batch: intent entry, purge, completion entry. Returns the receipts purged and those skipped. */
async function retentionBatch(store: RetentionStore, due: string[], policy: RetentionPolicy, now: Date) {
  await store.audit('retention-start', due, { days: policy.days, maxAgeDays: policy.maxAgeDays, count: due.length });
  const found = await store.records(due);
  const done = await store.purge(found.map(({ record, version }) => ({ record: purged(record, now), version })));
  await store.audit('retention', done, { count: done.length, skipped: due.length - done.length });
  return { done, skipped: due.length - done.length };
}

/**
 * Purges what is due, batch by batch, until nothing is due or the time budget
 * is spent. Safe to run again at any time (it only ever looks for records
 * still due).
 */
export async function retentionRun(
  store: RetentionStore,
  policy: RetentionPolicy,
  now: Date,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const clock = options.clock ?? Date.now;
  const start = clock();
  const report: RetentionReport = { batches: 0, purged: [], skipped: 0, stoppedEarly: false, batchMs: [] };
  const seen = new Set<string>();
  for (;;) {
    if (clock() - start > options.budgetMs) {
      report.stoppedEarly = true;
      return report;
    }
    // A record skipped in this run (changed meanwhile) is not retried in the same run: no endless loop.
    const due = (await store.dueReceipts(dueBefore(policy, now), options.batchSize)).filter((r) => !seen.has(r));
    if (due.length === 0) return report;
    const t = clock();
    const { done, skipped } = await retentionBatch(store, due, policy, now);
    for (const r of due) seen.add(r);
    report.batches++;
    report.purged.push(...done);
    report.skipped += skipped;
    report.batchMs.push(clock() - t);
  }
}
