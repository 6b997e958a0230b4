/**
 * Who is calling: the client address's lockout state first (429 while
 * locked), then the token from “Authorization: Bearer …” against
 * STAFF_TOKENS in constant time (401, counted towards the lockout, audited).
 */
import { createHmac } from 'node:crypto';
import { HttpError } from '../../http/errors.ts';
import { afterFailure, DEFAULT_LOCK_POLICY, lockedFor, type LockState } from '../lockout.ts';
import { bearer, findStaff, type StaffMember } from '../tokens.ts';
import { STAFF_MESSAGES, type StaffCall } from './context.ts';

function clientId(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`ip\u0000${ip}`).digest('hex').slice(0, 32);
}

function lockedError(ms: number, minutes = Math.ceil(ms / 60_000)): HttpError {
  return new HttpError(429, 'locked', STAFF_MESSAGES.locked(minutes), { 'Retry-After': String(Math.ceil(ms / 1000)) });
}

/** Counts one failure for this address; true when it started a lock. */
async function countFailure(
  call: StaffCall,
  client: string,
  first: { state: LockState; etag?: string } | null,
): Promise<boolean> {
  const policy = call.deps.lockPolicy ?? DEFAULT_LOCK_POLICY;
  const now = call.deps.now().getTime();
  const { store } = call.deps;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = attempt === 0 ? first : await call.deadline.run('get lock', (s) => store.getLock(client, s));
    const next = afterFailure(current?.state ?? null, now, policy);
    const out = await call.deadline.run('put lock', (s) => store.putLock(client, next.state, current ?? null, s));
    if (out.written) return next.lockedNow;
  }
  return false;
}

export async function authenticate(call: StaffCall, ip: string): Promise<StaffMember> {
  const { deps } = call;
  const policy = deps.lockPolicy ?? DEFAULT_LOCK_POLICY;
  const client = clientId(deps.secret, ip || 'unknown');
  const lock = await call.deadline.run('get lock', (s) => deps.store.getLock(client, s));
  const wait = lockedFor(lock?.state ?? null, deps.now().getTime());
  if (wait > 0) throw lockedError(wait);
  const token = bearer(call.req);
  const who = findStaff(deps.staff, token);
  if (!who) {
    const lockedNow = await countFailure(call, client, lock);
    const reason = token ? 'wrong-token' : 'no-token';
    await call.audit({ actor: null, action: 'sign-in-failed', detail: { client: client.slice(0, 12), reason } });
    if (lockedNow) {
      const minutes = Math.round(policy.lockMs / 60_000);
      await call.audit({ actor: null, action: 'lockout', detail: { client: client.slice(0, 12), minutes } });
      throw lockedError(policy.lockMs, minutes);
    }
    const message = token ? STAFF_MESSAGES.wrongToken : STAFF_MESSAGES.unauthorised;
    throw new HttpError(401, token ? 'wrong-token' : 'unauthorised', message, {
      'WWW-Authenticate': 'Bearer realm="staff"',
    });
  }
  if (lock && lock.state.failures.length > 0) {
    // A good sign-in clears earlier typos from this address (best effort).
    await call.deadline
      .run('put lock', (s) => deps.store.putLock(client, { failures: [] }, lock, s))
      .catch(() => undefined);
  }
  return who;
}
