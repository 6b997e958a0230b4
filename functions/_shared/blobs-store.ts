/**
 * ApplicationStore on Netlify Blobs: one site-wide store, `applications`,
 * with strong consistency (a status lookup right after submitting must find
 * the record). Keys are always made on the server:
 *   records/<FY|TJ>-<six characters>   the application (src/lib/requests/record.ts,
 *                                      storageKey(): the receipt without its date)
 *
 * Each call gets the request deadline's AbortSignal through a fetch wrapper,
 * so a hanging store connection is cancelled instead of left open.
 */
import { getStore, type Store } from '@netlify/blobs';
import { storageKey, type ApplicationRecord } from '../../src/lib/requests/record.ts';
import type { ApplicationStore } from '../../src/lib/requests/store.ts';

export const STORE_NAME = 'applications';

function store(signal?: AbortSignal): Store {
  return getStore({
    name: STORE_NAME,
    consistency: 'strong',
    fetch: (input, init) => globalThis.fetch(input, signal ? { ...init, signal } : init),
  });
}

/** A write that “succeeded” without an etag was a failure the client swallowed after its retries. */
function confirmed(result: { modified: boolean; etag?: string }): boolean {
  return result.modified && !!result.etag;
}

export const blobsStore: ApplicationStore = {
  async getRecord(receipt, signal) {
    const found = await store(signal).getWithMetadata(storageKey(receipt), { type: 'json' });
    return found ? { record: found.data as ApplicationRecord, etag: found.etag } : null;
  },
  async createRecord(record, signal) {
    const result = await store(signal).setJSON(storageKey(record.receipt), record, { onlyIfNew: true });
    if (!result.modified) return { written: false };
    if (!confirmed(result)) throw new Error('write not confirmed');
    return { written: true };
  },
  async replaceRecord(record, etag, signal) {
    const result = await store(signal).setJSON(storageKey(record.receipt), record, etag ? { onlyIfMatch: etag } : {});
    if (!result.modified) return { written: false };
    if (!confirmed(result)) throw new Error('write not confirmed');
    return { written: true };
  },
};
