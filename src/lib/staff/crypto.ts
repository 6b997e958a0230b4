/**
 * End-to-end encryption of the personal half of an application.
 *
 * The functions hold only the bureau's PUBLIC key (APPLICATIONS_PUBLIC_KEY);
 * the private key lives in a file on staff devices and is used in the
 * browser. WebCrypto only, so the same code runs in Node (functions, scripts,
 * tests) and in the staff desk.
 *
 * Scheme (one message per record; ECIES with ephemeral-static ECDH):
 *   1. a fresh ephemeral P-256 key pair per seal;
 *   2. z = ECDH(ephemeral private, bureau public)            (32 bytes)
 *   3. k = HKDF-SHA-256(ikm = z, salt = ephemeral public point (65 bytes),
 *                       info = "ts-sfj/personal/v1\0" + kid) → AES-256-GCM key
 *   4. ct = AES-256-GCM(k, iv = 12 random bytes, aad, plaintext)
 *      aad = "ts-sfj/personal/v1\0" + receipt + "\0" + kid
 *      plaintext = JSON of the validated fields, padded with spaces to a
 *      multiple of 256 bytes (hides the exact length of the story).
 * The AAD binds the ciphertext to its record and key: moved to another record,
 * or relabelled with another key id, it no longer decrypts.
 *
 * Stored shape (record.personal):
 *   { encoding: 'ecdh-p256-aes256gcm', v: 1, kid, epk, iv, ct }   (base64url)
 *
 * Key ids: "<YYYYMMDD>-<first 12 characters of the RFC 7638 thumbprint>", so
 * a key id names its key and cannot silently point at another one. Records
 * keep the key id they were sealed with; after a rotation the desk holds the
 * old private keys too, and old records keep opening.
 */
import type { PersonalData } from '../requests/record.ts';
import { beijingCompactDate } from '../time.ts';
import type { PersonalSealer } from '../requests/store.ts';

export const ENCODING = 'ecdh-p256-aes256gcm';
const LABEL = 'ts-sfj/personal/v1';
const PAD_TO = 256;

export type SealedV1 = {
  encoding: typeof ENCODING;
  v: 1;
  /** Key id of the bureau key pair this was sealed to. */
  kid: string;
  /** Ephemeral public key, uncompressed P-256 point (65 bytes), base64url. */
  epk: string;
  /** AES-GCM nonce (12 bytes), base64url. */
  iv: string;
  /** AES-GCM ciphertext with its 16-byte tag, base64url. */
  ct: string;
};

export interface PublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
}

export interface PrivateKeyJwk extends PublicKeyJwk {
  d: string;
}

/** A private key ready to decrypt, with its key id. */
export interface OpeningKey {
  kid: string;
  key: CryptoKey;
}

export class SealError extends Error {
  override name = 'SealError';
}

/** Why a record could not be opened: no private key for its key id, or the bytes do not verify with it. */
export class OpenError extends Error {
  override name = 'OpenError';
  readonly reason: 'no-key' | 'failed' | 'format';
  readonly kid: string;
  constructor(reason: 'no-key' | 'failed' | 'format', kid: string) {
    super(
      reason === 'no-key'
        ? `no private key for ${kid}`
        : reason === 'format'
          ? 'not a sealed record'
          : `cannot decrypt with ${kid}`,
    );
    this.reason = reason;
    this.kid = kid;
  }
}

const subtle = () => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

// ------------------------------------------------------------------ base64url

export function toB64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromB64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SealError('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const bytes = (s: string) => new Uint8Array(utf8.encode(s));

// ------------------------------------------------------------------ keys

const KID = /^\d{8}-[A-Za-z0-9_-]{12}$/;
const COORD = /^[A-Za-z0-9_-]{43}$/;

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of a P-256 public key. */
export async function thumbprint(jwk: { x: string; y: string }): Promise<string> {
  const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
  return toB64url(new Uint8Array(await subtle().digest('SHA-256', bytes(canonical))));
}

/** The key id for a public key made on a day: 20261127-AbCdEf123456. */
export async function keyIdFor(jwk: { x: string; y: string }, day: Date): Promise<string> {
  return `${beijingCompactDate(day)}-${(await thumbprint(jwk)).slice(0, 12)}`;
}

/** Does the key id's thumbprint part belong to this key? */
export async function kidMatches(jwk: { x: string; y: string; kid: string }): Promise<boolean> {
  return KID.test(jwk.kid) && jwk.kid.slice(9) === (await thumbprint(jwk)).slice(0, 12);
}

export async function generateKeyPair(
  now: Date = new Date(),
): Promise<{ kid: string; publicJwk: PublicKeyJwk; privateJwk: PrivateKeyJwk }> {
  const pair = (await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  const kid = await keyIdFor({ x: jwk.x!, y: jwk.y! }, now);
  const publicJwk: PublicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid };
  return { kid, publicJwk, privateJwk: { ...publicJwk, d: jwk.d! } };
}

function checkPublicShape(v: unknown, what: string): PublicKeyJwk {
  const o = v as Record<string, unknown> | null;
  if (!o || typeof o !== 'object') throw new SealError(`${what}: not a JSON object`);
  if (o.kty !== 'EC' || o.crv !== 'P-256') throw new SealError(`${what}: not a P-256 key`);
  if (typeof o.x !== 'string' || !COORD.test(o.x) || typeof o.y !== 'string' || !COORD.test(o.y))
    throw new SealError(`${what}: bad coordinates`);
  if (typeof o.kid !== 'string' || !KID.test(o.kid)) throw new SealError(`${what}: missing or malformed kid`);
  return { kty: 'EC', crv: 'P-256', x: o.x, y: o.y, kid: o.kid };
}

/** APPLICATIONS_PUBLIC_KEY: one line of JSON, the public JWK with its kid. Refuses a private key. */
export function parsePublicKey(text: string): PublicKeyJwk {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new SealError('public key: not JSON');
  }
  if (v && typeof v === 'object' && 'd' in v)
    throw new SealError('public key: this is a PRIVATE key; it must never be put in the site environment');
  return checkPublicShape(v, 'public key');
}

