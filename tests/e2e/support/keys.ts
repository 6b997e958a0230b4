/**
 * Opening records in browser tests the way the staff desk does: with the run's
 * bureau private key file (made by global-setup.ts, path from inject('staffKeyFile')).
 */
import { readFileSync } from 'node:fs';
import type { ApplicationRecord, PersonalData } from '../../../src/lib/requests/record.ts';
import { importPrivateKey, open, parsePrivateKeyFile, type OpeningKey } from '../../../src/lib/staff/crypto.ts';

const cache = new Map<string, Promise<OpeningKey[]>>();

export function keysFromFile(file: string): Promise<OpeningKey[]> {
  if (!cache.has(file)) {
    cache.set(
      file,
      Promise.all(
        parsePrivateKeyFile(readFileSync(file, 'utf8')).map(async (jwk) => ({
          kid: jwk.kid,
          key: await importPrivateKey(jwk),
        })),
      ),
    );
  }
  return cache.get(file)!;
}

/** The decrypted personal half of a stored record. */
export async function openStored(rec: ApplicationRecord, keyFile: string): Promise<PersonalData> {
  return open(rec.personal, rec.receipt, await keysFromFile(keyFile));
}
