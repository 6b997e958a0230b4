/**
 * Private keys kept on this device, only when the staff member asks for it:
 * the CryptoKey objects themselves, imported NON-EXTRACTABLE, are stored in
 * IndexedDB (structured clone keeps them usable and still non-extractable).
 * No key material is ever written as text; no script can read the key bytes
 * back out, not even this one. localStorage is never used for keys.
 */
const DB_NAME = 'ts-staff-desk';
const STORE = 'private-keys';

export interface SavedKey {
  kid: string;
  key: CryptoKey;
  savedAt: string;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'kid' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function savedKeys(): Promise<SavedKey[]> {
  try {
    return (await run('readonly', (s) => s.getAll())) as SavedKey[];
  } catch {
    return []; // IndexedDB unavailable (private mode, policy): keys stay in memory only
  }
}

export async function saveKey(kid: string, key: CryptoKey): Promise<void> {
  if (key.extractable) throw new Error('refusing to store an extractable key');
  await run('readwrite', (s) => s.put({ kid, key, savedAt: new Date().toISOString() } satisfies SavedKey));
}

export async function forgetKeys(): Promise<void> {
  await run('readwrite', (s) => s.clear());
}
