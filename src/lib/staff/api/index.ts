/**
 * The staff API behind /staff/ (functions/staff.mts). Every request:
 *   1. method and route (405/404), body ≤ 32 KB as JSON (413/415/400), not
 *      from another site (403);
 *   2. the client address's lockout state, then the token (auth.ts);
 *   3. the town scope and the audit entry (routes.ts, context.ts).
 *
 *   POST /api/staff/session                      sign in: who am I, which towns
 *   GET  /api/staff/records?formType&status&town&from&to&due&receipt&sort&after
 *                                                one page (keyset) of the queue, plaintext metadata
 *                                                only, + counts per status from the indexes
 *   GET  /api/staff/records/<receipt>            one record, personal data still sealed
 *   POST /api/staff/records/<receipt>/status     {status, note, materials, expected}
 *   POST /api/staff/sealed                       {receipts} (≤ 100) → their sealed halves, for the
 *                                                desk to show names and search on the device
 *   POST /api/staff/export                       {filters, sort, after, personal} → one page of
 *                                                the filtered records (sealed), under 4 MB
 *   GET  /api/staff/audit?from&to&receipt&before audit entries, a page at a time, newest first
 *   POST /api/staff/records/<receipt>/answer     answer a 法律咨询 (consult.ts)
 *   GET  /api/staff/records/<receipt>/consult    its answer (sealed) and any rating (consult.ts)
 *   GET  /api/staff/service-days/<day id>         a service day's bookings, sealed, for the adviser's
 *                                                printable list (service-days.ts)
 *
 * There is no route that edits or deletes a record's personal data or an
 * audit entry. Decryption happens only in the staff member's browser. Logs:
 * correlation id, event, status, receipt, staff name; never personal data,
 * never a token.
 */
import { randomUUID } from 'node:crypto';
import { bodyKind, crossSite, parseJsonObject, readBody } from '../../http/body.ts';
import { HttpError } from '../../http/errors.ts';
import { json } from '../../http/responses.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { authenticate } from './auth.ts';
import { STAFF_MESSAGES, StaffCall, type RequestMeta, type StaffDeps } from './context.ts';
import { route, runRoute, type Route } from './routes.ts';

export { route, AUDIT_PAGE, EXPORT_PAGE_BYTES, PAGE_SIZE } from './routes.ts';
export type { RequestMeta, StaffDeps, StaffLogEntry } from './context.ts';

async function admit(call: StaffCall): Promise<Route> {
  const { req, deps } = call;
  const r = route(new URL(req.url).pathname);
  if (r.name === 'none') throw new HttpError(404, 'not-found', '没有这个地址');
  if (req.method !== r.method) throw new HttpError(405, 'method-not-allowed', '不支持这种请求', { Allow: r.method });
  if (r.method === 'POST') {
    if (bodyKind(req) !== 'json') throw new HttpError(415, 'unsupported-media-type', STAFF_MESSAGES.badRequest);
    call.body = parseJsonObject(await readBody(req), STAFF_MESSAGES.badRequest);
  }
  if (crossSite(req)) throw new HttpError(403, 'cross-site', '只能从本网站的工作台访问');
  if (!deps.configured) {
    throw new HttpError(503, 'not-configured', STAFF_MESSAGES.notConfigured, {
      'Retry-After': String(deps.retryAfter),
    });
  }
  return r;
}

export async function handleStaff(req: Request, deps: StaffDeps, meta: RequestMeta): Promise<Response> {
  const call = new StaffCall(req, deps, meta.cid ?? randomUUID());
  try {
    const r = await admit(call);
    call.who = await authenticate(call, meta.ip);
    return await runRoute(call, r);
  } catch (e) {
    if (e instanceof HttpError) {
      call.log(e.status, e.code);
      return json(e.status, { error: e.code, message: e.message, ...e.body }, call.cid, e.headers);
    }
    if (e instanceof StoreUnavailableError) {
      call.log(503, 'store-unavailable', undefined, e.message, e);
      const headers = { 'Retry-After': String(deps.retryAfter) };
      return json(503, { error: 'unavailable', message: STAFF_MESSAGES.unavailable }, call.cid, headers);
    }
    throw e;
  }
}