/**
 * A staff key file: one private JWK ({kty, crv, x, y, d, kid}) or a JWK Set
 * ({ keys: [...] }) holding several (after a rotation).
 */
export function parsePrivateKeyFile(text: string): PrivateKeyJwk[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new SealError('key file: not JSON');
  }
  const list =
    v && typeof v === 'object' && Array.isArray((v as { keys?: unknown }).keys) ? (v as { keys: unknown[] }).keys : [v];
  if (list.length === 0) throw new SealError('key file: no keys');
  return list.map((k) => {
    const pub = checkPublicShape(k, 'key file');
    const d = (k as { d?: unknown }).d;
    if (typeof d !== 'string' || !COORD.test(d)) throw new SealError('key file: not a private key (no "d")');
    return { ...pub, d };
  });
}

export function importPublicKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return subtle().importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
    { name: 'ECDH', namedCurve: 'P-256' },
    true,
    [],
  );
}

/**
 * The private key as a CryptoKey, NON-EXTRACTABLE by default: once imported,
 * no script on the page can read the key bytes back out (exportKey refuses),
 * which is what lets the desk keep it in IndexedDB on a device.
 */
export function importPrivateKey(jwk: PrivateKeyJwk, extractable = false): Promise<CryptoKey> {
  return subtle().importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d, ext: extractable },
    { name: 'ECDH', namedCurve: 'P-256' },
    extractable,
    ['deriveBits'],
  );
}

// ------------------------------------------------------------------ seal / open

async function aesKey(
  shared: ArrayBuffer,
  epkRaw: Uint8Array<ArrayBuffer>,
  kid: string,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: bytes(`${LABEL}\u0000${kid}`) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const aad = (receipt: string, kid: string) => bytes(`${LABEL}\u0000${receipt}\u0000${kid}`);

function pad(json: string): Uint8Array<ArrayBuffer> {
  const raw = bytes(json);
  const size = Math.ceil((raw.length + 1) / PAD_TO) * PAD_TO;
  const out = new Uint8Array(new ArrayBuffer(size)).fill(0x20);
  out.set(raw, 0);
  return out;
}

/** Encrypts what the person typed to the bureau's public key, bound to the record's receipt. */
export async function seal(
  data: PersonalData,
  to: { key: CryptoKey; kid: string },
  receipt: string,
): Promise<SealedV1> {
  const eph = (await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const epkRaw = new Uint8Array(await subtle().exportKey('raw', eph.publicKey));
  const shared = await subtle().deriveBits({ name: 'ECDH', public: to.key }, eph.privateKey, 256);
  const key = await aesKey(shared, epkRaw, to.kid, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const ct = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(receipt, to.kid) },
      key,
      pad(JSON.stringify(data)),
    ),
  );
  return { encoding: ENCODING, v: 1, kid: to.kid, epk: toB64url(epkRaw), iv: toB64url(iv), ct: toB64url(ct) };
}

export function isSealed(v: unknown): v is SealedV1 {
  const o = v as Record<string, unknown> | null;
  return (
    !!o &&
    o.encoding === ENCODING &&
    o.v === 1 &&
    typeof o.kid === 'string' &&
    typeof o.epk === 'string' &&
    typeof o.iv === 'string' &&
    typeof o.ct === 'string'
  );
}

/**
 * Decrypts a sealed record with whichever of the given private keys has its
 * key id. Throws OpenError('no-key') when none does, OpenError('failed') when
 * the key, the receipt or the bytes do not match.
 */
export async function open(sealed: unknown, receipt: string, keys: readonly OpeningKey[]): Promise<PersonalData> {
  if (!isSealed(sealed)) throw new OpenError('format', '');
  const k = keys.find((x) => x.kid === sealed.kid);
  if (!k) throw new OpenError('no-key', sealed.kid);
  try {
    const epkRaw = fromB64url(sealed.epk);
    const epk = await subtle().importKey('raw', epkRaw, { name: 'ECDH', namedCurve: 'P-256' }, true, []);
    const shared = await subtle().deriveBits({ name: 'ECDH', public: epk }, k.key, 256);
    const key = await aesKey(shared, epkRaw, sealed.kid, 'decrypt');
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromB64url(sealed.iv), additionalData: aad(receipt, sealed.kid) },
      key,
      fromB64url(sealed.ct),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as PersonalData;
  } catch {
    throw new OpenError('failed', sealed.kid);
  }
}

/**
 * The PersonalSealer the functions use: parses the public key once, imports it
 * on first use, and seals each record to it. Holds no private key, ever.
 */
export function publicKeySealer(jwk: PublicKeyJwk): PersonalSealer & { kid: string } {
  let imported: Promise<CryptoKey> | undefined;
  return {
    kid: jwk.kid,
    async seal(data, context) {
      imported ??= importPublicKey(jwk);
      return seal(data, { key: await imported, kid: jwk.kid }, context.receipt);
    },
  };
}
