/**
 * The two secrets of the functions.
 *
 * APPLICATIONS_SECRET (environment, at least 32 characters) keys every HMAC:
 * record keys from idempotency keys, the phone hash for status lookup, the
 * withdraw secret, audit MACs. Locally (netlify dev, tests, the benchmark) a
 * fixed development value is used when it is not set; a deployed site without
 * it refuses requests with 503 instead of silently using the public default.
 *
 * APPLICATIONS_PUBLIC_KEY (environment, one line of JSON: the bureau's public
 * JWK with its kid, from `npm run keys:generate`) encrypts the personal half of
 * every record (src/lib/staff/crypto.ts). There is no fallback: without a valid
 * public key nothing is stored, anywhere (503). `npm start` and `npm run dev`
 * generate a development key pair into keys/dev/ on first run
 * (scripts/dev-keys.ts) and netlify dev reads it from keys/dev/netlify-dev.env.
 */
import type { Context } from '@netlify/functions';
import type { PersonalSealer } from '../../src/lib/requests/store.ts';
import { parsePublicKey, publicKeySealer } from '../../src/lib/staff/crypto.ts';
import { StoreUnavailableError } from '../../src/lib/store/deadline.ts';
import { env } from './env.ts';
import { log } from './log.ts';

export const DEV_SECRET = 'development-only-secret-do-not-use-in-production-taishan';

const DEPLOYED = new Set(['production', 'deploy-preview', 'branch-deploy']);

/** Is this a deployed site (production or a preview), where development defaults are refused? */
export function isDeployed(context: Partial<Context> | undefined): boolean {
  return DEPLOYED.has(context?.deploy?.context ?? '');
}

/** The server secret, and whether the functions may run at all (deployed sites need a real secret). */
export function secretFor(context: Partial<Context> | undefined): { secret: string; secretOk: boolean } {
  const configured = env('APPLICATIONS_SECRET');
  const secret = configured && configured.length >= 32 ? configured : DEV_SECRET;
  return { secret, secretOk: !isDeployed(context) || secret !== DEV_SECRET };
}

/** One sealer per distinct public key text (parsed and imported once per function instance). */
const sealers = new Map<string, PersonalSealer | null>();

export function sealerFromEnv(): PersonalSealer | null {
  const text = env('APPLICATIONS_PUBLIC_KEY') ?? '';
  if (!sealers.has(text)) {
    let sealer: PersonalSealer | null = null;
    try {
      sealer = text ? importChecked(publicKeySealer(parsePublicKey(text))) : null;
    } catch (error) {
      // The reason names the problem (not JSON, a private key, no kid…), never the value.
      log({
        event: 'public-key-invalid',
        cid: '-',
        status: 503,
        detail: error instanceof Error ? error.message : 'invalid',
      });
    }
    sealers.set(text, sealer);
  }
  return sealers.get(text)!;
}

/**
 * A key can be well formed JSON with valid base64 coordinates and still not be
 * a point on P-256: WebCrypto refuses it only when it is imported, at the
 * first seal. That is a configuration fault like a missing key, so it answers
 * 503 (with the reason in the log), never 500.
 */
function importChecked(sealer: PersonalSealer): PersonalSealer {
  let reported = false;
  return {
    async seal(data, context) {
      try {
        return await sealer.seal(data, context);
      } catch (error) {
        if (!reported) {
          reported = true;
          log({ event: 'public-key-invalid', cid: '-', status: 503, detail: 'public key: not a point on P-256' });
        }
        throw new StoreUnavailableError('public key cannot be used', { cause: error });
      }
    },
  };
}

/** Stands in for a missing key: storing anything then fails loudly instead of storing plaintext. */
export const refusingSealer: PersonalSealer = {
  seal() {
    throw new Error('no public key');
  },
};
