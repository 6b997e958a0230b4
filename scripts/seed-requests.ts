/**
 * Synthetic requests for the query-plan tests (tests/functions/store.test.ts)
 * and the database benchmark (scripts/bench/database.ts): any number of
 * records over a span of time, across the 17 towns and both kinds, with the
 * status histories real ones have (received, reviewed, accepted or refused,
 * closed; a few withdrawn, a few forgotten and overdue), written with the
 * store's own column mapping and MACs in multi-row INSERTs.
 *
 * What is NOT real, to seed 100,000 rows in seconds: the sealed personal half
 * is random bytes of a real record's size (it cannot be opened), and every
 * record shares one phone check (scrypt per record would take an hour).
 */
import { randomBytes } from 'node:crypto';
import { phoneCheck } from '../src/lib/requests/keys.ts';
import { formatReceipt, receiptCode } from '../src/lib/requests/receipt.ts';
import type { ApplicationRecord, StatusEntry } from '../src/lib/requests/record.ts';
import { REQUEST_TYPES, type RequestTypeId } from '../src/lib/requests/registry.ts';
import type { Status } from '../src/lib/requests/status.ts';
import type { Sql } from '../src/lib/store/db.ts';
import { recordValues, WRITE_COLUMNS } from '../src/lib/store/requests.ts';
import type { AuditEntry } from '../src/lib/staff/audit.ts';
import { AUDIT_INSERT, auditValues } from '../src/lib/store/staff.ts';
import { TOWN_IDS } from '../src/lib/towns.ts';

const DAY = 86_400_000;

/** A deterministic random sequence, so every run seeds the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The status steps of one request, each after the previous one, only those before `now`. */
function historyFor(kind: RequestTypeId, created: number, now: number, rnd: () => number): StatusEntry[] {
  const steps: [Status, number, StatusEntry['by']][] = [['已收到', 0, 'system']];
  const roll = rnd();
  if (roll < 0.02) steps.push(['已撤回', 0.003, 'applicant']);
  else if (roll < 0.05)
    steps.push(['审查中', 1 + rnd(), 'staff']); // forgotten: never decided
  else {
    const decided = 1 + rnd() * (kind === 'legal-aid' ? 8 : 4);
    steps.push(['审查中', decided / 2, 'staff']);
    if (rnd() < 0.15) steps.push(['不予受理', decided, 'staff']);
    else {
      steps.push(['已受理', decided, 'staff']);
      steps.push(['已办结', decided + 20 + rnd() * 90, 'staff']);
    }
  }
  return steps
    .map(([status, days, by]) => ({ status, at: new Date(created + days * DAY).toISOString(), by: by ?? 'staff' }))
    .filter((h) => Date.parse(h.at) <= now);
}

export interface SeedOptions {
  count: number;
  /** Records are spread evenly over [from, to). */
  from: Date;
  to: Date;
  secret: string;
  seed?: number;
}

/** The records, in order of receipt. Receipts are unique: the code comes from the record's index. */
export async function syntheticRecords(o: SeedOptions): Promise<ApplicationRecord[]> {
  const rnd = seeded(o.seed ?? 20261207);
  const check = await phoneCheck(o.secret, '13800138000');
  const span = o.to.getTime() - o.from.getTime();
  const out: ApplicationRecord[] = [];
  for (let i = 0; i < o.count; i++) {
    const kind: RequestTypeId = rnd() < 0.6 ? 'legal-aid' : 'mediation';
    const created = o.from.getTime() + Math.floor((span * i) / o.count);
    const history = historyFor(kind, created, o.to.getTime(), rnd);
    const options = REQUEST_TYPES.find((t) => t.id === kind)!.category.options;
    const code = Buffer.alloc(8);
    code.writeUInt32BE(i, 4);
    code.writeUInt32BE(0x2a2a2a2a ^ i, 0);
    out.push({
      schemaVersion: 1,
      receipt: formatReceipt(kind, new Date(created), receiptCode(code)),
      formType: kind,
      createdAt: new Date(created).toISOString(),
      updatedAt: history.at(-1)!.at,
      status: { current: history.at(-1)!.status, history },
      meta: {
        town: TOWN_IDS[Math.floor(rnd() * TOWN_IDS.length)]!,
        category: options[Math.floor(rnd() * options.length)]!.value,
        phoneCheck: check,
        idemHash: randomBytes(32).toString('hex'),
        submissionHash: randomBytes(32).toString('hex'),
        withdrawUntil: new Date(created + 600_000).toISOString(),
        corrections: 0,
      },
      personal:
        history.at(-1)!.status === '已撤回'
          ? null
          : {
              encoding: 'ecdh-p256-aes256gcm',
              v: 1,
              kid: '20261201-synthetic00',
              epk: randomBytes(65).toString('base64url'),
              iv: randomBytes(12).toString('base64url'),
              ct: randomBytes(1040).toString('base64url'),
            },
    });
  }
  return out;
}

/** Inserts records in multi-row statements of `batch` rows; returns how many were written. */
export async function insertRecords(
  sql: Sql,
  secret: string,
  records: readonly ApplicationRecord[],
  batch = 500,
): Promise<number> {
  let written = 0;
  const width = WRITE_COLUMNS.length;
  for (let i = 0; i < records.length; i += batch) {
    const chunk = records.slice(i, i + batch);
    const rows = chunk.map((_, r) => `(${WRITE_COLUMNS.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
    const values = chunk.flatMap((r) => recordValues(secret, r));
    const text = `INSERT INTO requests (${WRITE_COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING receipt`;
    written += (await sql.query(text, values)).rows.length;
  }
  return written;
}

/**
 * Inserts audit entries with the store's own statement, `batch` rows a
 * statement (one row a statement took 5 ms each in the tests' database; 3,000
 * entries in six statements take well under a second).
 */
export async function insertAuditEntries(sql: Sql, entries: readonly AuditEntry[], batch = 500): Promise<void> {
  const width = auditValues(entries[0]!).length;
  for (let i = 0; i < entries.length; i += batch) {
    const chunk = entries.slice(i, i + batch);
    const rows = chunk.map(
      (_, k) => `(${Array.from({ length: width }, (_, c) => `$${k * width + c + 1}`).join(', ')})`,
    );
    await sql.query(AUDIT_INSERT.replace(/VALUES \(.*?\)/, `VALUES ${rows.join(', ')}`), chunk.flatMap(auditValues));
  }
}
