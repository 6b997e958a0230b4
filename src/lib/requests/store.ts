/**
 * The storage seam. Handlers talk to an ApplicationStore; the Postgres
 * implementation is src/lib/store/requests.ts (tables in
 * netlify/database/migrations/). Every call runs under the request's Deadline
 * (src/lib/store/deadline.ts).
 */
import type { Seat } from '../consult/service-days.ts';
import type { ApplicationRecord, PersonalData, SealedPersonal } from './record.ts';

export interface WriteOutcome {
  /** false when the slot was taken (create) or the record changed since it was read (replace). */
  written: boolean;
  /** create with a seat: nothing was written because the service-day slot has no place left. */
  full?: boolean;
}

export interface StoredRecord {
  record: ApplicationRecord;
  /** Row version: a replace succeeds only if the record still has it. */
  version: number;
  /** Does the record's MAC (server secret, over its plaintext) still match? false = changed outside the functions. */
  verified: boolean;
}

/**
 * Records are filed under their slot (receiptSlot(): the receipt without its
 * date). Every call may take the deadline's AbortSignal; a database client
 * that cannot cancel a query is bounded by its own query timeout instead
 * (src/lib/store/db.ts).
 */
export interface ApplicationStore {
  /** The record filed under this receipt's slot (its date may differ: callers compare record.receipt). */
  getRecord(receipt: string, signal?: AbortSignal): Promise<StoredRecord | null>;
  /**
   * Creates the record unless its slot is taken (then written: false). One
   * statement; with a seat, the same statement claims a place in the
   * service-day slot (record.meta.serviceSlot) and writes nothing when the
   * slot is full (full: true).
   */
  createRecord(record: ApplicationRecord, signal?: AbortSignal, seat?: Seat): Promise<WriteOutcome>;
  /**
   * Replaces a record only if it still has this version. One statement; a
   * record with a service-day slot that becomes 已撤回 gives its place back in it.
   */
  replaceRecord(record: ApplicationRecord, version: number, signal?: AbortSignal): Promise<WriteOutcome>;
}

/**
 * Turns what the person typed into what is stored. The functions use the
 * sealer of src/lib/staff/crypto.ts (publicKeySealer), which encrypts to the
 * bureau's public key and binds the result to the record's receipt; plainSealer
 * remains for unit tests of the service logic.
 */
export interface PersonalSealer {
  seal(data: PersonalData, context: { receipt: string }): Promise<SealedPersonal>;
}

export const plainSealer: PersonalSealer = {
  async seal(data) {
    return { encoding: 'plain', data };
  },
};
