/**
 * The one connection to the database. Every query of the project goes through
 * the modules of src/lib/store/ and this `Sql` seam: plain parameterised SQL
 * over a standard Postgres client, nothing vendor-only, so the same code runs
 * on Netlify Database, its local emulation under `netlify dev`, the in-process
 * PGlite of the tests, and any managed Postgres (docs/staff.md, “数据存放”:
 * changing the host is changing NETLIFY_DB_URL).
 *
 * The pool is made once per module instance, on first use (the connection
 * string comes from NETLIFY_DB_URL, which netlify dev and Netlify set), with
 *  - allowExitOnIdle: an idle pool does not keep a finished function worker
 *    alive (measured under netlify dev: memory 1.0 → 1.45 GB without it);
 *  - an 'error' listener: a connection dropped by the server (a restart, the
 *    local database stopping) must not crash the process;
 *  - time limits on connecting and on each query, so a database that accepts
 *    and never answers frees its connection (the request's Deadline answers
 *    the resident long before).
 */
import { getDatabase } from '@netlify/database';

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

interface PoolLike extends Sql {
  options: Record<string, unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): Promise<void>;
}

export const CONNECT_TIMEOUT_MS = 5_000;
export const QUERY_TIMEOUT_MS = 20_000;

let pool: PoolLike | undefined;
let onError: (error: Error) => void = () => {};

/** Where dropped connections are reported (the functions' log, without the message: it may quote SQL values). */
export function reportPoolErrors(listener: (error: Error) => void): void {
  onError = listener;
}

/** The shared pool (made on first use from NETLIFY_DB_URL). */
export function database(): Sql {
  if (!pool) {
    const db = getDatabase();
    const p = db.pool as unknown as PoolLike;
    Object.assign(p.options, {
      allowExitOnIdle: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      idleTimeoutMillis: 10_000,
    });
    p.on('error', (error) => onError(error));
    pool = p;
  }
  return pool;
}

/** Closes the pool (tests, scripts); the next database() call makes a new one. */
export async function closeDatabase(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.end().catch(() => undefined);
}

/** Postgres error text is in `cause` (the client's own message is generic); never log it with values. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A jsonb value as a query parameter; null and undefined are SQL NULL (not JSON null). */
export const asJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Timestamps come back as Date (server driver) or string (other drivers): always ISO text here. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
