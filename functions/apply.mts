/**
 * Every kind of request in the registry (src/lib/requests/registry.ts):
 * POST /api/<kind> (JSON from the page script, or a form without JavaScript)
 * and GET /apply/<kind>/done/ (the confirmation page after a post without
 * JavaScript; `{/}?` accepts the address with and without the slash). The
 * other endpoints under /api/ are excluded here and served by their own
 * functions; tests/unit/requests.test.ts checks that no two functions claim
 * the same address and that every registered kind is routed here.
 */
import type { Config, Context } from '@netlify/functions';
import { routeRequest } from '../src/lib/requests/handlers/index.ts';
import { depsFor } from './_shared/deps.ts';
import { guarded } from './_shared/guarded.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) => routeRequest(req, depsFor(context), cid));

// A person filling a form without JavaScript posts 3–5 times (check, edit, confirm) and opens the
// confirmation once; 30 a minute per address leaves room for a shared office connection.
export const config: Config = {
  // The confirmation page also under /zh-hant/ (the 繁體 site, src/lib/i18n/).
  path: ['/api/:kind', '/apply/:kind/done{/}?', '/zh-hant/apply/:kind/done{/}?'],
  excludedPath: ['/api/status', '/api/withdraw', '/api/rate', '/api/staff/*'],
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
