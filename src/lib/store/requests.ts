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
import { slotDay } from '../consult/service-days.ts';
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
  /** The booked service-day slot, or null (0005_service_day_bookings.sql). */
  service_slot: string | null;
}

/** The columns of a record without its sealed half: lists and exports of metadata never read it. */
export const SUMMARY_COLUMNS =
  'receipt, kind, town, category, status, created_at, updated_at, purged_at, version, idem_hash, submission_hash, phone_check, withdraw_until, corrections, history, personal_kid, mac, schema_version, lang, service_slot';

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
    ...(row.service_slot ? { serviceSlot: row.service_slot } : {}),
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
    r.meta.serviceSlot ?? null,
    r.meta.serviceSlot ? slotDay(r.meta.serviceSlot) : null,
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
  'service_slot',
  'service_day',
];

/** Each written column's type: INSERT … SELECT (the booking below) does not infer parameter types. */
const COLUMN_TYPES: Record<string, string> = {
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  due_on: 'date',
  accepted_at: 'timestamptz',
  decided_at: 'timestamptz',
  closed_at: 'timestamptz',
  purged_at: 'timestamptz',
  withdraw_until: 'timestamptz',
  corrections: 'integer',
  history: 'jsonb',
  personal: 'jsonb',
  has_personal: 'boolean',
  schema_version: 'integer',
};

const placeholders = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
const INSERT = `INSERT INTO requests (${WRITE_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT DO NOTHING RETURNING version`;
// receipt ($1) and slot ($2) never change; version is the next parameter.
const UPDATE = `UPDATE requests SET ${WRITE_COLUMNS.slice(2)
  .map((c, i) => `${c} = $${i + 3}`)
  .join(
    ', ',
  )}, version = version + 1 WHERE receipt = $1 AND slot = $2 AND version = $${WRITE_COLUMNS.length + 1} RETURNING version`;

const n = WRITE_COLUMNS.length;
const typed = WRITE_COLUMNS.map((c, i) => `$${i + 1}::${COLUMN_TYPES[c] ?? 'text'}`).join(', ');
const SLOT = `$${WRITE_COLUMNS.indexOf('service_slot') + 1}::text`;
const DAY = `$${WRITE_COLUMNS.indexOf('service_day') + 1}::text`;

/**
 * A booking, in ONE statement: claim a place in the slot (a new row, or one
 * more on the row while fewer than the capacity ($n+1) are taken), then insert
 * the request from that claim — no claim, no request. No place is claimed for
 * a receipt slot already taken (the same submission again, or another
 * request's number: the service looks at it and tries the next number), so an
 * idempotent resubmit never takes a second place. `seated` and `written` say
 * what happened; `taken` (the row before this statement) tells a full slot
 * from a receipt slot already in use.
 */
const BOOK = `WITH seat AS (
    INSERT INTO service_day_bookings AS b (service_slot, service_day, booked)
    SELECT ${SLOT}, ${DAY}, 1 WHERE NOT EXISTS (SELECT 1 FROM requests WHERE slot = $2)
    ON CONFLICT (service_slot) DO UPDATE SET booked = b.booked + 1 WHERE b.booked < $${n + 1}::integer
    RETURNING 1
  ), ins AS (
    INSERT INTO requests (${WRITE_COLUMNS.join(', ')}) SELECT ${typed} FROM seat ON CONFLICT DO NOTHING RETURNING version
  )
  SELECT (SELECT count(*)::int FROM seat) AS seated, (SELECT count(*)::int FROM ins) AS written,
    EXISTS (SELECT 1 FROM requests WHERE slot = $2) AS taken`;

/** A claim whose request lost a race for its receipt slot (real Postgres only; one session cannot race). */
const UNSEAT = `UPDATE service_day_bookings SET booked = booked - 1 WHERE service_slot = $1 AND booked > 0`;

/** Withdrawing a booking: the request's update and the place given back, in ONE statement. */
const WITHDRAW_BOOKING = `WITH upd AS (${UPDATE.replace('RETURNING version', 'RETURNING version, service_slot')}),
  freed AS (UPDATE service_day_bookings AS b SET booked = b.booked - 1 FROM upd
    WHERE b.service_slot = upd.service_slot AND b.booked > 0 RETURNING 1)
  SELECT version FROM upd`;

interface BookRow {
  seated: number;
  written: number;
  taken: boolean;
}

export function requestStore(secret: string, sql: () => Sql = database): ApplicationStore {
  return {
    async getRecord(receipt) {
      const { rows } = await sql().query<RequestRow>(`SELECT ${RECORD_COLUMNS} FROM requests WHERE slot = $1`, [
        receiptSlot(receipt),
      ]);
      return rows[0] ? storedFromRow(secret, rows[0]) : null;
    },
    async createRecord(record, _signal, seat) {
      if (!seat || seat.slot !== record.meta.serviceSlot) {
        const { rows } = await sql().query(INSERT, recordValues(secret, record));
        return { written: rows.length === 1 };
      }
      const { rows } = await sql().query<BookRow>(BOOK, [...recordValues(secret, record), seat.capacity]);
      const r = rows[0]!;
      if (r.written === 1) return { written: true };
      if (r.seated === 1) await sql().query(UNSEAT, [seat.slot]);
      return r.seated === 0 && !r.taken ? { written: false, full: true } : { written: false };
    },
    async replaceRecord(record, version) {
      const release = record.status.current === '已撤回' && !!record.meta.serviceSlot;
      const { rows } = await sql().query(release ? WITHDRAW_BOOKING : UPDATE, [
        ...recordValues(secret, record),
        version,
      ]);
      return { written: rows.length === 1 };
    },
  };
}
