/**
 * Every night: delete the personal data of applications closed longer than
 * RETENTION_DAYS (src/lib/staff/retention.ts), write one audit entry, and
 * refresh the public statistics. Without RETENTION_DAYS nothing is deleted
 * (the period must come from the bureau) and the log says so.
 */
import type { Config } from '@netlify/functions';
import { retentionDays } from '../src/lib/staff/retention.ts';
import { env } from './_shared/env.ts';
import { secretFor } from './_shared/secrets.ts';
import { retentionJob } from './_shared/retention-job.ts';
import { staffStore } from './_shared/staff-store.ts';

export default async () => {
  await retentionJob(staffStore, new Date(), retentionDays(env('RETENTION_DAYS')), secretFor(undefined).secret);
};

export const config: Config = { schedule: '@daily' };
