/**
 * The morning digest job behind functions/digest.mts, callable on demand
 * (tests): at most one digest a day (the jobs table's lease and its last
 * success), covering everything since the last one sent (so Monday's covers
 * the weekend). A webhook that fails or refuses is logged and recorded, and
 * the next scheduled run, an hour later, tries again.
 */
import { digestAccepted, digestFormat, digestRequest } from '../../src/lib/staff/digest.ts';
import { digestFigures } from '../../src/lib/store/digest.ts';
import { jobStore } from '../../src/lib/store/stats.ts';
import { beijingDate } from '../../src/lib/time.ts';
import './database.ts';
import { log, logUnexpected } from './log.ts';

export const DIGEST_JOB = 'staff-digest';

export interface DigestOptions {
  now: Date;
  /** STAFF_DIGEST_WEBHOOK */
  webhook: string | undefined;
  /** STAFF_DIGEST_FORMAT: wecom, dingtalk or json (else guessed from the address). */
  format: string | undefined;
  /** STAFF_DIGEST_SECRET: DingTalk's signing secret (加签), when the robot has one. */
  secret: string | undefined;
  /** The desk's address: the site's URL + /staff/. */
  desk: string;
  fetch?: typeof fetch;
}

export type DigestOutcome = 'not-configured' | 'busy' | 'already-sent' | 'sent' | 'failed';

export async function digestJob(o: DigestOptions): Promise<DigestOutcome> {
  const cid = `digest-${o.now.toISOString()}`;
  if (!o.webhook || !URL.canParse(o.webhook)) {
    log({ event: 'digest-not-configured', cid, status: 0 });
    return 'not-configured';
  }
  const jobs = jobStore();
  if (!(await jobs.lease(DIGEST_JOB, cid, o.now, new Date(o.now.getTime() + 5 * 60_000)))) return 'busy';
  try {
    const last = (await jobs.state(DIGEST_JOB))?.lastOkAt;
    if (last && beijingDate(last) === beijingDate(o.now)) {
      await jobs.finish(DIGEST_JOB, cid, new Date(last));
      return 'already-sent';
    }
    const since = last ? new Date(last) : new Date(o.now.getTime() - 86_400_000);
    const figures = await digestFigures(since, o.now, o.desk);
    const format = digestFormat(o.format, o.webhook);
    const req = digestRequest(figures, format, o.webhook, o.secret, o.now);
    const res = await (o.fetch ?? fetch)(req.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: req.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!digestAccepted(format, res.status, text)) throw new Error(`webhook answered ${res.status}`);
    await jobs.finish(DIGEST_JOB, cid, o.now);
    log({ event: 'digest-sent', cid, status: 200, detail: `${format}, overdue ${figures.overdue.count}` });
    return 'sent';
  } catch (error) {
    logUnexpected(cid, error, 'digest-failed');
    await jobs.finish(DIGEST_JOB, cid, o.now, error instanceof Error ? error.message.slice(0, 100) : 'failed');
    return 'failed';
  }
}
