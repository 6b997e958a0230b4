/**
 * The application endpoints, written against web Request/Response and an
 * injected store, so the Netlify functions (functions/*.mts) are one line each
 * and tests can call them in-process.
 *
 * Two ways in, one set of rules:
 *  - JavaScript: the page validates with the same schema, posts JSON, gets
 *    JSON back (400 with field errors, 201/200 with the receipt).
 *  - No JavaScript: the form posts urlencoded data and every answer is a real
 *    page. The check-your-answers step is rendered here: the first post
 *    (_step=check) validates and answers a page listing the answers, with
 *    every value in hidden fields, a server-made idempotency key and a confirm
 *    button; a “修改” button posts back (_edit=<field>) and gets the form again
 *    with the values kept; the confirm button (_step=submit) stores the
 *    application and answers 303 to the confirmation page.
 *
 * Logs carry the correlation id, the receipt and the outcome; never a value
 * anyone typed.
 */
import { randomUUID } from 'node:crypto';
import { fieldByName, type FieldError, type FormDef, type FormValues } from '../forms/fields.ts';
import { legalAidForm, parseLegalAid } from '../forms/legal-aid.ts';
import { mediationForm, parseMediation } from '../forms/mediation.ts';
import { checkStatusQuery } from '../forms/status.ts';
import { parseReceipt, receiptFormType, type FormType } from '../forms/receipt.ts';
import {
  esc,
  FORM_PATHS,
  HONEYPOT,
  renderCheckAnswers,
  renderConfirmation,
  renderFormPage,
  renderStatus,
  renderStatusForm,
  STATUS_NOT_FOUND,
  toFormValues,
} from '../forms/render.ts';
import { renderPage } from '../forms/page.ts';
import { withBase } from '../paths.ts';
import { BUREAU } from '../site.ts';
import {
  bodyKind,
  clearWithdrawCookie,
  crossSite,
  html,
  HttpError,
  json,
  parseValues,
  readBody,
  readWithdrawCookie,
  seeOther,
  wantsHtml,
  withdrawCookie,
} from './http.ts';
import { KEY_PATTERN, newKey } from './keys.ts';
import { publicStatus } from './record.ts';
import { correct, lookup, submit, withdraw, type Application, type ServiceDeps } from './service.ts';
import { Deadline, StoreUnavailableError } from './store.ts';

export interface LogEntry {
  event: string;
  cid: string;
  status: number;
  receipt?: string;
  detail?: string;
}

export interface HandlerDeps extends ServiceDeps {
  /** Site base path: "/" or "/sfj/". */
  base: string;
  /** Budget for all store calls of one request, and for each call. */
  deadlineMs: number;
  perCallMs: number;
  /** Seconds in Retry-After when the store is unavailable. */
  retryAfter: number;
  log: (entry: LogEntry) => void;
  /** Cache-busting version for the stylesheet link (the deploy id). */
  version?: string;
  /** false when a deployed site has no APPLICATIONS_SECRET: refuse rather than use the development one. */
  configured: boolean;
}

interface FormSpec {
  def: FormDef;
  parse: (v: FormValues) => { ok: true; data: Application['data'] } | { ok: false; errors: FieldError[] };
  crumb: string;
}

const FORMS: Record<FormType, FormSpec> = {
  'legal-aid': { def: legalAidForm, parse: parseLegalAid as FormSpec['parse'], crumb: '法律援助申请' },
  mediation: { def: mediationForm, parse: parseMediation as FormSpec['parse'], crumb: '人民调解申请' },
};

const UNAVAILABLE = '系统暂时无法保存，请稍等一会儿再试。您填写的内容都还在。着急的话，请打电话 0750-5524538。';
const NOT_WITHDRAWABLE = '无法撤回或更正：回执号或凭证不对。请打电话 0750-5524538 说明情况。';
const EXPIRED =
  '这份申请已经不能在网上撤回或更正了（已超过提交后10分钟，或者已经撤回）。需要撤回或更正的，请打电话 0750-5524538。';

function isSecure(req: Request): boolean {
  return new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
}

function page(
  deps: HandlerDeps,
  formType: FormType | undefined,
  title: string,
  body: string,
  crumbs: { label: string; path?: string }[],
): string {
  return renderPage({
    base: deps.base,
    title,
    body,
    breadcrumbs: [{ label: '在线办理', path: '/apply/' }, ...crumbs],
    version: deps.version,
    quickExit: formType === 'mediation',
  });
}

function formCrumbs(formType: FormType, last: string) {
  return [{ label: FORMS[formType].crumb, path: FORM_PATHS[formType].start }, { label: last }];
}

