/**
 * StaffStore on Netlify Blobs (site-wide stores, strong consistency):
 *   applications   records/<FY|TJ>-<six>   the records (shared with blobs-store.ts)
 *   audit          entries/<Beijing date>/<ISO time>-<16 hex>   append-only (onlyIfNew)
 *   staff-auth     lockout/<HMAC of the client address>   sign-in failures and locks
 *   public-stats   snapshot   the last computed statistics (no personal data)
 */
import { getStore, type Store } from '@netlify/blobs';
import type { ApplicationRecord } from '../../src/lib/requests/record.ts';
import { auditKey, type AuditEntry } from '../../src/lib/staff/audit.ts';
import type { LockState } from '../../src/lib/staff/lockout.ts';
import type { StatsSnapshot } from '../../src/lib/staff/stats.ts';
import type { StaffStore, StoredRecord } from '../../src/lib/staff/store.ts';
import { blobsStore, STORE_NAME } from './blobs-store.ts';

export const AUDIT_STORE = 'audit';
export const AUTH_STORE = 'staff-auth';
export const STATS_STORE = 'public-stats';

function store(name: string, signal?: AbortSignal): Store {
  return getStore({
    name,
    consistency: 'strong',
    fetch: (input, init) => globalThis.fetch(input, signal ? { ...init, signal } : init),
  });
}

function confirmed(result: { modified: boolean; etag?: string }): boolean {
  return result.modified && !!result.etag;
}

/** Runs `work` over items, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

export const staffStore: StaffStore = {
  ...blobsStore,
  async listRecords(signal) {
    const s = store(STORE_NAME, signal);
    const { blobs } = await s.list({ prefix: 'records/' });
    const found = await pool(blobs, 8, async (b): Promise<StoredRecord | null> => {
      const got = await s.getWithMetadata(b.key, { type: 'json' });
      return got ? { record: got.data as ApplicationRecord, etag: got.etag } : null;
    });
    return found.filter((x): x is StoredRecord => x !== null);
  },
  async appendAudit(entry, signal) {
    const result = await store(AUDIT_STORE, signal).setJSON(auditKey(entry.id), entry, { onlyIfNew: true });
    if (!result.modified) return { written: false };
    if (!confirmed(result)) throw new Error('audit write not confirmed');
    return { written: true };
  },
  async listAudit(days, signal) {
    const s = store(AUDIT_STORE, signal);
    const keys = (
      await Promise.all(days.map(async (d) => (await s.list({ prefix: `entries/${d}/` })).blobs.map((b) => b.key)))
    ).flat();
    const entries = await pool(keys, 8, (k) => s.get(k, { type: 'json' }) as Promise<AuditEntry | null>);
    return entries.filter((e): e is AuditEntry => !!e);
  },
  async getLock(id, signal) {
    const got = await store(AUTH_STORE, signal).getWithMetadata(`lockout/${id}`, { type: 'json' });
    return got ? { state: got.data as LockState, etag: got.etag } : null;
  },
  async putLock(id, state, previous, signal) {
    const condition = previous === null ? { onlyIfNew: true } : previous.etag ? { onlyIfMatch: previous.etag } : {};
    const result = await store(AUTH_STORE, signal).setJSON(`lockout/${id}`, state, condition);
    if (!result.modified) return { written: false };
    if (!confirmed(result)) throw new Error('lock write not confirmed');
    return { written: true };
  },
  async getStats(signal) {
    return (await store(STATS_STORE, signal).get('snapshot', { type: 'json' })) as StatsSnapshot | null;
  },
  async putStats(snapshot, signal) {
    const result = await store(STATS_STORE, signal).setJSON('snapshot', snapshot);
    if (!confirmed(result)) throw new Error('stats write not confirmed');
  },
};
