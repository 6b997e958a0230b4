/**
 * /api/staff/*: the staff desk's API (src/lib/staff/api/). Every request
 * carries a staff token and is authorised there; records leave sealed and are
 * decrypted on the staff member's device.
 */
import type { Config, Context } from '@netlify/functions';
import { json } from '../src/lib/http/responses.ts';
import { handleStaff } from '../src/lib/staff/api/index.ts';
import { logUnexpected } from './_shared/log.ts';
import { staffDepsFor } from './_shared/staff-deps.ts';

export default async (req: Request, context: Context) => {
  const cid = context?.requestId || crypto.randomUUID();
  try {
    return await handleStaff(req, staffDepsFor(context), { ip: context?.ip ?? '', cid });
  } catch (error) {
    logUnexpected(cid, error);
    return json(500, { error: 'internal', message: '系统出错了，请稍后再试。', correlationId: cid }, cid);
  }
};

// Per address: room for a busy morning at the desk; sign-in guessing is stopped by the lockout long before.
export const config: Config = {
  path: '/api/staff/*',
  rateLimit: { windowLimit: 120, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
