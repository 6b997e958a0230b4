/**
 * The nightly job behind functions/retention.mts, callable on demand (tests):
 * purge personal data of records closed longer than the retention period,
 * append one audit entry naming the receipts, refresh the public statistics.
 */
import { Deadline } from '../../src/lib/store/deadline.ts';
import { newAuditEntry } from '../../src/lib/staff/audit.ts';
import { runRetention, type RetentionReport } from '../../src/lib/staff/retention.ts';
import { refreshStats } from '../../src/lib/staff/stats-page.ts';
import type { StaffStore } from '../../src/lib/staff/store.ts';
import { log as staffLog } from './log.ts';

export async function retentionJob(
  store: StaffStore,
  now: Date,
  days: number | null,
  secret: string,
): Promise<RetentionReport | null> {
  const cid = `retention-${now.toISOString()}`;
  let report: RetentionReport | null = null;
  if (days === null) {
    staffLog({ event: 'retention-not-configured', cid, status: 0 });
  } else {
    report = await runRetention(
      { listRecords: () => store.listRecords(), replaceRecord: (r, etag) => store.replaceRecord(r, etag) },
      now,
      days,
    );
    if (report.purged.length || report.failed) {
      await store.appendAudit(
        newAuditEntry(
          secret,
          {
            actor: 'system',
            action: 'retention',
            receipts: report.purged,
            detail: { days, count: report.purged.length, failed: report.failed },
          },
          now,
        ),
      );
    }
    staffLog({
      event: 'retention',
      cid,
      status: 200,
      detail: `checked ${report.checked}, purged ${report.purged.length}, failed ${report.failed}`,
    });
  }
  await refreshStats({ store, now: () => now }, new Deadline(60_000, 60_000)).catch(() =>
    staffLog({ event: 'stats-refresh-failed', cid, status: 503 }),
  );
  return report;
}
