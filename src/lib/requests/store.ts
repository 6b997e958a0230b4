/**
 * The storage seam. Handlers talk to an ApplicationStore; the Netlify Blobs
 * implementation lives in functions/_shared/blobs-store.ts. Every call runs
 * under the request's Deadline (src/lib/store/deadline.ts) and takes its
 * AbortSignal.
 */
import type { ApplicationRecord, PersonalData, SealedPersonal } from './record.ts';

export interface WriteOutcome {
  /** false when onlyIfNew found the key taken. */
  written: boolean;
}

/**
 * Records live under storageKey(receipt) (record.ts). Every call takes the
 * deadline's AbortSignal, so a call that ran out of time is cancelled, not left
 * running.
 */
export interface ApplicationStore {
  /** The record stored under this receipt's key (its date may differ: callers compare record.receipt). */
  getRecord(receipt: string, signal?: AbortSignal): Promise<{ record: ApplicationRecord; etag?: string } | null>;
  /** Creates the record unless the key exists (then written: false). */
  createRecord(record: ApplicationRecord, signal?: AbortSignal): Promise<WriteOutcome>;
  /** Replaces a record, only if it still has this etag (when given). */
  replaceRecord(record: ApplicationRecord, etag: string | undefined, signal?: AbortSignal): Promise<WriteOutcome>;
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
