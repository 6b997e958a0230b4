/**
 * Lockout after repeated sign-in failures, per client address. Pure state
 * transitions; the state lives in Netlify Blobs (store `staff-auth`, key
 * lockout/<HMAC of the address>, see functions/_shared/staff-store.ts), so it
 * holds across function instances. The address itself is never stored.
 *
 * Staff tokens are 256 random bits: guessing is hopeless anyway. The lockout
 * keeps a stolen-laptop or scripted attempt noisy and slow, and shows up in
 * the audit trail. In an office where everyone shares one address, one
 * person's typos count for all: the threshold is set for that (10 failures in
 * 15 minutes), and the desk says how long to wait.
 */
export interface LockState {
  /** Times (ms) of failures within the window. */
  failures: number[];
  /** Locked until this time (ms), when set. */
  lockedUntil?: number;
}

export interface LockPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export function lockedFor(state: LockState | null, now: number): number {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil - now : 0;
}

/** The state after one more failure; lockedNow is true when this failure started a lock. */
export function afterFailure(
  state: LockState | null,
  now: number,
  policy: LockPolicy = DEFAULT_LOCK_POLICY,
): { state: LockState; lockedNow: boolean } {
  const recent = (state?.failures ?? [])
    .filter((t) => now - t < policy.windowMs)
    .concat(now)
    .slice(-policy.maxFailures);
  const alreadyLocked = lockedFor(state, now) > 0;
  if (!alreadyLocked && recent.length >= policy.maxFailures) {
    return { state: { failures: [], lockedUntil: now + policy.lockMs }, lockedNow: true };
  }
  return {
    state: { failures: recent, ...(alreadyLocked ? { lockedUntil: state!.lockedUntil } : {}) },
    lockedNow: false,
  };
}
