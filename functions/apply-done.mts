/**
 * GET /apply/legal-aid/done/ and /apply/mediation/done/: the confirmation page
 * after a post without JavaScript (303 from the form functions). `{/}?` accepts
 * the address with and without the trailing slash (netlify dev matches the
 * slash form only this way).
 */
import type { Config, Context } from '@netlify/functions';
import { handleDone } from '../src/lib/applications/handlers.ts';
import { depsFor, guarded } from './_shared/deps.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) =>
    handleDone(
      new URL(req.url).pathname.includes('/mediation/') ? 'mediation' : 'legal-aid',
      req,
      depsFor(context),
      cid,
    ),
  );

export const config: Config = {
  path: ['/apply/legal-aid/done{/}?', '/apply/mediation/done{/}?'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
