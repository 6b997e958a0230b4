/**
 * The staff desk's secrets for a test server, made fresh in a temporary
 * folder (never in the repository): a bureau key pair (the public key goes to
 * netlify dev as APPLICATIONS_PUBLIC_KEY, the private key file is what the
 * tests load on the desk) and two staff tokens, a city-wide one and one for
 * 都斛镇 only (STAFF_TOKENS). Variables passed to netlify dev this way win
 * over keys/dev/netlify-dev.env.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newStaff, writeKeyPair } from '../../../scripts/lib/staff-keys.ts';

export interface StaffSecrets {
  /** The temporary folder holding the key files: remove it when done. */
  dir: string;
  /** Path of the bureau private key file (.private.jwk.json). */
  privateFile: string;
  tokens: { city: string; duhu: string };
  /** For netlify dev: APPLICATIONS_PUBLIC_KEY and STAFF_TOKENS. */
  env: Record<string, string>;
}

export async function staffSecrets(): Promise<StaffSecrets> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-keys-'));
  const pair = await writeKeyPair(dir);
  const city = newStaff('测试管理员', '*');
  const duhu = newStaff('都斛测试', ['duhu']);
  return {
    dir,
    privateFile: pair.privateFile,
    tokens: { city: city.token, duhu: duhu.token },
    env: { APPLICATIONS_PUBLIC_KEY: pair.publicKeyEnv, STAFF_TOKENS: `${city.line};${duhu.line}` },
  };
}
