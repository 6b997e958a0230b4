/**
 * Lockout after repeated sign-in failures, per client address (an HMAC of it:
 * the address itself is never stored). The state is one row per client in
 * the database (table staff_lockouts), changed only by single atomic
 * statements (src/lib/store/staff.ts, api/auth.ts), so it holds across
 * function instances and under parallel guesses: an attempt is counted
 * before its token is checked.
 *
 * Staff tokens are 256 random bits: guessing is hopeless anyway. The lockout
 * keeps a stolen-laptop or scripted attempt noisy and slow, and shows up in
 * the audit trail. In an office where everyone shares one address, one
 * person's typos count for all: the threshold is set for that (10 failures in
 * 15 minutes), and the desk says how long to wait.
 */
export interface LockPolicy {
  /** Failures (and attempts in flight) allowed per window. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
