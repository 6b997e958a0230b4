/**
 * Idempotency keys: one per filled form, made by the page script (with
 * JavaScript) or by the check-your-answers page (without), sent with the
 * submission so a double click or a retry gives one record and one receipt.
 * WebCrypto, so the same code runs in the browser and in the functions.
 */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** 144 random bits, base64url. */
export function newKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
