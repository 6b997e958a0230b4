/**
 * Runs before every function test file (vitest.config.ts, project "functions"):
 * a fresh bureau key pair for the file, its public half where the functions
 * read it (APPLICATIONS_PUBLIC_KEY), its private half where the tests read it
 * (tests/functions/support/keys.ts). No key is ever written to the repository.
 */
import { generateKeyPair } from '../../../src/lib/staff/crypto.ts';

const pair = await generateKeyPair();
process.env.APPLICATIONS_PUBLIC_KEY = JSON.stringify(pair.publicJwk);
process.env.TEST_BUREAU_PRIVATE_KEY = JSON.stringify(pair.privateJwk);
