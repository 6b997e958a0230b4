/**
 * POST /api/<kind>: a request from the form, for every kind in the registry.
 *
 *  - JavaScript: the page validates with the same schema, posts JSON, gets
 *    JSON back (400 with field errors, 201/200 with the receipt).
 *  - No JavaScript: every answer is a page. The first post (_step=check)
 *    validates and answers the check-your-answers page, every value in hidden
 *    fields, with a server-made idempotency key and a confirm button; “修改”
 *    posts back (_edit=<field>) and gets the form again with the values kept;
 *    confirming (_step=submit) stores the request and answers 303 to the
 *    confirmation page, with the withdraw secret in a cookie.
 */
import { randomUUID } from 'node:crypto';
import { HttpError } from '../../http/errors.ts';
import { json, seeOther } from '../../http/responses.ts';
import { errorTitle } from '../../page-title.ts';
import { withBase } from '../../paths.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { fieldByName, type FieldError, type FormValues } from '../../forms/definitions.ts';
import { HONEYPOT, toFormValues } from '../../forms/render.ts';
import { requestForm, type RequestForm } from '../forms.ts';
import { seatFor } from '../../consult/service-days.ts';
import { beijingDate } from '../../time.ts';
import { KEY_PATTERN, newKey } from '../keys.ts';
import { MESSAGES, PROBLEM_TITLES } from '../messages.ts';
import { parseReceipt, receiptFormType } from '../receipt.ts';
import { requestType, type RequestTypeId } from '../registry.ts';
import { correct, submit, type Application } from '../service.ts';
import { requestPaths } from '../types.ts';
import { renderCheckStep, renderFormPage } from '../views.ts';
import { isSecure, readWithdrawCookie, withdrawCookie } from '../withdraw-cookie.ts';
import { Exchange, readForm, type HandlerDeps } from './exchange.ts';
import { zhHantPath } from '../../i18n/paths.ts';

type Step = 'check' | 'edit' | 'submit' | 'correct-start';

