/** POST /api/withdraw: the submitter withdraws within 10 minutes (secret from the page's memory or the withdraw cookie). */
import { randomUUID } from 'node:crypto';
import type { FormValues } from '../../forms/definitions.ts';
import { HttpError } from '../../http/errors.ts';
import { json } from '../../http/responses.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { MESSAGES } from '../messages.ts';
import { parseReceipt, receiptFormType } from '../receipt.ts';
import { withdraw } from '../service.ts';
import { requestPaths } from '../types.ts';
import { renderWithdrawn, STEP_TITLES } from '../views.ts';
import { clearWithdrawCookie, isSecure } from '../withdraw-cookie.ts';
import { Exchange, readForm, type HandlerDeps } from './exchange.ts';
import { withdrawTokenFrom } from './submit.ts';

export async function handleWithdraw(req: Request, deps: HandlerDeps, cid: string = randomUUID()): Promise<Response> {
  let kind: 'json' | 'form';
  let values: FormValues;
  try {
    ({ kind, values } = await readForm(req));
  } catch (e) {
    if (e instanceof HttpError) return new Exchange(req, deps, cid).refuse(e);
    throw e;
  }
  const receipt = parseReceipt(typeof values.receipt === 'string' ? values.receipt : '');
  const formType = receipt ? receiptFormType(receipt) : undefined;
  const x = new Exchange(req, deps, cid, formType);
  x.readLang(values);
  if (!receipt || !formType) {
    x.log(404, 'withdraw-bad-receipt');
    return x.message(404, 'not-found', '无法撤回', MESSAGES.notWithdrawable);
  }
  if (!deps.configured) return x.unavailable('暂时无法撤回');
  try {
    const r = await withdraw(deps, x.deadline(), receipt, withdrawTokenFrom(req, kind, values, receipt));
    if (r.kind !== 'ok') {
      const status = r.kind === 'expired' ? 410 : 404;
      x.log(status, `withdraw-${r.kind}`, receipt);
      return x.message(status, r.kind, '无法撤回', r.kind === 'expired' ? MESSAGES.expired : MESSAGES.notWithdrawable);
    }
    x.log(200, 'withdrawn', receipt);
    if (kind === 'json') return json(200, { receipt, status: r.record.status.current }, cid);
    const parts = {
      title: STEP_TITLES.withdrawn,
      body: renderWithdrawn(formType, receipt, deps.base),
      crumbs: x.crumbs(STEP_TITLES.withdrawn),
      path: requestPaths(formType).start,
    };
    return x.page(200, parts, { 'Set-Cookie': clearWithdrawCookie(deps.base, isSecure(req)) });
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    x.log(503, 'store-unavailable', receipt, e.message, e);
    return x.unavailable('暂时无法撤回');
  }
}
