/**
 * The storage seam. Handlers talk to an ApplicationStore; the Netlify Blobs
 * implementation lives in functions/_shared/blobs-store.ts. Every call runs
 * under a deadline: the Blobs client retries for up to 25 s and waits forever
 * on a server that accepts and never answers, while a resident on a phone
 * must hear “try again in a moment” within seconds, with what they typed kept.
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

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** A budget for one request: each store call gets at most `perCallMs`, and never more than what is left. */
export class Deadline {
  readonly #end: number;
  readonly #perCall: number;
  constructor(totalMs: number, perCallMs: number) {
    this.#end = Date.now() + totalMs;
    this.#perCall = perCallMs;
  }
  remaining(): number {
    return Math.max(0, this.#end - Date.now());
  }
  /** Runs a store call; a failure, a rejection or running out of time becomes StoreUnavailableError. */
  async run<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ms = Math.min(this.#perCall, this.remaining());
    if (ms <= 0) throw new StoreUnavailableError(`${what}: no time left`);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new StoreUnavailableError(`${what}: timed out after ${ms} ms`));
      }, ms);
    });
    try {
      return await Promise.race([call(controller.signal), timeout]);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`${what}: ${error instanceof Error ? error.name : 'failed'}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
