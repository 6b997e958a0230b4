/** The test bureau key pair (made in setup.ts) and decryption of stored records, as the staff desk does it. */
import type { ApplicationRecord, PersonalData } from '../../../src/lib/requests/record.ts';
import {
  importPrivateKey,
  open,
  parsePrivateKeyFile,
  type OpeningKey,
  type PrivateKeyJwk,
} from '../../../src/lib/staff/crypto.ts';

export function testPrivateJwk(): PrivateKeyJwk {
  return parsePrivateKeyFile(process.env.TEST_BUREAU_PRIVATE_KEY!)[0]!;
}

export async function testOpeningKey(): Promise<OpeningKey> {
  const jwk = testPrivateJwk();
  return { kid: jwk.kid, key: await importPrivateKey(jwk) };
}

/** The personal half of a stored record, decrypted with the test private key. */
export async function openRecord(rec: ApplicationRecord, keys?: OpeningKey[]): Promise<PersonalData> {
  return open(rec.personal, rec.receipt, keys ?? [await testOpeningKey()]);
}
