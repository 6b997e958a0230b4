/**
 * GET /apply/<kind>/done/: the confirmation page after a post without
 * JavaScript. It reads nothing from the store: the receipt comes from the
 * address, and the withdraw buttons show only to the browser holding the
 * withdraw cookie.
 */
import { randomUUID } from 'node:crypto';
import { html } from '../../html.ts';
import { withBase } from '../../paths.ts';
import { parseReceipt, receiptFormType } from '../receipt.ts';
import type { RequestTypeId } from '../registry.ts';
import { requestPaths } from '../types.ts';
import { renderConfirmation, STEP_TITLES } from '../views.ts';
import { readWithdrawCookie } from '../withdraw-cookie.ts';
import { Exchange, type HandlerDeps } from './exchange.ts';

export function handleDone(
  formType: RequestTypeId,
  req: Request,
  deps: HandlerDeps,
  cid: string = randomUUID(),
): Response {
  const x = new Exchange(req, deps, cid, formType, true);
  const paths = requestPaths(formType);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return x.message(405, 'method-not-allowed', '无法打开', '这个页面只能直接打开', {
      headers: { Allow: 'GET, HEAD' },
    });
  }
  const url = new URL(req.url);
  const receipt = parseReceipt(url.searchParams.get('receipt') ?? '');
  if (!receipt || receiptFormType(receipt) !== formType) {
    const body = html`<h1>没有找到回执号</h1><p>这个网址里没有有效的回执号。已经提交过申请的，可以<a href="${withBase('/apply/status/', deps.base)}">查询办理进度</a>；还没有提交的，请<a href="${withBase(paths.start, deps.base)}">重新开始</a>。</p>`;
    return x.page(404, { title: '没有找到回执号', body, crumbs: x.crumbs('提交结果'), path: paths.done });
  }
  const cookie = readWithdrawCookie(req);
  const open = cookie && cookie.receipt === receipt && cookie.until.getTime() > deps.now().getTime();
  const body = renderConfirmation({
    base: deps.base,
    formType,
    receipt,
    withdraw: open ? { until: cookie.until, mode: 'form' } : undefined,
    corrected: url.searchParams.get('corrected') === '1',
  });
  return x.page(200, {
    title: STEP_TITLES.submitted(receipt),
    body,
    crumbs: x.crumbs('申请已提交'),
    path: paths.done,
  });
}
