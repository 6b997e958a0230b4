/**
 * Databases for tests, benchmarks and scripts, with the project's real
 * migrations (netlify/database/migrations/):
 *  - startMemoryDatabase(): Netlify's local emulation (PGlite 0.3.16 behind a
 *    Postgres wire-protocol server, @netlify/database-dev) in memory, so the
 *    functions' own client (src/lib/store/db.ts) talks to it exactly as to
 *    Netlify Database. About 2.5 s to start on a quiet machine: one per test
 *    file, emptied between tests (emptyTables).
 *  - localDatabaseUrl(): the database of a running `netlify dev` in this
 *    folder (NETLIFY_DB_URL, or .netlify/state.json), for scripts and the
 *    browser tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NetlifyDB } from '@netlify/database-dev';
// Its server sockets without Nagle's delay: 46 → 3 ms a query with parameters (see the module).
import './tcp-nodelay.ts';
import type { Sql } from '../../src/lib/store/db.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const MIGRATIONS = join(ROOT, 'netlify', 'database', 'migrations');

/** Every table of the migrations, emptied between tests (TRUNCATE does not fire the audit trigger). */
export const TABLES = [
  'requests',
  'request_tallies',
  'consultation_answers',
  'ratings',
  'audit_entries',
  'staff_lockouts',
  'staff_revocations',
  'stats_periods',
  'job_runs',
  'service_day_bookings',
];

export interface MemoryDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startMemoryDatabase(): Promise<MemoryDatabase> {
  const db = new NetlifyDB({ logger: () => {} });
  const url = await db.start();
  await db.applyMigrations(MIGRATIONS);
  return { url, stop: () => db.stop() };
}

export async function emptyTables(sql: Sql): Promise<void> {
  await sql.query(`TRUNCATE ${TABLES.join(', ')}`);
}

/** The connection string of this folder's local database while `netlify dev` runs, or null. */
export function localDatabaseUrl(root = ROOT): string | null {
  const state = join(root, '.netlify', 'state.json');
  if (!existsSync(state)) return null;
  const url = (JSON.parse(readFileSync(state, 'utf8')) as { dbConnectionString?: unknown }).dbConnectionString;
  return typeof url === 'string' ? url : null;
}

/**
 * The database a command-line script should use, and how to close it:
 *  - NETLIFY_DB_URL when set (for the deployed site: its connection string);
 *  - else the database of a `netlify dev` running in this folder;
 *  - else this folder's local data (.netlify/db), opened directly (only while
 *    netlify dev is NOT running: two processes must not open it at once).
 */
export async function openProjectDatabase(root = ROOT): Promise<{ where: string; close(): Promise<void> }> {
  const { closeDatabase, database } = await import('../../src/lib/store/db.ts');
  if (process.env.NETLIFY_DB_URL) return { where: 'NETLIFY_DB_URL', close: closeDatabase };
  const running = localDatabaseUrl(root);
  if (running) {
    process.env.NETLIFY_DB_URL = running;
    try {
      await database().query('SELECT 1');
      return { where: '正在运行的 netlify dev 的本机数据库', close: closeDatabase };
    } catch {
      // A stale address from an earlier run: open the folder instead.
      await closeDatabase();
    }
  }
  const directory = join(root, '.netlify', 'db');
  const db = new NetlifyDB({ directory, logger: () => {} });
  process.env.NETLIFY_DB_URL = await db.start();
  await db.applyMigrations(MIGRATIONS);
  return {
    where: `本机数据目录 ${directory}`,
    close: async () => {
      await closeDatabase();
      await db.stop();
      delete process.env.NETLIFY_DB_URL;
    },
  };
}

/**
 * An in-memory database served by a child process, as a real database runs
 * beside the functions and not inside them (benchmarks: the measured process
 * spends no CPU serving its own storage).
 */
export async function forkMemoryDatabase(): Promise<MemoryDatabase> {
  const { fork } = await import('node:child_process');
  const child = fork(import.meta.filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`database exited (${code})`)));
  });
  return {
    url,
    stop: async () => {
      child.disconnect();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

// Child mode of forkMemoryDatabase(): serve, report the address, stop when the parent goes.
if (import.meta.main && process.argv[2] === '--serve') {
  const db = await startMemoryDatabase();
  process.send!({ url: db.url });
  process.on('disconnect', () => void db.stop().then(() => process.exit(0)));
}
