/**
 * The retention job's queries (src/lib/staff/retention.ts says what is due
 * and what purging keeps). Finding what is due uses two partial indexes
 * (requests_closed, requests_unpurged); purging a batch is ONE statement, so
 * a batch is purged whole or not at all, and a record changed since it was
 * read (its version moved on) is left for the next batch.
 */
import { newAuditEntry } from '../staff/audit.ts';
import type { RetentionStore } from '../staff/retention.ts';
import { recordMac } from '../requests/keys.ts';
import { asJson, database, type Sql } from './db.ts';
import { metadataOf, SUMMARY_COLUMNS, recordFromRow, type RequestRow } from './requests.ts';
import { AUDIT_INSERT, auditValues } from './staff.ts';

export const DUE = `SELECT receipt FROM (
    (SELECT receipt, created_at FROM requests
      WHERE purged_at IS NULL AND closed_at IS NOT NULL AND closed_at < $1::timestamptz
      ORDER BY closed_at LIMIT $3)
    UNION
    (SELECT receipt, created_at FROM requests
      WHERE purged_at IS NULL AND created_at < $2::timestamptz
      ORDER BY created_at LIMIT $3)
  ) due ORDER BY created_at, receipt LIMIT $3`;

// The purged values of every record of the batch, as one JSON parameter. In the same statement,
// a 法律咨询's answer is deleted and a rating keeps its value but loses its comment
// (netlify/database/migrations/0004_consultation.sql): both may repeat the person's story.
const PURGE = `WITH purged AS (UPDATE requests AS r SET
    updated_at = x.updated_at, purged_at = x.purged_at, history = x.history, mac = x.mac,
    personal = NULL, has_personal = false, personal_kid = NULL, phone_check = '', idem_hash = '', submission_hash = '', version = r.version + 1
  FROM jsonb_to_recordset($1::jsonb) AS x(receipt text, version int, updated_at timestamptz, purged_at timestamptz, history jsonb, mac text)
  WHERE r.receipt = x.receipt AND r.version = x.version AND r.purged_at IS NULL
  RETURNING r.receipt),
  answers AS (DELETE FROM consultation_answers WHERE receipt IN (SELECT receipt FROM purged)),
  comments AS (UPDATE ratings SET comment = NULL WHERE receipt IN (SELECT receipt FROM purged))
  SELECT receipt FROM purged`;

export function retentionStore(secret: string, now: () => Date, sql: () => Sql = database): RetentionStore {
  return {
    async dueReceipts(before, limit) {
      const { rows } = await sql().query<{ receipt: string }>(DUE, [
        before.closedBefore.toISOString(),
        before.receivedBefore.toISOString(),
        limit,
      ]);
      return rows.map((r) => r.receipt);
    },
    async records(receipts) {
      const { rows } = await sql().query<RequestRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM requests WHERE receipt = ANY($1::text[]) AND purged_at IS NULL`,
        [receipts],
      );
      return rows.map((row) => ({ record: recordFromRow(row), version: row.version }));
    },
    async purge(batch) {
      if (batch.length === 0) return [];
      const values = batch.map(({ record, version }) => ({
        receipt: record.receipt,
        version,
        updated_at: record.updatedAt,
        purged_at: record.purgedAt,
        history: record.status.history,
        mac: recordMac(secret, metadataOf(record)),
      }));
      const { rows } = await sql().query<{ receipt: string }>(PURGE, [asJson(values)]);
      return rows.map((r) => r.receipt);
    },
    async audit(action, receipts, detail) {
      const entry = newAuditEntry(secret, { actor: 'system', action, receipts, detail }, now());
      const { rows } = await sql().query(AUDIT_INSERT, auditValues(entry));
      if (rows.length !== 1) throw new Error('audit entry not written');
    },
  };
}
