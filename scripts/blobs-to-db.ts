/**
 * npm run db:import-blobs        moves records and audit entries from Netlify Blobs into the database
 *
 * Before December 2026 every record and audit entry was a blob (stores
 * `applications`, records/…, and `audit`, entries/…). This copies them into
 * the tables, idempotently: each insert is ON CONFLICT DO NOTHING, so running
 * it twice (or after a failure half-way) copies only what is missing. It
 * reports how many it read, copied, found already there, and could not read.
 *
 *  - From the local netlify dev store (.netlify/blobs-serve) by default, or
 *    from the deployed site with NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN set.
 *  - Into NETLIFY_DB_URL, or the local database (scripts/lib/database.ts).
 *  - APPLICATIONS_SECRET must be the deployment's: record MACs are made with
 *    it, and the old keyed phone hash becomes the new slow phone check
 *    without the number ever being known (keys.ts phoneCheckFromLegacyHash).
 * Lockout state and the statistics snapshot are not copied (both are made
 * again). The blobs are left as they are: delete the stores by hand once the
 * copy is checked.
 */
import { join } from 'node:path';
import { getStore, setEnvironmentContext, type Store } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { DEV_SECRET } from '../functions/_shared/secrets.ts';
import { phoneCheckFromLegacyHash } from '../src/lib/requests/keys.ts';
import type { ApplicationRecord, RecordMeta } from '../src/lib/requests/record.ts';
import type { AuditEntry } from '../src/lib/staff/audit.ts';
import { database } from '../src/lib/store/db.ts';
import { requestStore } from '../src/lib/store/requests.ts';
import { AUDIT_INSERT, auditValues } from '../src/lib/store/staff.ts';
import { openProjectDatabase, ROOT } from './lib/database.ts';

export interface MoveCounts {
  read: number;
  copied: number;
  alreadyThere: number;
  unreadable: number;
}

const counts = (): MoveCounts => ({ read: 0, copied: 0, alreadyThere: 0, unreadable: 0 });

type LegacyRecord = Omit<ApplicationRecord, 'meta'> & { meta: Omit<RecordMeta, 'phoneCheck'> & { phoneHash?: string } };

/** A record as the Blobs store kept it, in today's shape. */
export async function fromLegacy(old: LegacyRecord): Promise<ApplicationRecord> {
  const { phoneHash, ...meta } = old.meta;
  return { ...old, meta: { ...meta, phoneCheck: await phoneCheckFromLegacyHash(phoneHash ?? '') } };
}

async function each(store: Store, prefix: string, work: (value: unknown) => Promise<boolean>, c: MoveCounts) {
  const { blobs } = await store.list({ prefix });
  for (const b of blobs) {
    c.read++;
    try {
      const value = await store.get(b.key, { type: 'json' });
      if (!value) throw new Error('empty');
      if (await work(value)) c.copied++;
      else c.alreadyThere++;
    } catch {
      c.unreadable++;
    }
  }
}

/** Copies what is missing; safe to run again. */
export async function moveBlobsToDatabase(
  open: (name: string) => Store,
  secret: string,
): Promise<{ records: MoveCounts; audit: MoveCounts }> {
  const records = counts();
  const audit = counts();
  const store = requestStore(secret);
  await each(
    open('applications'),
    'records/',
    async (v) => (await store.createRecord(await fromLegacy(v as LegacyRecord))).written,
    records,
  );
  await each(
    open('audit'),
    'entries/',
    async (v) => (await database().query(AUDIT_INSERT, auditValues(v as AuditEntry))).rows.length === 1,
    audit,
  );
  return { records, audit };
}

async function localBlobs(): Promise<{ open: (name: string) => Store; stop: () => Promise<void> }> {
  const server = new BlobsServer({ directory: join(ROOT, '.netlify', 'blobs-serve'), token: 'import' });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ siteID: 'unlinked', token: 'import', edgeURL: url, uncachedEdgeURL: url });
  return { open: (name) => getStore({ name, consistency: 'strong' }), stop: () => server.stop() };
}

async function main(): Promise<void> {
  const siteID = process.env.NETLIFY_SITE_ID;
  const token = process.env.NETLIFY_AUTH_TOKEN;
  const source =
    siteID && token
      ? { open: (name: string) => getStore({ name, siteID, token }), stop: async () => {}, where: `站点 ${siteID}` }
      : { ...(await localBlobs()), where: '本机 .netlify/blobs-serve' };
  const secret = process.env.APPLICATIONS_SECRET || DEV_SECRET;
  if (secret === DEV_SECRET)
    process.stdout.write('注意：没有设置 APPLICATIONS_SECRET，使用开发用的密钥（只适合本机数据）。\n');
  const db = await openProjectDatabase();
  try {
    const { records, audit } = await moveBlobsToDatabase(source.open, secret);
    const line = (what: string, c: MoveCounts) =>
      `${what}：读到 ${c.read}，复制 ${c.copied}，已经在数据库里 ${c.alreadyThere}，读不出 ${c.unreadable}`;
    process.stdout.write(
      `从 ${source.where} 复制到 ${db.where}\n${line('申请记录', records)}\n${line('操作记录', audit)}\n`,
    );
    if (records.unreadable || audit.unreadable) process.exitCode = 1;
  } finally {
    await db.close();
    await source.stop();
  }
}

if (import.meta.main) await main();