/** A short page for errors that have nothing to re-render (405, 413, 415, 403, honeypot). */
function messagePage(
  cid: string,
  deps: HandlerDeps,
  formType: FormType | undefined,
  title: string,
  message: string,
  back?: string,
): string {
  const backLink = back ? `<p><a href="${esc(withBase(back, deps.base))}">返回重新填写</a></p>` : '';
  return page(
    deps,
    formType,
    `错误：${title}`,
    `<h1>${esc(title)}</h1><p>${esc(message)}</p>${backLink}<p>需要帮助的，请打电话 <a href="tel:${BUREAU.phone}">${BUREAU.phone}</a>，并告诉工作人员这个编号：${esc(cid)}</p>`,
    [{ label: title }],
  );
}

async function preflight(req: Request): Promise<{ kind: 'json' | 'form'; values: FormValues }> {
  if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed', '这个地址只接受提交表单');
  const kind = bodyKind(req);
  if (!kind) throw new HttpError(415, 'unsupported-media-type', '提交的数据类型不对，请通过网页上的表单提交');
  const text = await readBody(req);
  if (crossSite(req)) throw new HttpError(403, 'cross-site', '只能从本网站的页面提交');
  return { kind, values: parseValues(text, kind) };
}

function httpErrorResponse(
  e: HttpError,
  asHtml: boolean,
  deps: HandlerDeps,
  cid: string,
  formType?: FormType,
): Response {
  const extra: Record<string, string> = e.status === 405 ? { Allow: 'POST' } : {};
  if (asHtml) {
    return html(
      e.status,
      messagePage(cid, deps, formType, '无法提交', e.message, formType ? FORM_PATHS[formType].form : undefined),
      cid,
      extra,
    );
  }
  return json(e.status, { error: e.code, message: e.message }, cid, extra);
}

function unavailableJson(deps: HandlerDeps, cid: string): Response {
  return json(503, { error: 'unavailable', message: UNAVAILABLE }, cid, { 'Retry-After': String(deps.retryAfter) });
}

function tokenFrom(req: Request, kind: 'json' | 'form', values: FormValues, receipt: string): string {
  if (kind === 'json') {
    const token = values._token ?? values.token;
    return typeof token === 'string' ? token : '';
  }
  const cookie = readWithdrawCookie(req);
  return cookie && cookie.receipt === receipt ? cookie.token : '';
}

// ------------------------------------------------------------------ POST /api/legal-aid, /api/mediation

