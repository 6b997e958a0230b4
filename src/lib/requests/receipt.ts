/**
 * Receipt numbers: FY-20261127-7K3Q9P (法援), TJ-20261127-7K3Q9P (调解), one
 * two-letter prefix per kind of request (registry.ts). The date is the day
 * the bureau received the request (Beijing time); the six characters come
 * from a keyed hash, so numbers are neither sequential nor guessable. The
 * alphabet leaves out I, L, O and U so a number read aloud over the phone
 * cannot be misheard as 1 or 0, and readers may type them anyway:
 * parseReceipt() maps O→0 and I/L→1.
 */
import { toHalfWidth } from '../forms/normalize.ts';
import { beijingCompactDate } from '../time.ts';
import { requestType, requestTypeByPrefix, type RequestTypeId } from './registry.ts';

export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX = /^[0-9A-HJKMNP-TV-Z]{6}$/;

/** Six receipt characters from the first 30 bits of a byte string, starting at `offset` bytes. */
export function receiptSuffix(bytes: Uint8Array, offset = 0): string {
  let bits = 0;
  for (let i = 0; i < 4; i++) bits = bits * 256 + (bytes[offset + i] ?? 0);
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += RECEIPT_ALPHABET[bits % 32];
    bits = Math.floor(bits / 32);
  }
  return out;
}

export function formatReceipt(type: RequestTypeId, at: Date, suffix: string): string {
  return `${requestType(type).receiptPrefix}-${beijingCompactDate(at)}-${suffix}`;
}

/**
 * Reads a receipt number as a person may type it: lower case, full width,
 * spaces or no hyphens, O for 0. Returns the canonical form or undefined.
 */
export function parseReceipt(input: string): string | undefined {
  const compact = toHalfWidth(String(input))
    .toUpperCase()
    .replace(/[\s\-–—_]/g, '');
  const m = compact.match(/^([A-Z]{2})(\d{8})([0-9A-Z]{6})$/);
  if (!m || !requestTypeByPrefix(m[1]!)) return undefined;
  const suffix = m[3]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  return SUFFIX.test(suffix) ? `${m[1]}-${m[2]}-${suffix}` : undefined;
}

export function receiptFormType(receipt: string): RequestTypeId | undefined {
  return requestTypeByPrefix(receipt.slice(0, 2))?.id;
}
