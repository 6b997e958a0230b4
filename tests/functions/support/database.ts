/**
 * The function tests' database: Netlify Database's local emulation in memory
 * (PGlite behind a Postgres server, scripts/lib/database.ts) with the project's
 * real migrations, one per test file, every table emptied before each test.
 * The functions find it as they find Netlify Database: NETLIFY_DB_URL.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { closeDatabase, database, type Sql } from '../../../src/lib/store/db.ts';
import { emptyTables, startMemoryDatabase, type MemoryDatabase } from '../../../scripts/lib/database.ts';

let db: MemoryDatabase | undefined;

/** Starts the file's database (before all), empties it (before each), stops it (after all). */
export function useDatabase(options: { empty?: boolean } = {}): { sql: () => Sql } {
  beforeAll(async () => {
    db = await startMemoryDatabase();
    process.env.NETLIFY_DB_URL = db.url;
  }, 120_000);
  beforeEach(async () => {
    await pointAt(db!.url);
    if (options.empty !== false) await emptyTables(database());
  });
  afterAll(async () => {
    await closeDatabase();
    await db?.stop();
    delete process.env.NETLIFY_DB_URL;
  });
  return { sql: database };
}

/** Points the functions at another address (their pool is made again on next use). */
export async function pointAt(url: string): Promise<void> {
  if (process.env.NETLIFY_DB_URL === url) return;
  await closeDatabase();
  process.env.NETLIFY_DB_URL = url;
}

/** A database that refuses connections: nothing listens on the port. */
export async function pointAtDeadDatabase(): Promise<void> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  await pointAt(`postgres://postgres@127.0.0.1:${port}/postgres`);
}

/** A database that accepts connections and never answers. */
export async function pointAtHangingDatabase(): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const srv: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await pointAt(`postgres://postgres@127.0.0.1:${port}/postgres`);
  return {
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}