export async function handleApplication(
  formType: FormType,
  req: Request,
  deps: HandlerDeps,
  cid: string = randomUUID(),
): Promise<Response> {
  const spec = FORMS[formType];
  const asHtml = wantsHtml(req, bodyKind(req));
  const log = (status: number, event: string, receipt?: string, detail?: string) =>
    deps.log({ event, cid, status, receipt, detail });
  let kind: 'json' | 'form';
  let values: FormValues;
  try {
    ({ kind, values } = await preflight(req));
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    log(e.status, e.code);
    return httpErrorResponse(e, asHtml, deps, cid, formType);
  }

  if (typeof values[HONEYPOT] === 'string' && values[HONEYPOT] !== '') {
    log(400, 'honeypot');
    const message = '这份申请无法提交。如果您是用浏览器正常填写的，请打电话 0750-5524538，我们帮您办理。';
    return kind === 'form'
      ? html(400, messagePage(cid, deps, formType, '无法提交', message), cid)
      : json(400, { error: 'rejected', message }, cid);
  }
  if (!deps.configured) {
    log(503, 'not-configured');
    return kind === 'form'
      ? html(503, messagePage(cid, deps, formType, '暂时无法提交', UNAVAILABLE), cid, {
          'Retry-After': String(deps.retryAfter),
        })
      : unavailableJson(deps, cid);
  }

  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const correctReceipt = str(values._correct) ? parseReceipt(str(values._correct)) : undefined;
  if (str(values._correct) && (!correctReceipt || receiptFormType(correctReceipt) !== formType)) {
    log(404, 'correct-bad-receipt');
    return kind === 'form'
      ? html(404, messagePage(cid, deps, formType, '无法更正', NOT_WITHDRAWABLE), cid)
      : json(404, { error: 'not-found', message: NOT_WITHDRAWABLE }, cid);
  }
  const key = KEY_PATTERN.test(str(values._key)) ? str(values._key) : undefined;
  const step = kind === 'json' ? 'submit' : str(values._edit) ? 'edit' : str(values._step) || 'check';
  const formPage = (status: number, vals: FormValues, errors: FieldError[], k?: string) => {
    const body = renderFormPage(spec.def, vals, {
      base: deps.base,
      errors,
      key: k,
      correct: correctReceipt,
      autofocusSummary: errors.length > 0,
    });
    const title = errors.length
      ? `错误：${spec.def.title}（有 ${errors.length} 处需要修改）`
      : correctReceipt
        ? `更正${spec.def.title}`
        : spec.def.title;
    return html(status, page(deps, formType, title, body, formCrumbs(formType, '填写申请')), cid);
  };
  const checkPage = (status: number, vals: FormValues, k: string, notice?: string) => {
    const body =
      (notice
        ? `<div class="error-summary" tabindex="-1" autofocus aria-labelledby="notice-title"><h2 id="notice-title">暂时无法提交</h2><p>${esc(notice)}</p></div>`
        : '') +
      `<h1>请核对填写的内容</h1><p>确认无误后，请点页面最下面的“${correctReceipt ? '确认更正' : '确认提交'}”。需要修改的，点那一项右边的“修改”。</p>` +
      renderCheckAnswers(spec.def, vals, { base: deps.base, key: k, correct: correctReceipt });
    return html(
      status,
      page(
        deps,
        formType,
        notice ? `错误：暂时无法提交${spec.def.title}` : `核对${spec.def.title}`,
        body,
        formCrumbs(formType, '核对内容'),
      ),
      cid,
      notice ? { 'Retry-After': String(deps.retryAfter) } : {},
    );
  };

  // No JavaScript: start a correction (the secret is in the cookie set at submission).
  if (kind === 'form' && step === 'correct-start') {
    if (!correctReceipt || !tokenFrom(req, kind, values, correctReceipt)) {
      log(404, 'correct-no-cookie');
      return html(404, messagePage(cid, deps, formType, '无法更正', EXPIRED), cid);
    }
    log(200, 'correct-start', correctReceipt);
    return formPage(200, {}, [], newKey());
  }
  // No JavaScript: a “修改” button on the check page. Values come back; the browser scrolls to the field.
  if (kind === 'form' && step === 'edit') {
    const field = fieldByName(spec.def, str(values._edit));
    log(200, 'edit', undefined, field?.name);
    return formPage(200, values, [], key);
  }

  const parsed = spec.parse(values);
  if (!parsed.ok) {
    log(400, 'invalid', undefined, parsed.errors.map((e) => e.field).join(','));
    if (kind === 'json') return json(400, { error: 'validation', errors: parsed.errors }, cid);
    return formPage(400, values, parsed.errors, key);
  }
  const app = { formType, data: parsed.data } as Application;
  const canonical = toFormValues(spec.def, parsed.data as Record<string, unknown>);

  if (kind === 'form' && (step !== 'submit' || !key)) {
    log(200, 'check');
    return checkPage(200, canonical, key ?? newKey());
  }
  if (!key) {
    log(400, 'no-key');
    return json(
      400,
      { error: 'validation', errors: [{ field: '_key', message: '缺少提交编号，请刷新页面后重新提交' }] },
      cid,
    );
  }

  const deadline = new Deadline(deps.deadlineMs, deps.perCallMs);
  const now = deps.now();
  try {
    if (correctReceipt) {
      const token = tokenFrom(req, kind, values, correctReceipt);
      const r = await correct(deps, deadline, app, correctReceipt, token);
      if (r.kind !== 'ok') {
        const status = r.kind === 'expired' ? 410 : 404;
        const message = r.kind === 'expired' ? EXPIRED : NOT_WITHDRAWABLE;
        log(status, `correct-${r.kind}`, correctReceipt);
        return kind === 'form'
          ? html(status, messagePage(cid, deps, formType, '无法更正', message), cid)
          : json(status, { error: r.kind, message }, cid);
      }
      log(200, 'corrected', correctReceipt);
      const until = new Date(Date.parse(r.record.meta.withdrawUntil));
      if (kind === 'json')
        return json(
          200,
          { receipt: correctReceipt, formType, withdrawUntil: until.toISOString(), corrected: true },
          cid,
        );
      return seeOther(`${withBase(FORM_PATHS[formType].done, deps.base)}?receipt=${correctReceipt}&corrected=1`, cid);
    }

    const r = await submit(deps, deadline, app, key);
    if (r.kind === 'conflict') {
      log(409, 'conflict', r.receipt);
      const message = `这份申请已经提交过了，回执号是 ${r.receipt}。需要更正内容的，请在提交后10分钟内使用“更正内容”，或者打电话 0750-5524538。`;
      return kind === 'form'
        ? html(409, messagePage(cid, deps, formType, '已经提交过了', message), cid)
        : json(409, { error: 'conflict', message, receipt: r.receipt }, cid);
    }
    const status = r.kind === 'created' ? 201 : 200;
    log(status, r.kind, r.receipt);
    if (kind === 'json') {
      return json(
        status,
        { receipt: r.receipt, formType, withdrawToken: r.token, withdrawUntil: r.withdrawUntil.toISOString() },
        cid,
      );
    }
    return seeOther(`${withBase(FORM_PATHS[formType].done, deps.base)}?receipt=${r.receipt}`, cid, {
      'Set-Cookie': withdrawCookie(
        { receipt: r.receipt, until: r.withdrawUntil, token: r.token },
        deps.base,
        isSecure(req),
        now,
      ),
    });
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    log(503, 'store-unavailable', correctReceipt, e.message);
    if (kind === 'json') return unavailableJson(deps, cid);
    return checkPage(503, canonical, key, UNAVAILABLE);
  }
}

