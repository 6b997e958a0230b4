/**
 * Who is calling. Three steps, each one atomic statement in the database
 * (src/lib/store/staff.ts), so parallel guesses cannot race past the lockout:
 *   1. admit: count this attempt for the client address BEFORE its token is
 *      checked; a locked client, or one with as many attempts in flight and
 *      failed as the limit allows, gets 429 without its token being looked at;
 *      (the same statement reads whether the token's hash is revoked);
 *   2. the token against STAFF_TOKENS in constant time, then its expiry date
 *      and the revocation list;
 *   3. a failure is counted (locking the client at the limit); a success
 *      releases the attempt and clears the client's failures.
 * Failures are audited in aggregate: the first failure of a window, and the
 * lock with the number of failures and of requests turned away, not one entry
 * per guess.
 */
import { createHmac } from 'node:crypto';
import { HttpError } from '../../http/errors.ts';
import { beijingDate } from '../../time.ts';
import { DEFAULT_LOCK_POLICY } from '../lockout.ts';
import { bearer, expired, findStaff, tokenHash, type StaffMember } from '../tokens.ts';
import { STAFF_MESSAGES, type StaffCall } from './context.ts';

function clientId(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`ip\u0000${ip}`).digest('hex').slice(0, 32);
}

function lockedError(ms: number): HttpError {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return new HttpError(429, 'locked', STAFF_MESSAGES.locked(minutes), { 'Retry-After': String(Math.ceil(ms / 1000)) });
}

type Refusal = 'no-token' | 'wrong-token' | 'expired' | 'revoked';

/** The staff member for the token, or why not. */
function check(call: StaffCall, token: string, revoked: boolean): StaffMember | Refusal {
  const who = findStaff(call.deps.staff, token);
  if (!who) return token ? 'wrong-token' : 'no-token';
  if (expired(who, beijingDate(call.deps.now()))) return 'expired';
  return revoked ? 'revoked' : who;
}

async function refuse(call: StaffCall, client: string, reason: Refusal): Promise<never> {
  const policy = call.deps.lockPolicy ?? DEFAULT_LOCK_POLICY;
  const now = call.deps.now().getTime();
  const out = await call.deadline.run('count failure', (s) => call.deps.store.signInFailed(client, now, policy, s));
  const tag = client.slice(0, 12);
  if (out.failures === 1) await call.audit({ actor: null, action: 'sign-in-failed', detail: { client: tag, reason } });
  if (out.lockedNow) {
    const minutes = Math.round(policy.lockMs / 60_000);
    const detail = { client: tag, failures: out.failures, refused: out.refused, minutes };
    await call.audit({ actor: null, action: 'lockout', detail });
    throw lockedError(policy.lockMs);
  }
  const message =
    reason === 'expired'
      ? STAFF_MESSAGES.expired
      : reason === 'revoked'
        ? STAFF_MESSAGES.revoked
        : reason === 'wrong-token'
          ? STAFF_MESSAGES.wrongToken
          : STAFF_MESSAGES.unauthorised;
  throw new HttpError(401, reason === 'no-token' ? 'unauthorised' : reason, message, {
    'WWW-Authenticate': 'Bearer realm="staff"',
  });
}

export async function authenticate(call: StaffCall, ip: string): Promise<StaffMember> {
  const { deps } = call;
  const policy = deps.lockPolicy ?? DEFAULT_LOCK_POLICY;
  const client = clientId(deps.secret, ip || 'unknown');
  const now = deps.now().getTime();
  const token = bearer(call.req);
  const hash = tokenHash(token);
  const admission = await call.deadline.run('admit', (s) => deps.store.admitSignIn(client, now, policy, hash, s));
  if (!admission.admitted) {
    throw lockedError(admission.lockedUntil && admission.lockedUntil > now ? admission.lockedUntil - now : 60_000);
  }
  const who = check(call, token, admission.revoked);
  if (typeof who === 'string') return refuse(call, client, who);
  // Releasing the attempt is best effort: a failure here only delays this address by one attempt.
  await call.deadline.run('release', (s) => deps.store.signInSucceeded(client, now, s)).catch(() => undefined);
  return who;
}
