/**
 * Every night: delete the personal data of applications whose retention
 * period has passed (src/lib/staff/retention.ts), in batches with an audit
 * entry before and after each, then freeze the statistics of any period that
 * has closed. Without RETENTION_DAYS nothing is deleted (the period must come
 * from the bureau) and the log says so; on a deployed site without the real
 * APPLICATIONS_SECRET it refuses to run.
 */
import type { Config, Context } from '@netlify/functions';
import { retentionPolicy } from '../src/lib/staff/retention.ts';
import { env } from './_shared/env.ts';
import { retentionJob } from './_shared/retention-job.ts';
import { secretFor } from './_shared/secrets.ts';

export default async (_req: Request, context: Context) => {
  const { secret, secretOk } = secretFor(context);
  await retentionJob({
    now: new Date(),
    policy: retentionPolicy(env('RETENTION_DAYS'), env('RETENTION_MAX_AGE_DAYS')),
    secret,
    secretOk,
  });
};

export const config: Config = { schedule: '@daily' };