// ------------------------------------------------------------------ POST /api/status

export async function handleStatus(req: Request, deps: HandlerDeps, cid: string = randomUUID()): Promise<Response> {
  const asHtml = wantsHtml(req, bodyKind(req));
  let kind: 'json' | 'form';
  let values: FormValues;
  try {
    ({ kind, values } = await preflight(req));
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    deps.log({ event: e.code, cid, status: e.status });
    return httpErrorResponse(e, asHtml, deps, cid);
  }
  const crumbs = [{ label: '查询办理进度', path: '/apply/status/' }, { label: '查询结果' }];
  const shown = {
    receipt: typeof values.receipt === 'string' ? values.receipt : '',
    phone: typeof values.phone === 'string' ? values.phone : '',
  };
  const statusPage = (status: number, title: string, top: string, errors: FieldError[] = []) =>
    html(
      status,
      page(
        deps,
        undefined,
        title,
        `${top}${renderStatusForm(shown, { base: deps.base, errors, autofocusSummary: errors.length > 0 })}`,
        crumbs,
      ),
      cid,
      status === 503 ? { 'Retry-After': String(deps.retryAfter) } : {},
    );

  const { receipt, phone, errors } = checkStatusQuery(values);
  if (errors.length || !receipt || !phone) {
    deps.log({ event: 'invalid', cid, status: 400, detail: errors.map((e) => e.field).join(',') });
    if (kind === 'json') return json(400, { error: 'validation', errors }, cid);
    return statusPage(400, `错误：查询办理进度（有 ${errors.length} 处需要修改）`, '<h1>查询办理进度</h1>', errors);
  }
  if (!deps.configured)
    return kind === 'json'
      ? unavailableJson(deps, cid)
      : statusPage(503, '错误：暂时无法查询', `<h1>暂时无法查询</h1><p>${esc(UNAVAILABLE)}</p>`);
  try {
    const record = await lookup(deps, new Deadline(deps.deadlineMs, deps.perCallMs), receipt, phone);
    if (!record) {
      // The same answer for an unknown receipt and a wrong phone, so neither can be probed.
      deps.log({ event: 'status-not-found', cid, status: 404 });
      if (kind === 'json') return json(404, { error: 'not-found', message: STATUS_NOT_FOUND }, cid);
      return statusPage(
        404,
        '没有找到这份申请 - 查询办理进度',
        `<h1>没有找到这份申请</h1><div class="notice notice--warning" tabindex="-1" autofocus><p>${esc(STATUS_NOT_FOUND)}</p></div><h2>重新查询</h2>`,
      );
    }
    deps.log({ event: 'status', cid, status: 200, receipt });
    const view = publicStatus(record);
    if (kind === 'json') return json(200, view, cid);
    return statusPage(200, `办理进度：${receipt}`, `<h1>办理进度</h1>${renderStatus(view)}<h2>查询其他申请</h2>`);
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    deps.log({ event: 'store-unavailable', cid, status: 503, detail: e.message });
    if (kind === 'json') return unavailableJson(deps, cid);
    return statusPage(503, '错误：暂时无法查询', `<h1>暂时无法查询</h1><p>${esc(UNAVAILABLE)}</p>`);
  }
}

// ------------------------------------------------------------------ POST /api/withdraw

