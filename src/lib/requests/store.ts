/**
 * The storage seam. Handlers talk to an ApplicationStore; the Postgres
 * implementation is src/lib/store/requests.ts (tables in
 * netlify/database/migrations/). Every call runs under the request's Deadline
 * (src/lib/store/deadline.ts).
 */
import type { ApplicationRecord, PersonalData, SealedPersonal } from './record.ts';

export interface WriteOutcome {
  /** false when the slot was taken (create) or the record changed since it was read (replace). */
  written: boolean;
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
  /** Creates the record unless its slot is taken (then written: false). One statement. */
  createRecord(record: ApplicationRecord, signal?: AbortSignal): Promise<WriteOutcome>;
  /** Replaces a record only if it still has this version. One statement. */
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
