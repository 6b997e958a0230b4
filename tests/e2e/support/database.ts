/**
 * The browser tests' view of the records: the local database netlify dev
 * serves the functions (E2E_DATABASE_URL against an external server, else the
 * one this folder's netlify dev writes in .netlify/state.json: its address
 * changes with every start, and is read once the server answers), read
 * and written with the functions' own store code (src/lib/store/), one
 * statement at a time (all connections share one session in the emulation).
 */
import { inject } from 'vitest';
import { localDatabaseUrl } from '../../../scripts/lib/database.ts';
import { getDatabase } from '@netlify/database';
import { DEV_SECRET } from '../../../functions/_shared/secrets.ts';
import type { ApplicationRecord } from '../../../src/lib/requests/record.ts';
import type { Sql } from '../../../src/lib/store/db.ts';
import { requestStore } from '../../../src/lib/store/requests.ts';

let sql: Sql | undefined;

export function e2eDatabase(): Sql {
  if (!sql) {
    const url = process.env.E2E_DATABASE_URL || localDatabaseUrl(inject('projectRoot'));
    if (!url) throw new Error('找不到 netlify dev 的本地数据库地址（.netlify/state.json）。');
    const db = getDatabase({ connectionString: url });
    Object.assign(db.pool.options, { allowExitOnIdle: true });
    db.pool.on('error', () => {});
    sql = db.pool as unknown as Sql;
  }
  return sql;
}

/** netlify dev signs records with the development secret (no APPLICATIONS_SECRET in the test run). */
export const e2eStore = () => requestStore(DEV_SECRET, e2eDatabase);

export async function storedRecord(receipt: string): Promise<ApplicationRecord> {
  const found = await e2eStore().getRecord(receipt);
  if (!found || found.record.receipt !== receipt) throw new Error(`no record ${receipt}`);
  return found.record;
}
