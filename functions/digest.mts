/**
 * 网上申请每日提醒: on working mornings (Monday to Friday, 08:00–11:00 Beijing
 * time, hourly), a digest for staff to a group robot (STAFF_DIGEST_WEBHOOK):
 * new requests per town and kind, those due within two days, those overdue —
 * counts and receipts only (src/lib/staff/digest.ts). The first run of the
 * morning that succeeds sends it; the later ones see it was sent and stop, or
 * try again after a failure. Public holidays are not modelled.
 */
import type { Config } from '@netlify/functions';
import { digestJob } from './_shared/digest-job.ts';
import { env } from './_shared/env.ts';

export default async () => {
  await digestJob({
    now: new Date(),
    webhook: env('STAFF_DIGEST_WEBHOOK'),
    format: env('STAFF_DIGEST_FORMAT'),
    secret: env('STAFF_DIGEST_SECRET'),
    desk: new URL('staff/', `${env('URL') ?? 'http://localhost:8888'}${env('SITE_BASE') ?? '/'}`).toString(),
  });
};

// Cron in UTC: 00:00–03:00 UTC is 08:00–11:00 in Beijing.
export const config: Config = { schedule: '0 0-3 * * 1-5' };
