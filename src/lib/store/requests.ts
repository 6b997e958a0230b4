/**
 * ApplicationStore on Postgres: one row of `requests` per application, for
 * every kind in the registry (netlify/database/migrations/0001_…sql).
 *
 * Every write is one statement, so it is atomic on its own, also under the
 * local emulation where all connections share one session (stack notes):
 *  - create: INSERT … ON CONFLICT (slot) DO NOTHING RETURNING — twenty
 *    identical submissions racing each other make one row;
 *  - replace: UPDATE … WHERE receipt = $1 AND version = $n RETURNING — a
 *    record changed since it was read is not overwritten.
 * Each write stores a MAC over the record's plaintext metadata (metadataOf,
 * keys.ts recordMac), and each read says whether it still matches.
 */
import { macMatches, recordMac } from '../requests/keys.ts';
import { lifecycleDates } from '../requests/lifecycle.ts';
import { receiptSlot } from '../requests/receipt.ts';
import type { ApplicationRecord, RecordMeta, SealedPersonal, StatusEntry } from '../requests/record.ts';
import type { RequestTypeId } from '../requests/registry.ts';
import type { Status } from '../requests/status.ts';
import type { ApplicationStore, StoredRecord } from '../requests/store.ts';
import { asJson, database, iso, isoOrNull, type Sql } from './db.ts';

/** The columns of a request row, as read back (timestamps as the driver gives them). */
export interface RequestRow {
  receipt: string;
  kind: string;
  town: string;
  category: string;
  status: string;
  created_at: unknown;
  updated_at: unknown;
  purged_at: unknown;
  version: number;
  idem_hash: string;
  submission_hash: string;
  phone_check: string;
  withdraw_until: unknown;
  corrections: number;
  history: StatusEntry[];
  /** Absent when the query left the sealed half out (SUMMARY_COLUMNS). */
  personal?: SealedPersonal | null;
  personal_kid: string | null;
  mac: string;
  schema_version: number;
  /** Null for records made before the language was kept (0002_request_lang.sql). */
  lang: string | null;
}

/** The columns of a record without its sealed half: lists and exports of metadata never read it. */
export const SUMMARY_COLUMNS =
  'receipt, kind, town, category, status, created_at, updated_at, purged_at, version, idem_hash, submission_hash, phone_check, withdraw_until, corrections, history, personal_kid, mac, schema_version, lang';

/** Every column a record is read from, in one place for every query that returns whole records. */
export const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, personal`;

/** The sealed half's key id, or null when there is none (withdrawn, purged). */
export function kidOf(personal: SealedPersonal | null): string | null {
  const kid = personal ? (personal as Record<string, unknown>).kid : null;
  return typeof kid === 'string' ? kid : null;
}

/**
 * What the record MAC covers: the plaintext metadata, with the sealed half
 * reduced to its key id. A list row read without the sealed half
 * (personal_kid instead) is checked against the same MAC.
 */
export function metadataOf(r: ApplicationRecord): object {
  const { personal, ...rest } = r;
  return { ...rest, kid: kidOf(personal) };
}

/**
 * A row read without its sealed half stands in with { encoding: 'withheld',
 * kid }: enough for the list (which key opens it) and for the MAC.
 */
export const WITHHELD = 'withheld';

export function recordFromRow(row: RequestRow): ApplicationRecord {
  const meta: RecordMeta = {
    town: row.town,
    category: row.category,
    phoneCheck: row.phone_check,
    idemHash: row.idem_hash,
    submissionHash: row.submission_hash,
    withdrawUntil: iso(row.withdraw_until),
    corrections: row.corrections,
    ...(row.lang === 'zh-Hans' || row.lang === 'zh-Hant' ? { lang: row.lang } : {}),
  };
  const purgedAt = isoOrNull(row.purged_at);
  return {
    schemaVersion: row.schema_version as ApplicationRecord['schemaVersion'],
    receipt: row.receipt,
    formType: row.kind as RequestTypeId,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    status: { current: row.status as Status, history: row.history },
    meta,
    personal:
      row.personal !== undefined
        ? row.personal
        : row.personal_kid === null
          ? null
          : { encoding: WITHHELD, kid: row.personal_kid },
    ...(purgedAt ? { purgedAt } : {}),
  };
}

export function storedFromRow(secret: string, row: RequestRow): StoredRecord {
  const record = recordFromRow(row);
  return { record, version: row.version, verified: macMatches(secret, metadataOf(record), row.mac) };
}

/** The values of a record's columns, in the order of WRITE_COLUMNS. */
export function recordValues(secret: string, r: ApplicationRecord): unknown[] {
  const d = lifecycleDates(r);
  return [
    r.receipt,
    receiptSlot(r.receipt),
    r.formType,
    r.meta.town,
    r.meta.category,
    r.status.current,
    r.createdAt,
    r.updatedAt,
    d.dueOn ?? 'infinity',
    d.acceptedAt,
    d.decidedAt,
    d.closedAt,
    r.purgedAt ?? null,
    r.meta.idemHash,
    r.meta.submissionHash,
    r.meta.phoneCheck,
    r.meta.withdrawUntil,
    r.meta.corrections,
    asJson(r.status.history),
    asJson(r.personal),
    r.personal !== null,
    kidOf(r.personal),
    recordMac(secret, metadataOf(r)),
    r.schemaVersion,
    r.meta.lang ?? null,
  ];
}

export const WRITE_COLUMNS = [
  'receipt',
  'slot',
  'kind',
  'town',
  'category',
  'status',
  'created_at',
  'updated_at',
  'due_on',
  'accepted_at',
  'decided_at',
  'closed_at',
  'purged_at',
  'idem_hash',
  'submission_hash',
  'phone_check',
  'withdraw_until',
  'corrections',
  'history',
  'personal',
  'has_personal',
  'personal_kid',
  'mac',
  'schema_version',
  'lang',
];

const placeholders = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
const INSERT = `INSERT INTO requests (${WRITE_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT DO NOTHING RETURNING version`;
// receipt ($1) and slot ($2) never change; version is the next parameter.
const UPDATE = `UPDATE requests SET ${WRITE_COLUMNS.slice(2)
  .map((c, i) => `${c} = $${i + 3}`)
  .join(
    ', ',
  )}, version = version + 1 WHERE receipt = $1 AND slot = $2 AND version = $${WRITE_COLUMNS.length + 1} RETURNING version`;

export function requestStore(secret: string, sql: () => Sql = database): ApplicationStore {
  return {
    async getRecord(receipt) {
      const { rows } = await sql().query<RequestRow>(`SELECT ${RECORD_COLUMNS} FROM requests WHERE slot = $1`, [
        receiptSlot(receipt),
      ]);
      return rows[0] ? storedFromRow(secret, rows[0]) : null;
    },
    async createRecord(record) {
      const { rows } = await sql().query(INSERT, recordValues(secret, record));
      return { written: rows.length === 1 };
    },
    async replaceRecord(record, version) {
      const { rows } = await sql().query(UPDATE, [...recordValues(secret, record), version]);
      return { written: rows.length === 1 };
    },
  };
}
