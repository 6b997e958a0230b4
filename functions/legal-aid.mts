/** POST /api/legal-aid: 法律援助申请 (JSON from the page script, or a form without JavaScript). */
import type { Config, Context } from '@netlify/functions';
import { handleApplication } from '../src/lib/applications/handlers.ts';
import { depsFor, guarded } from './_shared/deps.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) => handleApplication('legal-aid', req, depsFor(context), cid));

// A person filling the form without JavaScript posts 3–5 times (check, edit, confirm); 20 a minute per address leaves room for a shared office connection.
export const config: Config = {
  path: '/api/legal-aid',
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