interface Submission {
  x: Exchange;
  formType: RequestTypeId;
  kind: 'json' | 'form';
  values: FormValues;
  /** Receipt being corrected within the 10-minute window, if any. */
  correcting?: string;
  key?: string;
  step: Step;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The kind's form for this request: the 法律咨询 one offers the schedule's slots as of today. */
function formOf(s: Submission): RequestForm {
  return requestForm(s.formType, { schedule: s.x.deps.schedule ?? [], today: beijingDate(s.x.deps.now()) });
}

/** The withdraw secret: from the page's memory (JSON) or the cookie (no JavaScript). */
export function withdrawTokenFrom(req: Request, kind: 'json' | 'form', values: FormValues, receipt: string): string {
  if (kind === 'json') return str(values._token ?? values.token);
  const cookie = readWithdrawCookie(req);
  return cookie && cookie.receipt === receipt ? cookie.token : '';
}

/** The confirmation page in the person's script: /zh-hant/apply/<kind>/done/ for the 繁體 site. */
function doneIn(x: Exchange, formType: RequestTypeId): string {
  const done = requestPaths(formType).done;
  return x.lang === 'zh-Hant' ? zhHantPath(done) : done;
}

export async function handleApplication(
  formType: RequestTypeId,
  req: Request,
  deps: HandlerDeps,
  cid: string = randomUUID(),
): Promise<Response> {
  const x = new Exchange(req, deps, cid, formType);
  let kind: 'json' | 'form';
  let values: FormValues;
  try {
    ({ kind, values } = await readForm(req));
  } catch (e) {
    if (e instanceof HttpError) return x.refuse(e);
    throw e;
  }
  x.readLang(values);
  if (str(values[HONEYPOT]) !== '') {
    x.log(400, 'honeypot');
    return x.message(400, 'rejected', PROBLEM_TITLES.refused, MESSAGES.rejected);
  }
  if (!deps.configured) {
    x.log(503, 'not-configured');
    return x.unavailable('暂时无法提交');
  }
  if (deps.submissionsRefused && !str(values._correct)) {
    x.log(503, 'submissions-refused', undefined, 'retention-not-configured');
    return x.unavailable('暂时不能在网上申请', deps.submissionsRefused);
  }
  const correcting = str(values._correct) ? parseReceipt(str(values._correct)) : undefined;
  if (str(values._correct) && (!correcting || receiptFormType(correcting) !== formType)) {
    x.log(404, 'correct-bad-receipt');
    return x.message(404, 'not-found', '无法更正', MESSAGES.notWithdrawable);
  }
  const key = KEY_PATTERN.test(str(values._key)) ? str(values._key) : undefined;
  const step: Step = kind === 'json' ? 'submit' : str(values._edit) ? 'edit' : (str(values._step) as Step) || 'check';
  return run({ x, formType, kind, values, correcting, key, step });
}

async function run(s: Submission): Promise<Response> {
  const { x, kind, values } = s;
  if (kind === 'form' && s.step === 'correct-start') return startCorrection(s);
  if (kind === 'form' && s.step === 'edit') {
    x.log(200, 'edit', undefined, fieldByName(formOf(s).def, str(values._edit))?.name);
    return formPage(s, 200, values, [], s.key);
  }
  const form = formOf(s);
  const parsed = form.parse(values);
  if (!parsed.ok) {
    x.log(400, 'invalid', undefined, parsed.errors.map((e) => e.field).join(','));
    if (kind === 'json') return json(400, { error: 'validation', errors: parsed.errors }, x.cid);
    return formPage(s, 400, values, parsed.errors, s.key);
  }
  const slot = str(parsed.data.slot);
  const seat = slot ? seatFor(x.deps.schedule ?? [], slot) : undefined;
  const app: Application = { formType: s.formType, data: parsed.data, lang: x.lang, ...(seat ? { seat } : {}) };
  const canonical = toFormValues(form.def, parsed.data);
  if (kind === 'form' && (s.step !== 'submit' || !s.key)) {
    x.log(200, 'check');
    return checkPage(s, 200, canonical, s.key ?? newKey());
  }
  if (!s.key) {
    x.log(400, 'no-key');
    const errors = [{ field: '_key', message: '缺少提交编号，请刷新页面后重新提交' }];
    return json(400, { error: 'validation', errors }, x.cid);
  }
  try {
    return s.correcting ? await storeCorrection(s, app, s.correcting) : await storeNew(s, app, s.key);
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    x.log(503, 'store-unavailable', s.correcting, e.message, e);
    if (kind === 'json') return x.unavailable('暂时无法提交');
    return checkPage(s, 503, canonical, s.key, MESSAGES.unavailable);
  }
}

/** No JavaScript: start a correction (the secret is in the cookie set at submission). */
function startCorrection(s: Submission): Response {
  if (!s.correcting || !withdrawTokenFrom(s.x.req, s.kind, s.values, s.correcting)) {
    s.x.log(404, 'correct-no-cookie');
    return s.x.message(404, 'not-found', '无法更正', MESSAGES.expired);
  }
  s.x.log(200, 'correct-start', s.correcting);
  return formPage(s, 200, {}, [], newKey());
}

function formPage(s: Submission, status: number, values: FormValues, errors: FieldError[], key?: string): Response {
  const t = requestType(s.formType);
  const def = formOf(s).def;
  const body = renderFormPage(def, values, {
    base: s.x.deps.base,
    errors,
    key,
    correct: s.correcting,
    autofocusSummary: errors.length > 0,
  });
  const title = errors.length
    ? errorTitle(t.labels.request, errors.length)
    : s.correcting
      ? `更正${t.labels.request}`
      : t.labels.request;
  return s.x.page(status, { title, body, crumbs: s.x.crumbs('填写申请'), path: requestPaths(t.id).form });
}

function checkPage(s: Submission, status: number, values: FormValues, key: string, notice?: string): Response {
  const t = requestType(s.formType);
  const def = formOf(s).def;
  const body = renderCheckStep(def, values, { base: s.x.deps.base, key, correct: s.correcting, notice });
  const title = notice ? errorTitle(`暂时无法提交${t.labels.request}`) : `核对${t.labels.request}`;
  const headers: Record<string, string> = notice ? { 'Retry-After': String(s.x.deps.retryAfter) } : {};
  return s.x.page(status, { title, body, crumbs: s.x.crumbs('核对内容'), path: requestPaths(t.id).form }, headers);
}

async function storeCorrection(s: Submission, app: Application, receipt: string): Promise<Response> {
  const { x } = s;
  const token = withdrawTokenFrom(x.req, s.kind, s.values, receipt);
  const r = await correct(x.deps, x.deadline(), app, receipt, token);
  if (r.kind === 'slot-changed') {
    x.log(409, 'correct-slot-changed', receipt);
    return slotRefused(s, app, MESSAGES.slotNotCorrectable);
  }
  if (r.kind !== 'ok') {
    const status = r.kind === 'expired' ? 410 : 404;
    x.log(status, `correct-${r.kind}`, receipt);
    return x.message(status, r.kind, '无法更正', r.kind === 'expired' ? MESSAGES.expired : MESSAGES.notWithdrawable);
  }
  x.log(200, 'corrected', receipt);
  const until = new Date(Date.parse(r.record.meta.withdrawUntil));
  if (s.kind === 'json') {
    return json(200, { receipt, formType: s.formType, withdrawUntil: until.toISOString(), corrected: true }, x.cid);
  }
  const done = withBase(doneIn(x, s.formType), x.deps.base);
  return seeOther(`${done}?receipt=${receipt}&corrected=1`, x.cid);
}

async function storeNew(s: Submission, app: Application, key: string): Promise<Response> {
  const { x } = s;
  const now = x.deps.now();
  const r = await submit(x.deps, x.deadline(), app, key);
  if (r.kind === 'full') {
    x.log(409, 'slot-full');
    return slotRefused(s, app, r.message);
  }
  if (r.kind === 'conflict') {
    x.log(409, 'conflict', r.receipt);
    return x.message(409, 'conflict', '已经提交过了', MESSAGES.duplicate(r.receipt), { json: { receipt: r.receipt } });
  }
  if (r.kind === 'withdrawn') {
    x.log(410, 'withdrawn-again', r.receipt);
    return x.message(410, 'withdrawn', '申请已撤回', MESSAGES.withdrawn(r.receipt), {
      json: { receipt: r.receipt, status: '已撤回' },
    });
  }
  const status = r.kind === 'created' ? 201 : 200;
  x.log(status, r.kind, r.receipt);
  const until = r.withdrawUntil;
  if (s.kind === 'json') {
    const body = {
      receipt: r.receipt,
      formType: s.formType,
      withdrawToken: r.token,
      withdrawUntil: until.toISOString(),
    };
    return json(status, body, x.cid);
  }
  const cookie = withdrawCookie({ receipt: r.receipt, until, token: r.token }, x.deps.base, isSecure(x.req), now);
  const done = withBase(doneIn(x, s.formType), x.deps.base);
  return seeOther(`${done}?receipt=${r.receipt}`, x.cid, { 'Set-Cookie': cookie });
}

/**
 * A booking that cannot be stored as asked (the slot filled up meanwhile, or a
 * correction changes the booked slot): 409, the form again with the message at
 * the slot question (JSON: the same field error), every value kept.
 */
function slotRefused(s: Submission, app: Application, message: string): Response {
  const def = formOf(s).def;
  const field = fieldByName(def, 'slot') && app.data.channel === 'visit' ? 'slot' : 'channel';
  const errors: FieldError[] = [{ field, message }];
  if (s.kind === 'json') return json(409, { error: 'slot', message, errors }, s.x.cid);
  return formPage(s, 409, toFormValues(def, app.data), errors, s.key);
}
