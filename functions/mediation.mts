/** POST /api/mediation: 人民调解申请 (JSON from the page script, or a form without JavaScript). */
import type { Config, Context } from '@netlify/functions';
import { handleApplication } from '../src/lib/applications/handlers.ts';
import { depsFor, guarded } from './_shared/deps.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) => handleApplication('mediation', req, depsFor(context), cid));

export const config: Config = {
  path: '/api/mediation',
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
