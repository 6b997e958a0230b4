/**
 * npm run staff:revoke -- <token or hash> [--reason 离职] [--name 陈丽]
 *
 * Puts a staff token on the revocation list in the database: it stops
 * working at the next request, without a deploy (the sign-in check reads the
 * list, src/lib/staff/api/auth.ts). Give the token itself (tsk_…) or the
 * 64-character hash from its STAFF_TOKENS line. Afterwards remove the line
 * from STAFF_TOKENS too, at the next deploy.
 *
 * Which database: NETLIFY_DB_URL when set (the deployed site's connection
 * string, from the Netlify dashboard), else the local one
 * (scripts/lib/database.ts, openProjectDatabase).
 */
import { parseArgs } from 'node:util';
import { revokeToken } from '../src/lib/store/revocations.ts';
import { openProjectDatabase } from './lib/database.ts';

const { values, positionals } = parseArgs({
  options: { reason: { type: 'string' }, name: { type: 'string' } },
  allowPositionals: true,
});
const target = positionals[0];
if (!target) {
  process.stderr.write(
    '用法：npm run staff:revoke -- <令牌或STAFF_TOKENS那一行里的64位校验值> [--reason 离职] [--name 姓名]\n',
  );
  process.exit(1);
}
const db = await openProjectDatabase();
try {
  const reason = values.reason ?? process.env.npm_config_reason ?? '';
  const name = values.name ?? process.env.npm_config_name ?? null;
  const out = await revokeToken(target, reason, new Date(), name);
  process.stdout.write(
    `${out.revoked ? '已停用' : '这个令牌早已停用'}：校验值 ${out.hash.slice(0, 12)}…（${db.where}）。\n` +
      '下次部署时请把它那一行从 STAFF_TOKENS 删掉。\n',
  );
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
