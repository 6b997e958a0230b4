/**
 * Receipt numbers: FY-20261207-7K3Q-9PAB-XM4T (法援), TJ-… (调解), one
 * two-letter prefix per kind of request (registry.ts). The date is the day
 * the bureau received the request (Beijing time); the twelve characters (60
 * bits) come from a keyed hash, so numbers are neither sequential nor
 * guessable: with 60 bits, trying receipts at the status page's rate limit
 * finds nothing in any lifetime, and the status lookup still asks for the phone.
 * The alphabet leaves out I, L, O and U so a number read aloud over the phone
 * cannot be misheard as 1 or 0, and readers may type them anyway:
 * parseReceipt() maps O→0 and I/L→1.
 *
 * How a receipt is written is decided here only (receiptText()); pages and
 * messages show EXAMPLE_RECEIPT.
 *
 * Receipts made before December 2026 had six characters (30 bits):
 * FY-20261127-7K3Q9P. parseReceipt() still reads them, so records moved from
 * the old store stay findable; new receipts always have twelve.
 */
import { toHalfWidth } from '../forms/normalize.ts';
import { beijingCompactDate } from '../time.ts';
import { requestType, requestTypeByPrefix, type RequestTypeId } from './registry.ts';

export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = /^(?:[0-9A-HJKMNP-TV-Z]{12}|[0-9A-HJKMNP-TV-Z]{6})$/;
/** Characters of a new receipt's code (5 bits each). */
export const CODE_LENGTH = 12;

/** Six receipt characters from 30 bits of a byte string, starting at `offset` bytes. */
function sixFrom(bytes: Uint8Array, offset: number): string {
  let bits = 0;
  for (let i = 0; i < 4; i++) bits = bits * 256 + (bytes[offset + i] ?? 0);
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += RECEIPT_ALPHABET[bits % 32];
    bits = Math.floor(bits / 32);
  }
  return out;
}

/** Twelve receipt characters (60 bits) from eight bytes starting at `offset`. */
export function receiptCode(bytes: Uint8Array, offset = 0): string {
  return sixFrom(bytes, offset) + sixFrom(bytes, offset + 4);
}

/** How a receipt is written: prefix, date, then the code in groups of four. */
export function receiptText(prefix: string, date: string, code: string): string {
  const groups = code.length === CODE_LENGTH ? code.match(/.{4}/g)!.join('-') : code;
  return `${prefix}-${date}-${groups}`;
}

export function formatReceipt(type: RequestTypeId, at: Date, code: string): string {
  return receiptText(requestType(type).receiptPrefix, beijingCompactDate(at), code);
}

/** The example shown in hints and messages. */
export const EXAMPLE_RECEIPT = receiptText('FY', '20261207', '7K3Q9PABXM4T');

/** The parts of a canonical receipt. */
export function receiptParts(receipt: string): { prefix: string; date: string; code: string } {
  const [prefix = '', date = '', ...rest] = receipt.split('-');
  return { prefix, date, code: rest.join('') };
}

/**
 * Where a receipt's record is filed: the prefix and the code, without the
 * date. The code comes from the idempotency key's HMAC, so a retry of the same
 * submission after midnight (when a new receipt's date would differ) finds the
 * first record; lookups then compare the full receipt.
 */
export function receiptSlot(receipt: string): string {
  const { prefix, code } = receiptParts(receipt);
  return `${prefix}-${code}`;
}

/**
 * Reads a receipt number as a person may type it: lower case, full width,
 * spaces or no hyphens, O for 0. Returns the canonical form or undefined.
 */
export function parseReceipt(input: string): string | undefined {
  const compact = toHalfWidth(String(input))
    .toUpperCase()
    .replace(/[\s\-–—_‐‑－]/g, '');
  const m = compact.match(/^([A-Z]{2})(\d{8})([0-9A-Z]{12}|[0-9A-Z]{6})$/);
  if (!m || !requestTypeByPrefix(m[1]!)) return undefined;
  const code = m[3]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE.test(code) ? receiptText(m[1]!, m[2]!, code) : undefined;
}

export function receiptFormType(receipt: string): RequestTypeId | undefined {
  return requestTypeByPrefix(receipt.slice(0, 2))?.id;
}
