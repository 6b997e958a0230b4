/**
 * An answer is kept sealed: AES-256-GCM under a key derived (HKDF-SHA-256)
 * from the server secret, the receipt and the asker's phone number. The
 * status lookup has the phone (the asker types it; it is checked against the
 * slow hash first), the staff desk has it (from the decrypted question), the
 * database has neither: a copy of the table alone reads nothing, and one
 * answer's key opens no other. The asker's story is often repeated in an
 * answer, so it is treated like the personal half. WebCrypto only, as
 * src/lib/staff/crypto.ts.
 */
import { checkPhone } from '../forms/phone.ts';
import { fromB64url, toB64url } from '../staff/crypto.ts';

export interface SealedAnswer {
  v: 1;
  iv: string;
  ct: string;
}

const enc = new TextEncoder();

async function answerKey(secret: string, receipt: string, phone: string): Promise<CryptoKey> {
  const r = checkPhone(phone);
  const canonical = r.ok ? r.value : phone.trim();
  const base = await crypto.subtle.importKey('raw', enc.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode(receipt), info: enc.encode(`consult-answer\0${canonical}`) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealAnswer(
  secret: string,
  receipt: string,
  phone: string,
  value: unknown,
): Promise<SealedAnswer> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await answerKey(secret, receipt, phone);
  const data = enc.encode(JSON.stringify(value));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(receipt) }, key, data),
  );
  return { v: 1, iv: toB64url(iv), ct: toB64url(ct) };
}

/** The answer, or undefined when the phone (or the secret, or the receipt) is not the one it was sealed with. */
export async function openAnswer<T>(
  secret: string,
  receipt: string,
  phone: string,
  sealed: SealedAnswer,
): Promise<T | undefined> {
  try {
    const key = await answerKey(secret, receipt, phone);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromB64url(sealed.iv), additionalData: enc.encode(receipt) },
      key,
      fromB64url(sealed.ct),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return undefined;
  }
}
