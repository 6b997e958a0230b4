/**
 * The revocation list of staff tokens (table staff_revocations): a token on it
 * stops working at the next request, without a deploy. Filled by
 * `npm run staff:revoke`; read by the sign-in check (store/staff.ts isRevoked).
 */
import { TOKEN_PATTERN, tokenHash } from '../staff/tokens.ts';
import { database, type Sql } from './db.ts';

/** A token (tsk_…) or the 64-hex hash from its STAFF_TOKENS line → the hash. */
export function hashToRevoke(tokenOrHash: string): string {
  const v = tokenOrHash.trim();
  if (TOKEN_PATTERN.test(v)) return tokenHash(v);
  if (/^[0-9a-f]{64}$/.test(v)) return v;
  throw new Error('not a staff token (tsk_…) or the 64-character hash from its STAFF_TOKENS line');
}

export async function revokeToken(
  tokenOrHash: string,
  reason: string,
  now: Date,
  name: string | null = null,
  sql: () => Sql = database,
): Promise<{ revoked: boolean; hash: string }> {
  const hash = hashToRevoke(tokenOrHash);
  const { rows } = await sql().query(
    'INSERT INTO staff_revocations (token_hash, name, reason, revoked_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING token_hash',
    [hash, name, reason.slice(0, 200), now.toISOString()],
  );
  return { revoked: rows.length === 1, hash };
}
