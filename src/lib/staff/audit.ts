/**
 * The audit trail: who did what, when, to which application. Append-only:
 *  - every entry is a new row (table audit_entries) under an id made here
 *    from the time and 64 random bits, inserted with ON CONFLICT DO NOTHING,
 *    so an entry is never overwritten;
 *  - no endpoint edits or deletes entries (the staff API has no such route,
 *    the store interface has no such method, and a trigger in the database
 *    refuses UPDATE and DELETE);
 *  - each entry carries an HMAC (server secret) over its content, so an entry
 *    changed directly in the store shows as “校验不符” on the desk.
 * Entries hold no applicant's personal data: receipts, towns, form types,
 * statuses, staff names, and for failed sign-ins an HMAC of the address.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../requests/keys.ts';
import { beijingDate } from '../time.ts';

// The entry's shape and the actions' names live in audit-entry.ts, which the
// staff desk's browser script imports without this module's node:crypto.
export { ACTION_LABELS, AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditInput } from './audit-entry.ts';
import type { AuditEntry, AuditInput } from './audit-entry.ts';

function macOf(secret: string, e: Omit<AuditEntry, 'mac'>): string {
  return createHmac('sha256', secret)
    .update(`audit\u0000${canonicalJson(e)}`)
    .digest('hex');
}

export function newAuditEntry(secret: string, input: AuditInput, now: Date): AuditEntry {
  const at = now.toISOString();
  const id = `${beijingDate(now)}/${at}-${randomBytes(8).toString('hex')}`;
  const body: Omit<AuditEntry, 'mac'> = { id, at, ...input };
  return { ...body, mac: macOf(secret, body) };
}

/** Was this entry written by the functions, unchanged since? */
export function verifyAuditEntry(secret: string, e: AuditEntry): boolean {
  const { mac, ...body } = e;
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(macOf(secret, body), 'hex'));
}
