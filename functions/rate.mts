/** POST /api/rate: 满意度评价 from the status page (src/lib/requests/handlers/rate.ts). */
import type { Config, Context } from '@netlify/functions';
import { handleRate } from '../src/lib/requests/handlers/index.ts';
import { depsFor } from './_shared/deps.ts';
import { guarded } from './_shared/guarded.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) => handleRate(req, depsFor(context), cid));

export const config: Config = {
  path: '/api/rate',
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
