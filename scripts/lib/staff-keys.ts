/**
 * Key files and staff tokens on disk, shared by `npm run keys:generate`,
 * `npm run staff:add`, the development setup (scripts/dev-keys.ts) and the
 * browser tests' setup. Crypto and token rules live in src/lib/staff/.
 *
 * Files (all under keys/, which .gitignore keeps out of Git):
 *   bureau-<kid>.private.jwk.json   the PRIVATE key, for staff devices only (mode 600)
 *   bureau-<kid>.public.jwk.json    the public key (also printed as the env line)
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, type PublicKeyJwk } from '../../src/lib/staff/crypto.ts';
import { beijingDate, DAY_MS } from '../../src/lib/time.ts';
import { newToken, staffLine, TOKEN_DAYS } from '../../src/lib/staff/tokens.ts';

export interface WrittenKeyPair {
  kid: string;
  publicJwk: PublicKeyJwk;
  privateFile: string;
  publicFile: string;
  /** APPLICATIONS_PUBLIC_KEY's value: the public JWK as one line of JSON. */
  publicKeyEnv: string;
}

export async function writeKeyPair(dir: string, now = new Date()): Promise<WrittenKeyPair> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { kid, publicJwk, privateJwk } = await generateKeyPair(now);
  const privateFile = join(dir, `bureau-${kid}.private.jwk.json`);
  const publicFile = join(dir, `bureau-${kid}.public.jwk.json`);
  if (existsSync(privateFile)) throw new Error(`${privateFile} already exists`);
  writeFileSync(privateFile, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(privateFile, 0o600);
  writeFileSync(publicFile, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: 'wx' });
  return { kid, publicJwk, privateFile, publicFile, publicKeyEnv: JSON.stringify(publicJwk) };
}

export interface NewStaff {
  token: string;
  line: string;
  /** Last day the token works (Beijing date). */
  expires: string;
}

/** A new token and its STAFF_TOKENS line, working for `days` days from today. */
export function newStaff(name: string, towns: string[] | '*', days = TOKEN_DAYS, now = new Date()): NewStaff {
  const token = newToken();
  const expires = beijingDate(now.getTime() + days * DAY_MS);
  return { token, line: staffLine(name, towns, token, expires), expires };
}

/** A dotenv file netlify dev reads (netlify.toml [dev] envFiles). Values in single quotes: JSON stays as it is. */
export function envFileText(vars: Record<string, string>, comment: string): string {
  for (const v of Object.values(vars))
    if (v.includes("'") || /[\r\n]/.test(v)) throw new Error('value cannot be written to a .env file');
  return `# ${comment}\n${Object.entries(vars)
    .map(([k, v]) => `${k}='${v}'`)
    .join('\n')}\n`;
}
