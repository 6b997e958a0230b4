/**
 * Wiring for the request functions (apply, status, withdraw): the store, the
 * secrets, the page shell, deadlines and the log. Everything else is in
 * src/lib/requests/.
 */
import type { Context } from '@netlify/functions';
import type { HandlerDeps } from '../../src/lib/requests/handlers/index.ts';
import { blobsStore } from './blobs-store.ts';
import { positiveNumber, siteBase } from './env.ts';
import { log } from './log.ts';
import { refusingSealer, sealerFromEnv, secretFor } from './secrets.ts';
import { shell } from './shell.ts';

export function depsFor(context: Partial<Context> | undefined): HandlerDeps {
  const { secret, secretOk } = secretFor(context);
  const sealer = sealerFromEnv();
  return {
    store: blobsStore,
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
    shell,
  };
}
