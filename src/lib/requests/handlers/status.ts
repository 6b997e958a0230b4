/**
 * POST /api/status: receipt number + phone → status and history, never any
 * personal data. An unknown receipt and a wrong phone get the same answer, so
 * neither can be probed (and the function's rate limit keeps guessing hopeless).
 */
import { randomUUID } from 'node:crypto';
import type { FormValues } from '../../forms/definitions.ts';
import type { FieldError } from '../../forms/definitions.ts';
import { html, type SafeHtml } from '../../html.ts';
import { HttpError } from '../../http/errors.ts';
import { json } from '../../http/responses.ts';
import { errorTitle } from '../../page-title.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { MESSAGES } from '../messages.ts';
import { statusExtras } from '../../consult/status.ts';
import { publicStatus } from '../record.ts';
import { lookup } from '../service.ts';
import { checkStatusQuery } from '../status-query.ts';
import { renderStatus, renderStatusForm, renderStatusNotice } from '../views.ts';
import { Exchange, readForm, type HandlerDeps } from './exchange.ts';

const CRUMBS = [{ label: '查询办理进度', path: '/apply/status/' }, { label: '查询结果' }];

function statusPage(
  x: Exchange,
  shown: FormValues,
  status: number,
  title: string,
  top: SafeHtml,
  errors: FieldError[] = [],
) {
  const form = renderStatusForm(shown, { base: x.deps.base, errors, autofocusSummary: errors.length > 0 });
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': String(x.deps.retryAfter) } : {};
  return x.page(status, { title, body: html`${top}${form}`, crumbs: CRUMBS, path: '/apply/status/' }, headers);
}

export async function handleStatus(req: Request, deps: HandlerDeps, cid: string = randomUUID()): Promise<Response> {
  const x = new Exchange(req, deps, cid);
  let values: FormValues;
  try {
    ({ values } = await readForm(req));
  } catch (e) {
    if (e instanceof HttpError) return x.refuse(e);
    throw e;
  }
  x.readLang(values);
  const shown = {
    receipt: typeof values.receipt === 'string' ? values.receipt : '',
    phone: typeof values.phone === 'string' ? values.phone : '',
  };
  const { receipt, phone, errors } = checkStatusQuery(values);
  if (errors.length || !receipt || !phone) {
    x.log(400, 'invalid', undefined, errors.map((e) => e.field).join(','));
    if (!x.asHtml) return json(400, { error: 'validation', errors }, cid);
    return statusPage(x, shown, 400, errorTitle('查询办理进度', errors.length), html`<h1>查询办理进度</h1>`, errors);
  }
  const unavailable = () =>
    x.asHtml
      ? statusPage(x, shown, 503, errorTitle('暂时无法查询'), html`<h1>暂时无法查询</h1><p>${MESSAGES.unavailable}</p>`)
      : x.unavailable('暂时无法查询');
  if (!deps.configured) return unavailable();
  try {
    const deadline = x.deadline();
    const record = await lookup(deps, deadline, receipt, phone);
    if (!record) {
      x.log(404, 'status-not-found');
      if (!x.asHtml) return json(404, { error: 'not-found', message: MESSAGES.statusNotFound }, cid);
      const top = html`<h1>没有找到这份申请</h1>${renderStatusNotice(MESSAGES.statusNotFound, true)}<h2>重新查询</h2>`;
      return statusPage(x, shown, 404, '没有找到这份申请 - 查询办理进度', top);
    }
    x.log(200, 'status', receipt);
    const view = { ...publicStatus(record), ...(await statusExtras(deps, deadline, record, phone)) };
    if (!x.asHtml) return json(200, view, cid);
    return statusPage(
      x,
      shown,
      200,
      `办理进度：${receipt}`,
      html`<h1>办理进度</h1>${renderStatus(view, deps.now())}<h2>查询其他申请</h2>`,
    );
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    x.log(503, 'store-unavailable', undefined, e.message, e);
    return unavailable();
  }
}
