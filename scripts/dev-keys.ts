/**
 * Development setup for the staff desk, run by `npm start` and `npm run dev`
 * before netlify dev: on the first run it makes, in keys/dev/ (ignored by Git),
 *   - a development key pair (bureau-<kid>.private.jwk.json is the file to load
 *     at http://localhost:8888/staff/),
 *   - a development staff token (staff-token.txt, city-wide),
 *   - netlify-dev.env with APPLICATIONS_PUBLIC_KEY and STAFF_TOKENS, which
 *     netlify dev reads (netlify.toml [dev] envFiles).
 * Later runs reuse them. Variables already set in the environment (or in your
 * own .env files) win over this file. Delete keys/dev/ to start afresh
 * (records sealed with the old development key then no longer open).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStaffTokens } from '../src/lib/staff/tokens.ts';
import { envFileText, newStaff, writeKeyPair } from './lib/staff-keys.ts';

const dir = join(import.meta.dirname, '..', 'keys', 'dev');
const envFile = join(dir, 'netlify-dev.env');
const tokenFile = join(dir, 'staff-token.txt');

/** The development token as written before tokens had an expiry date: made again, keeping the key pair. */
function tokenOutdated(): boolean {
  const line = /STAFF_TOKENS='([^']*)'/.exec(readFileSync(envFile, 'utf8'))?.[1];
  const { staff } = parseStaffTokens(line);
  return staff.length === 0 || staff.some((s) => s.expires < new Date().toISOString().slice(0, 10));
}

if (existsSync(envFile) && existsSync(tokenFile) && tokenOutdated()) {
  const publicKey = /APPLICATIONS_PUBLIC_KEY='([^']*)'/.exec(readFileSync(envFile, 'utf8'))?.[1] ?? '';
  const staff = newStaff('开发测试', '*', 365);
  writeFileSync(tokenFile, `${staff.token}\n`, { mode: 0o600 });
  writeFileSync(
    envFile,
    envFileText(
      { APPLICATIONS_PUBLIC_KEY: publicKey, STAFF_TOKENS: staff.line },
      'Made by scripts/dev-keys.ts for local runs only. Never use these values on a deployed site.',
    ),
    { mode: 0o600 },
  );
  process.stdout.write(`\n开发用的工作人员令牌已换成带有效期的新令牌（keys/dev/staff-token.txt）。\n`);
}

if (!existsSync(envFile) || !existsSync(tokenFile)) {
  const pair = await writeKeyPair(dir);
  const staff = newStaff('开发测试', '*', 365);
  writeFileSync(tokenFile, `${staff.token}\n`, { mode: 0o600 });
  writeFileSync(
    envFile,
    envFileText(
      { APPLICATIONS_PUBLIC_KEY: pair.publicKeyEnv, STAFF_TOKENS: staff.line },
      'Made by scripts/dev-keys.ts for local runs only. Never use these values on a deployed site.',
    ),
    { mode: 0o600 },
  );
  process.stdout.write(`\n已生成开发用的密钥和工作人员令牌（keys/dev/，不会提交到 Git）。\n`);
}
const privateFile = readdirSync(dir).find((f) => f.endsWith('.private.jwk.json'));
const token = readFileSync(tokenFile, 'utf8').trim();
process.stdout.write(
  `工作台（开发用）：http://localhost:8888/staff/\n  令牌：${token}\n  私钥文件：keys/dev/${privateFile ?? '（缺失：删除 keys/dev/ 后重新运行）'}\n\n`,
);
