/**
 * Dates every kind of request has in its lifecycle, derived from its status
 * history: when it was first accepted, first decided (受理 or 不予受理), when it
 * reached its current final status, and the last day of a decision still owed.
 * The store keeps them as columns (requests.accepted_at, decided_at,
 * closed_at, due_on) so statistics, retention, the desk's queue and the
 * morning digest are index lookups, not reads of every history.
 */
import { decisionLastDay } from '../staff/deadline.ts';
import type { ApplicationRecord } from './record.ts';
import { isRequestTypeId, requestType } from './registry.ts';
import { FINAL_STATUSES, type Status } from './status.ts';

const DECISIONS: readonly Status[] = ['已受理', '不予受理'];

/** When the record reached its final status (latest entry with it), or null while it is open. */
export function closedAt(r: Pick<ApplicationRecord, 'status' | 'updatedAt'>): string | null {
  if (!FINAL_STATUSES.includes(r.status.current)) return null;
  const last = [...r.status.history].reverse().find((h) => h.status === r.status.current);
  return last?.at ?? r.updatedAt;
}

export interface LifecycleDates {
  acceptedAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  /** Beijing date, or null when no decision is owed. */
  dueOn: string | null;
}

export function lifecycleDates(r: ApplicationRecord): LifecycleDates {
  const first = (statuses: readonly Status[]) => r.status.history.find((h) => statuses.includes(h.status))?.at ?? null;
  // A kind with its own decision (法律咨询: the answer) is decided by it; the others by 受理 or 不予受理.
  const decidedBy = isRequestTypeId(r.formType) ? requestType(r.formType).decision?.decidedBy : undefined;
  return {
    acceptedAt: first(['已受理']),
    decidedAt: first(decidedBy ?? DECISIONS),
    closedAt: closedAt(r),
    dueOn: decisionLastDay(r),
  };
}
