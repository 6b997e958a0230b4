/** POST /api/status: receipt number + phone → status and history (no personal data). */
import type { Config, Context } from '@netlify/functions';
import { handleStatus } from '../src/lib/requests/handlers/index.ts';
import { depsFor } from './_shared/deps.ts';
import { guarded } from './_shared/guarded.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) => handleStatus(req, depsFor(context), cid));

// Tight: guessing receipt + phone pairs must stay hopeless.
export const config: Config = {
  path: '/api/status',
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
