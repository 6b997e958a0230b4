/**
 * Keyed hashes with the server secret (APPLICATIONS_SECRET). Everything a
 * caller sends that becomes a storage key goes through an HMAC first, so a
 * caller can never choose a key.
 *
 * The phone kept for the status lookup is NOT a plain keyed hash: with the
 * secret, the ≈10¹⁰ possible numbers could be tried against every record at
 * once, and records of one person linked. It is a slow, salted hash per record
 * (phoneCheck(): scrypt over the keyed hash, a fresh random salt per record),
 * found by receipt and then verified. Without the secret nothing can be tried
 * at all; with it, each record must be attacked on its own, at the cost
 * below per guess. docs/staff.md explains the choice and the measurements.
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { checkPhone } from '../forms/phone.ts';
import { formatReceipt, receiptCode } from './receipt.ts';
import type { RequestTypeId } from './registry.ts';

export function hmac(secret: string, purpose: string, value: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest();
}

export function hmacHex(secret: string, purpose: string, value: string): string {
  return hmac(secret, purpose, value).toString('hex');
}

/** The phone as digits only (0750-5524538 → 07505524538), so either spelling finds the record. */
function phoneKey(secret: string, phone: string): Buffer {
  const r = checkPhone(phone);
  return hmac(secret, 'phone', r.ok ? r.digits : phone);
}

/**
 * scrypt cost: N = 2^14, r = 8 (16 MiB of memory per guess). Measured on the
 * project's 2-core machine: ≈40 ms per hash when quiet, ≈250 ms under a load
 * of 12; a submission and a status lookup each compute one. Raising N later
 * is safe: the parameters are stored with every hash.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PHONE_SCRYPT: Readonly<ScryptParams> = { N: 2 ** 14, r: 8, p: 1 };

function scryptAsync(key: Buffer, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(key, salt, 32, { ...p, maxmem: 64 * 1024 * 1024 }, (err, out) => (err ? reject(err) : resolve(out))),
  );
}

/** “s1$N$r$p$salt$hash” (base64url): what a record keeps of the phone. */
export async function phoneCheck(secret: string, phone: string, p: ScryptParams = PHONE_SCRYPT): Promise<string> {
  return checkFromKey(phoneKey(secret, phone), p);
}

async function checkFromKey(key: Buffer, p: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const out = await scryptAsync(key, salt, p);
  return ['s1', p.N, p.r, p.p, salt.toString('base64url'), out.toString('base64url')].join('$');
}

/**
 * Records stored before the slow hash kept HMAC(secret, "phone\0" + digits)
 * in hex, which is exactly the key scrypt starts from: the move into the
 * database (scripts/blobs-to-db.ts) turns it into a phone check without ever
 * knowing the number.
 */
export function phoneCheckFromLegacyHash(hex: string): Promise<string> {
  if (!/^[0-9a-f]{64}$/.test(hex)) return Promise.resolve('');
  return checkFromKey(Buffer.from(hex, 'hex'), PHONE_SCRYPT);
}

/** A placeholder with the real cost, checked when no record was found, so both answers take the same time. */
const DECOY = `s1$${PHONE_SCRYPT.N}$${PHONE_SCRYPT.r}$${PHONE_SCRYPT.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

/** Does this phone match the stored check? Constant time; '' (purged) and malformed values never match. */
export async function phoneMatches(secret: string, phone: string, stored: string | undefined): Promise<boolean> {
  const parts = (stored || DECOY).split('$');
  const [tag, n, r, p, salt, hash] = parts;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const power = Number.isInteger(Math.log2(params.N)) && params.N >= 2 ** 10 && params.N <= 2 ** 20;
  const wellFormed =
    parts.length === 6 && tag === 's1' && power && params.r >= 1 && params.r <= 16 && params.p >= 1 && params.p <= 4;
  const expected = Buffer.from(wellFormed ? hash! : '', 'base64url');
  const got = await scryptAsync(phoneKey(secret, phone), Buffer.from(wellFormed ? salt! : '', 'base64url'), {
    ...(wellFormed ? params : PHONE_SCRYPT),
  });
  return !!stored && wellFormed && expected.length === 32 && timingSafeEqual(expected, got);
}

export function idempotencyHash(secret: string, formType: RequestTypeId, key: string): string {
  return hmacHex(secret, 'idempotency', `${formType}:${key}`);
}

/**
 * Receipt candidates for an idempotency hash: duplicates of one submission
 * always get the same number; the next candidates are used only if a different
 * submission already holds the first one (60 bits: practically never).
 */
export function receiptCandidates(secret: string, formType: RequestTypeId, idemHash: string, now: Date): string[] {
  const bytes = hmac(secret, 'receipt', idemHash);
  return [0, 8, 16, 24].map((offset) => formatReceipt(formType, now, receiptCode(bytes, offset)));
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

/**
 * HMAC over a record's plaintext metadata (src/lib/store/requests.ts
 * metadataOf(): everything but the sealed half, which names only its key id):
 * computed on every write by the store, checked on every read, so a row
 * edited directly in the database shows as 校验不符 on the desk.
 */
export function recordMac(secret: string, record: object): string {
  return hmacHex(secret, 'record', canonicalJson(record));
}

export function macMatches(secret: string, record: object, mac: string): boolean {
  return /^[0-9a-f]{64}$/.test(mac) && sameSecret(recordMac(secret, record), mac);
}
