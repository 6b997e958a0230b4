/**
 * The request endpoints, written against web Request/Response and injected
 * dependencies, so the Netlify functions are one line each and tests call them
 * in-process. `routeRequest` serves every kind in the registry from one
 * function (functions/apply.mts).
 */
import { json } from '../../http/responses.ts';
import { isRequestTypeId } from '../registry.ts';
import { handleDone } from './done.ts';
import type { HandlerDeps } from './exchange.ts';
import { handleApplication } from './submit.ts';

export { handleApplication } from './submit.ts';
export { handleStatus } from './status.ts';
export { handleWithdraw } from './withdraw.ts';
export { handleDone } from './done.ts';
export { handleRate } from './rate.ts';
export type { HandlerDeps, LogEntry } from './exchange.ts';

/** /api/<kind> and /apply/<kind>/done/: the kind is the path segment; anything else is 404. */
export function routeRequest(req: Request, deps: HandlerDeps, cid: string): Promise<Response> | Response {
  const path = new URL(req.url).pathname;
  const api = /\/api\/([a-z-]+)\/?$/.exec(path);
  const done = /\/apply\/([a-z-]+)\/done\/?$/.exec(path);
  const id = (api ?? done)?.[1];
  if (!isRequestTypeId(id)) return json(404, { error: 'not-found', message: '没有这个地址' }, cid);
  return api ? handleApplication(id, req, deps, cid) : handleDone(id, req, deps, cid);
}
