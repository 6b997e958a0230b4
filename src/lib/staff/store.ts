/**
 * What the staff API needs from storage, as an interface (the Postgres
 * implementation is src/lib/store/staff.ts). Queries, not scans: the desk
 * asks for one page of one queue, counts come from indexes, the audit trail
 * is read a page at a time. Note what is missing on purpose: there is no way
 * to change or delete an audit entry.
 */
import type { ApplicationRecord } from '../requests/record.ts';
import type { ApplicationStore, StoredRecord } from '../requests/store.ts';
import type { Status } from '../requests/status.ts';
import type { AuditEntry } from './audit.ts';
import type { LockPolicy } from './lockout.ts';
import type { Cursor, Filters, Sort } from './records.ts';

export type { StoredRecord } from '../requests/store.ts';

/** Whose records: the whole city, or some towns. */
export interface Scope {
  cityWide: boolean;
  towns: readonly string[];
}

export interface ListQuery {
  filters: Filters;
  scope: Scope;
  /** Today's Beijing date: overdue and due-soon are counted from it. */
  today: string;
  sort: Sort;
  after?: Cursor;
  limit: number;
  /** Read the sealed personal half too (exports); lists leave it out and show its key id. */
  withPersonal?: boolean;
}

export interface Page<T> {
  items: T[];
  /** More rows follow; the caller makes the cursor from the last item. */
  more: boolean;
}

/** Per status, under every filter but the status and the deadline filters. */
export interface StatusCount {
  status: Status;
  total: number;
  overdue: number;
  soon: number;
  /** Records still holding personal data, under every filter including the deadline filter. */
  withPersonal: number;
  /** Records under every filter including the deadline filter. */
  shown: number;
}

/** One booking on a service day's list. */
export interface DayBooking {
  receipt: string;
  /** The slot id (src/lib/consult/service-days.ts slotId). */
  slot: string;
  status: Status;
  town: string;
  personal: ApplicationRecord['personal'];
}

export interface AuditQuery {
  /** Entries at or after this instant (ISO), and before `to`. */
  from: string;
  to: string;
  receipt?: string;
  /** Town offices see entries about their towns and their own actions. */
  viewer: { name: string; cityWide: boolean; towns: readonly string[] };
  before?: { at: string; id: string };
  limit: number;
}

export interface Admission {
  /** May this request's token be checked at all? (false: locked, or too many attempts in flight) */
  admitted: boolean;
  /** Locked until this time (ms), or null. */
  lockedUntil: number | null;
  /** Is the presented token's hash on the revocation list? (read in the same statement) */
  revoked: boolean;
}

export interface FailureOutcome {
  /** Failures in the current window, this one included. */
  failures: number;
  /** This failure started the lock (exactly one request sees true). */
  lockedNow: boolean;
  /** Requests turned away unchecked in this window. */
  refused: number;
}

export interface StaffStore extends ApplicationStore {
  listRecords(q: ListQuery, signal?: AbortSignal): Promise<Page<StoredRecord>>;
  countRecords(q: Omit<ListQuery, 'sort' | 'after' | 'limit'>, signal?: AbortSignal): Promise<StatusCount[]>;
  /** The sealed halves of these receipts, those in scope only (for the desk's page). */
  sealedHalves(
    receipts: string[],
    scope: Scope,
    signal?: AbortSignal,
  ): Promise<{ receipt: string; personal: ApplicationRecord['personal'] }[]>;
  /**
   * The bookings of one service day (0005_service_day_bookings.sql), those in
   * scope and not withdrawn, by slot then time of booking; sealed halves
   * included, for the adviser's list decrypted on the desk. From the index
   * requests_service_day.
   */
  serviceDayBookings(day: string, scope: Scope, signal?: AbortSignal): Promise<DayBooking[]>;
  /** Appends one audit entry under a new id; never overwrites (written: false if the id exists). */
  appendAudit(entry: AuditEntry, signal?: AbortSignal): Promise<{ written: boolean }>;
  auditPage(q: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>>;
  /**
   * One atomic statement: counts this attempt for the client unless it is locked or at the limit,
   * and says whether the presented token's hash is revoked.
   */
  admitSignIn(
    client: string,
    now: number,
    policy: LockPolicy,
    tokenHash: string,
    signal?: AbortSignal,
  ): Promise<Admission>;
  /** One atomic statement: an admitted attempt failed; locks the client at the limit. */
  signInFailed(client: string, now: number, policy: LockPolicy, signal?: AbortSignal): Promise<FailureOutcome>;
  /** An admitted attempt succeeded: releases it and clears the client's failures. */
  signInSucceeded(client: string, now: number, signal?: AbortSignal): Promise<void>;
}
