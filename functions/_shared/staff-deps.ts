/**
 * Wiring for the staff functions (staff.mts, stats.mts, retention.mts):
 * STAFF_TOKENS (who may sign in: src/lib/staff/tokens.ts), the server secret
 * (shared with the application functions), deadlines and the log. The staff
 * functions never see a private key: decryption happens on staff devices.
 */
import type { Context } from '@netlify/functions';
import type { StaffDeps, StaffLogEntry } from '../../src/lib/staff/handlers.ts';
import { parseStaffTokens } from '../../src/lib/staff/tokens.ts';
import { env, secretFor } from './deps.ts';
import { staffStore } from './staff-store.ts';

function number(name: string, fallback: number): number {
  const n = Number(env(name));
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** One JSON line per request: correlation id, event, status, receipt, staff name. Never personal data or tokens. */
export function staffLog(entry: StaffLogEntry): void {
  console.log(JSON.stringify({ at: new Date().toISOString(), ...entry }));
}

let reported = '';

export function staffDepsFor(context: Partial<Context> | undefined): StaffDeps {
  const { secret, secretOk } = secretFor(context);
  const { staff, problems } = parseStaffTokens(env('STAFF_TOKENS'));
  const summary = problems.join('; ');
  if (summary && summary !== reported) {
    reported = summary;
    staffLog({ event: 'staff-tokens-invalid', cid: '-', status: 0, detail: summary });
  }
  return {
    store: staffStore,
    staff,
    secret,
    now: () => new Date(),
    log: staffLog,
    // Listing reads every record: a longer budget than a single submission.
    deadlineMs: number('STAFF_DEADLINE_MS', 20_000),
    perCallMs: number('STAFF_CALL_DEADLINE_MS', 15_000),
    retryAfter: 30,
    configured: secretOk,
  };
}
