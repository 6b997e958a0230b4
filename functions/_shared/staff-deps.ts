/**
 * Wiring for the staff functions (staff.mts, stats.mts, retention.mts):
 * STAFF_TOKENS (who may sign in: src/lib/staff/tokens.ts), the server secret
 * (shared with the application functions), deadlines and the log. The staff
 * functions never see a private key: decryption happens on staff devices.
 */
import type { Context } from '@netlify/functions';
import type { StaffDeps } from '../../src/lib/staff/api/index.ts';
import { parseStaffTokens } from '../../src/lib/staff/tokens.ts';
import { consultStore } from '../../src/lib/store/consult.ts';
import { staffStore } from '../../src/lib/store/staff.ts';
import { answerLinks } from './answer-links.ts';
import './database.ts';
import { env, positiveNumber } from './env.ts';
import { log } from './log.ts';
import { sealerFromEnv, secretFor } from './secrets.ts';

let reported = '';

export function staffDepsFor(context: Partial<Context> | undefined): StaffDeps {
  const { secret, secretOk } = secretFor(context);
  const { staff, problems } = parseStaffTokens(env('STAFF_TOKENS'));
  const summary = problems.join('; ');
  if (summary && summary !== reported) {
    reported = summary;
    log({ event: 'staff-tokens-invalid', cid: '-', status: 0, detail: summary });
  }
  return {
    store: staffStore(secret),
    staff,
    secret,
    now: () => new Date(),
    log,
    // An export page reads up to 4 MB: a longer budget than a single submission.
    deadlineMs: positiveNumber('STAFF_DEADLINE_MS', 20_000),
    perCallMs: positiveNumber('STAFF_CALL_DEADLINE_MS', 15_000),
    retryAfter: 30,
    configured: secretOk,
    consult: consultStore(),
    answerLinks,
    sealer: sealerFromEnv(),
  };
}
