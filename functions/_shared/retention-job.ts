/**
 * The nightly job behind functions/retention.mts, callable on demand (tests,
 * the benchmark): purge what is due in batches under a time budget
 * (src/lib/staff/retention.ts), then freeze any closed statistics period.
 *
 * It refuses to run on a deployed site without the real APPLICATIONS_SECRET:
 * its audit entries would be signed with the public development secret,
 * which anyone could forge. Without RETENTION_DAYS nothing is purged.
 */
import { retentionRun, type RetentionPolicy, type RetentionReport } from '../../src/lib/staff/retention.ts';
import { refreshStats } from '../../src/lib/staff/stats-refresh.ts';
import { retentionStore } from '../../src/lib/store/retention.ts';
import { jobStore, statsStore } from '../../src/lib/store/stats.ts';
import './database.ts';
import { log, logUnexpected } from './log.ts';

export interface RetentionJobOptions {
  now: Date;
  policy: RetentionPolicy | null;
  secret: string;
  /** false on a deployed site whose secret is the development one: refuse. */
  secretOk: boolean;
  batchSize?: number;
  /** Scheduled functions end after 30 s: stop starting batches after this. */
  budgetMs?: number;
}

export async function retentionJob(o: RetentionJobOptions): Promise<RetentionReport | null> {
  const cid = `retention-${o.now.toISOString()}`;
  if (!o.secretOk) {
    log({ event: 'retention-refused', cid, status: 503, detail: 'APPLICATIONS_SECRET is not set on a deployed site' });
    return null;
  }
  let report: RetentionReport | null = null;
  if (o.policy === null) {
    log({ event: 'retention-not-configured', cid, status: 0 });
  } else {
    try {
      report = await retentionRun(
        retentionStore(o.secret, () => new Date()),
        o.policy,
        o.now,
        {
          batchSize: o.batchSize ?? 500,
          budgetMs: o.budgetMs ?? 20_000,
        },
      );
      const detail = `batches ${report.batches}, purged ${report.purged.length}, skipped ${report.skipped}${report.stoppedEarly ? ', continues next run' : ''}`;
      log({ event: 'retention', cid, status: 200, detail });
    } catch (error) {
      logUnexpected(cid, error, 'retention-failed');
      throw error;
    }
  }
  try {
    const frozen = await refreshStats(statsStore(), jobStore(), o.now, cid);
    log({ event: 'stats-refreshed', cid, status: 200, detail: frozen === null ? 'busy' : frozen.join(',') });
  } catch (error) {
    logUnexpected(cid, error, 'stats-refresh-failed');
  }
  return report;
}
