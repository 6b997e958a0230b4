/**
 * Keyed hashes with the server secret (APPLICATIONS_SECRET). Everything a
 * caller sends that becomes a storage key, and the phone number kept for
 * status lookup, goes through an HMAC first: a caller can never choose a key,
 * and a leaked store does not list anyone's phone number.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { checkPhone } from '../forms/phone.ts';
import { formatReceipt, receiptSuffix } from './receipt.ts';
import type { RequestTypeId } from './registry.ts';

export function hmac(secret: string, purpose: string, value: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest();
}

export function hmacHex(secret: string, purpose: string, value: string): string {
  return hmac(secret, purpose, value).toString('hex');
}

/** The phone as digits only (0750-5524538 → 07505524538), so either spelling finds the record. */
export function phoneHash(secret: string, phone: string): string {
  const r = checkPhone(phone);
  return hmacHex(secret, 'phone', r.ok ? r.digits : phone);
}

export function idempotencyHash(secret: string, formType: RequestTypeId, key: string): string {
  return hmacHex(secret, 'idempotency', `${formType}:${key}`);
}

/**
 * Receipt candidates for an idempotency hash: duplicates of one submission
 * always get the same number; the next candidates are used only if a different
 * submission already holds the first one (30 bits a day: very rare).
 */
export function receiptCandidates(secret: string, formType: RequestTypeId, idemHash: string, now: Date): string[] {
  const bytes = hmac(secret, 'receipt', idemHash);
  return [0, 4, 8, 12, 16, 20, 24, 28].map((offset) => formatReceipt(formType, now, receiptSuffix(bytes, offset)));
}

/** The secret that lets the submitter withdraw or correct within 10 minutes; derived, so duplicates share it. */
export function withdrawToken(secret: string, idemHash: string): string {
  return hmac(secret, 'withdraw', idemHash).toString('base64url').slice(0, 32);
}

export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** Stable JSON (sorted keys) for hashing content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export { KEY_PATTERN, newKey } from './idempotency.ts';
