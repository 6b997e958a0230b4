/** POST /api/withdraw: the submitter withdraws within 10 minutes (secret from the page's memory or the withdraw cookie). */
import type { Config, Context } from '@netlify/functions';
import { handleWithdraw } from '../src/lib/requests/handlers/index.ts';
import { depsFor } from './_shared/deps.ts';
import { guarded } from './_shared/guarded.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) => handleWithdraw(req, depsFor(context), cid));

export const config: Config = {
  path: '/api/withdraw',
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