export async function handleWithdraw(req: Request, deps: HandlerDeps, cid: string = randomUUID()): Promise<Response> {
  const asHtml = wantsHtml(req, bodyKind(req));
  let kind: 'json' | 'form';
  let values: FormValues;
  try {
    ({ kind, values } = await preflight(req));
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    deps.log({ event: e.code, cid, status: e.status });
    return httpErrorResponse(e, asHtml, deps, cid);
  }
  const receipt = parseReceipt(typeof values.receipt === 'string' ? values.receipt : '');
  const formType = receipt ? receiptFormType(receipt) : undefined;
  const answer = (status: number, message: string) =>
    kind === 'json'
      ? json(status, { error: status === 410 ? 'expired' : 'not-found', message }, cid)
      : html(status, messagePage(cid, deps, formType, '无法撤回', message), cid);
  if (!receipt || !formType) {
    deps.log({ event: 'withdraw-bad-receipt', cid, status: 404 });
    return answer(404, NOT_WITHDRAWABLE);
  }
  if (!deps.configured)
    return kind === 'json'
      ? unavailableJson(deps, cid)
      : html(503, messagePage(cid, deps, formType, '暂时无法撤回', UNAVAILABLE), cid, {
          'Retry-After': String(deps.retryAfter),
        });
  const token = tokenFrom(req, kind, values, receipt);
  try {
    const r = await withdraw(deps, new Deadline(deps.deadlineMs, deps.perCallMs), receipt, token);
    if (r.kind !== 'ok') {
      const status = r.kind === 'expired' ? 410 : 404;
      deps.log({ event: `withdraw-${r.kind}`, cid, status, receipt });
      return answer(status, r.kind === 'expired' ? EXPIRED : NOT_WITHDRAWABLE);
    }
    deps.log({ event: 'withdrawn', cid, status: 200, receipt });
    if (kind === 'json') return json(200, { receipt, status: r.record.status.current }, cid);
    const body =
      `<div class="panel panel--confirmation"><h1 class="panel__title">申请已撤回</h1><p class="panel__body">回执号 <strong class="receipt">${esc(receipt)}</strong></p></div>` +
      `<p>这份申请已经撤回，您填写的个人信息已经删除。以后还需要帮助的，可以<a href="${esc(withBase(FORM_PATHS[formType].start, deps.base))}">重新申请</a>，或者打电话 <a href="tel:${BUREAU.phone}">${BUREAU.phone}</a>、<a href="tel:${BUREAU.hotline}">${BUREAU.hotline}</a>。</p>`;
    return html(
      200,
      page(deps, formType, '申请已撤回', body, [
        { label: FORMS[formType].crumb, path: FORM_PATHS[formType].start },
        { label: '申请已撤回' },
      ]),
      cid,
      {
        'Set-Cookie': clearWithdrawCookie(deps.base, isSecure(req)),
      },
    );
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    deps.log({ event: 'store-unavailable', cid, status: 503, receipt, detail: e.message });
    return kind === 'json'
      ? unavailableJson(deps, cid)
      : html(503, messagePage(cid, deps, formType, '暂时无法撤回', UNAVAILABLE), cid, {
          'Retry-After': String(deps.retryAfter),
        });
  }
}

// ------------------------------------------------------------------ GET /apply/<form>/done/

/**
 * The confirmation page after a post without JavaScript. It reads nothing from
 * the store: the receipt comes from the address, and the withdraw buttons show
 * only to the browser holding the withdraw cookie.
 */
export function handleDone(formType: FormType, req: Request, deps: HandlerDeps, cid: string = randomUUID()): Response {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return html(405, messagePage(cid, deps, formType, '无法打开', '这个页面只能直接打开'), cid, { Allow: 'GET, HEAD' });
  }
  const url = new URL(req.url);
  const receipt = parseReceipt(url.searchParams.get('receipt') ?? '');
  if (!receipt || receiptFormType(receipt) !== formType) {
    const body = `<h1>没有找到回执号</h1><p>这个网址里没有有效的回执号。已经提交过申请的，可以<a href="${esc(withBase('/apply/status/', deps.base))}">查询办理进度</a>；还没有提交的，请<a href="${esc(withBase(FORM_PATHS[formType].start, deps.base))}">重新开始</a>。</p>`;
    return html(404, page(deps, formType, '没有找到回执号', body, formCrumbs(formType, '提交结果')), cid);
  }
  const cookie = readWithdrawCookie(req);
  const now = deps.now();
  const withdraw =
    cookie && cookie.receipt === receipt && cookie.until.getTime() > now.getTime()
      ? { until: cookie.until, mode: 'form' as const }
      : undefined;
  const body = renderConfirmation({
    base: deps.base,
    formType,
    receipt,
    withdraw,
    corrected: url.searchParams.get('corrected') === '1',
  });
  return html(
    200,
    page(deps, formType, `申请已提交：回执号 ${receipt}`, body, formCrumbs(formType, '申请已提交')),
    cid,
  );
}
