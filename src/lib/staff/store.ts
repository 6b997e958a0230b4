/**
 * What the staff functions need from storage, as an interface (the Netlify
 * Blobs implementation is functions/_shared/staff-store.ts). Note what is
 * missing on purpose: there is no way to change or delete an audit entry.
 */
import type { ApplicationRecord } from '../requests/record.ts';
import type { ApplicationStore } from '../requests/store.ts';
import type { AuditEntry } from './audit.ts';
import type { LockState } from './lockout.ts';
import type { StatsSnapshot } from './stats.ts';

export interface StoredRecord {
  record: ApplicationRecord;
  etag?: string;
}

export interface StaffStore extends ApplicationStore {
  /** Every application record (reads each one: fine for thousands, see docs/staff.md). */
  listRecords(signal?: AbortSignal): Promise<StoredRecord[]>;
  /** Appends one audit entry under a new key; never overwrites (written: false if the key exists). */
  appendAudit(entry: AuditEntry, signal?: AbortSignal): Promise<{ written: boolean }>;
  /** Audit entries of the given Beijing dates ("2026-11-27"). */
  listAudit(days: string[], signal?: AbortSignal): Promise<AuditEntry[]>;
  getLock(id: string, signal?: AbortSignal): Promise<{ state: LockState; etag?: string } | null>;
  /**
   * Writes the lock state: only if new when `previous` is null, only if
   * unchanged since it was read when `previous` has an etag (the local Blobs
   * server sends none on reads: then the write is unconditional).
   */
  putLock(
    id: string,
    state: LockState,
    previous: { etag?: string } | null,
    signal?: AbortSignal,
  ): Promise<{ written: boolean }>;
  getStats(signal?: AbortSignal): Promise<StatsSnapshot | null>;
  putStats(snapshot: StatsSnapshot, signal?: AbortSignal): Promise<void>;
}
