/**
 * Receipt numbers: FY-20261127-7K3Q9P (法援) and TJ-20261127-7K3Q9P (调解).
 * The date is the day the bureau received the application (China time); the
 * six characters come from a keyed hash, so numbers are neither sequential nor
 * guessable. The alphabet leaves out I, L, O and U so a number read aloud over
 * the phone cannot be misheard as 1 or 0, and readers may type them anyway:
 * parseReceipt() maps O→0 and I/L→1.
 */
import { toHalfWidth } from './normalize.ts';

export const FORM_TYPES = ['legal-aid', 'mediation'] as const;
export type FormType = (typeof FORM_TYPES)[number];

export const RECEIPT_PREFIX: Record<FormType, string> = { 'legal-aid': 'FY', mediation: 'TJ' };

export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT = /^(FY|TJ)-(\d{8})-([0-9A-HJKMNP-TV-Z]{6})$/;

/** The China-time calendar date of an instant, as YYYYMMDD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

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

export function formatReceipt(type: FormType, at: Date, suffix: string): string {
  return `${RECEIPT_PREFIX[type]}-${chinaDate(at)}-${suffix}`;
}

/**
 * Reads a receipt number as a person may type it: lower case, full width,
 * spaces or no hyphens, O for 0. Returns the canonical form or undefined.
 */
export function parseReceipt(input: string): string | undefined {
  const compact = toHalfWidth(String(input))
    .toUpperCase()
    .replace(/[\s\-–—_]/g, '');
  const m = compact.match(/^(FY|TJ)(\d{8})([0-9A-Z]{6})$/);
  if (!m) return undefined;
  const suffix = m[3]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  const receipt = `${m[1]}-${m[2]}-${suffix}`;
  return RECEIPT.test(receipt) ? receipt : undefined;
}

export function receiptFormType(receipt: string): FormType | undefined {
  if (receipt.startsWith('FY-')) return 'legal-aid';
  if (receipt.startsWith('TJ-')) return 'mediation';
  return undefined;
}
