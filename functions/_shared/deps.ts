/**
 * Wiring for the request functions (apply, status, withdraw): the store, the
 * secrets, the page shell, deadlines and the log. Everything else is in
 * src/lib/requests/.
 */
import { consultStore } from '../../src/lib/store/consult.ts';
import { SCHEDULE } from '../../src/lib/consult/service-days.ts';
import type { Context } from '@netlify/functions';
import type { HandlerDeps } from '../../src/lib/requests/handlers/index.ts';
import { MESSAGES } from '../../src/lib/requests/messages.ts';
import { retentionPolicy } from '../../src/lib/staff/retention.ts';
import { requestStore } from '../../src/lib/store/requests.ts';
import './database.ts';
import { env, positiveNumber, siteBase } from './env.ts';
import { log } from './log.ts';
import { isDeployed, refusingSealer, sealerFromEnv, secretFor } from './secrets.ts';
import { shell } from './shell.ts';

/**
 * Why a deployed site takes no new submissions, or undefined. Without a
 * retention period the privacy notice's “then deleted automatically” would be
 * false, so a deployed site refuses rather than keep data without limit.
 */
export function submissionsRefused(context: Partial<Context> | undefined): string | undefined {
  if (!isDeployed(context)) return undefined;
  return retentionPolicy(env('RETENTION_DAYS'), env('RETENTION_MAX_AGE_DAYS')) ? undefined : MESSAGES.noRetention;
}

export function depsFor(context: Partial<Context> | undefined): HandlerDeps {
  const { secret, secretOk } = secretFor(context);
  const sealer = sealerFromEnv();
  return {
    store: requestStore(secret),
    secret,
    sealer: sealer ?? refusingSealer,
    now: () => new Date(),
    base: siteBase(),
    deadlineMs: positiveNumber('APPLICATIONS_DEADLINE_MS', 6000),
    perCallMs: positiveNumber('APPLICATIONS_CALL_DEADLINE_MS', 3000),
    retryAfter: 30,
    log,
    // Refuse (503) rather than store anything unencrypted or under the public development secret.
    configured: secretOk && sealer !== null,
    submissionsRefused: submissionsRefused(context),
    shell,
    consult: consultStore(),
    schedule: SCHEDULE,
  };
}
