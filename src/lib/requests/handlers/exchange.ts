/**
 * One request to a request function, and the ways to answer it. Two ways in,
 * one set of rules: the page script posts JSON and gets JSON back; a form
 * without JavaScript posts urlencoded data and every answer is a whole page in
 * the site's shell. `Exchange` knows which, so each handler step just says
 * what happened.
 *
 * Logs carry the correlation id, the receipt and the outcome; never a value
 * anyone typed.
 */
import type { ConsultStore } from '../../store/consult.ts';
import type { ServiceDayEntry } from '../../consult/service-days.ts';
import type { Crumb } from '../../breadcrumbs.ts';
import { html, type SafeHtml } from '../../html.ts';
import { bodyKind, crossSite, parseValues, readBody, wantsHtml, type BodyKind } from '../../http/body.ts';
import { HttpError } from '../../http/errors.ts';
import { html as htmlResponse, json } from '../../http/responses.ts';
import { errorTitle } from '../../page-title.ts';
import { withBase } from '../../paths.ts';
import type { PageShell } from '../../shell.ts';
import { BUREAU } from '../../site.ts';
import type { FormValues } from '../../forms/definitions.ts';
import { Deadline } from '../../store/deadline.ts';
import { MESSAGES, PROBLEM_TITLES } from '../messages.ts';
import { requestType, type RequestTypeId } from '../registry.ts';
import type { ServiceDeps } from '../service.ts';
import { requestPaths } from '../types.ts';
import { withQuickExit } from '../views.ts';
import { chineseScript, langOfPath } from '../../i18n/paths.ts';
import { withoutBase } from '../../paths.ts';

export interface LogEntry {
  event: string;
  cid: string;
  status: number;
  receipt?: string;
  detail?: string;
  /** The failure behind a 503: the log writes its stack (code locations), never its message. */
  error?: unknown;
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
  /** false when a deployed site has no APPLICATIONS_SECRET or public key: refuse rather than store unprotected. */
  configured: boolean;
  /** Why new submissions are refused on this site (no retention period), in words for residents; undefined when they are taken. */
  submissionsRefused?: string;
  /** The site's page shell (src/lib/shell.ts). */
  shell: PageShell;
  /** 法律咨询 answers and 满意度评价 (src/lib/store/consult.ts); without it the status page shows neither. */
  consult?: ConsultStore;
  /**
   * The village legal adviser's service days bookings are checked against:
   * SCHEDULE (content/consult/service-days.json) in the functions, a fixture
   * in tests. Without it, no slot can be booked.
   */
  schedule?: readonly ServiceDayEntry[];
}

export interface PageParts {
  title: string;
  body: SafeHtml;
  /** Crumbs below 在线办理. */
  crumbs: Crumb[];
  /** The page's site path, for its QR code and 找错 link. */
  path: string;
}

/** Method, content type, size and origin come first; then the values, whichever way they came. */
export async function readForm(req: Request): Promise<{ kind: BodyKind; values: FormValues }> {
  if (req.method !== 'POST')
    throw new HttpError(405, 'method-not-allowed', '这个地址只接受提交表单', { Allow: 'POST' });
  const kind = bodyKind(req);
  if (!kind) throw new HttpError(415, 'unsupported-media-type', '提交的数据类型不对，请通过网页上的表单提交');
  const text = await readBody(req);
  if (crossSite(req)) throw new HttpError(403, 'cross-site', '只能从本网站的页面提交');
  return { kind, values: parseValues(text, kind) };
}

export class Exchange {
  readonly req: Request;
  readonly deps: HandlerDeps;
  readonly cid: string;
  readonly formType: RequestTypeId | undefined;
  readonly asHtml: boolean;
  /**
   * The script the person reads: zh-Hant when the page they came from is on
   * the 繁體 site (its forms carry _lang=zh-Hant, src/lib/i18n/html.ts) or the
   * address is under /zh-hant/; pages are then answered in 繁體.
   */
  lang: 'zh-Hans' | 'zh-Hant';

  /** `asHtml`: answer with pages whatever the request says (pages that are only ever opened, like done/). */
  constructor(req: Request, deps: HandlerDeps, cid: string, formType?: RequestTypeId, asHtml = wantsHtml(req)) {
    this.req = req;
    this.deps = deps;
    this.cid = cid;
    this.formType = formType;
    this.asHtml = asHtml;
    this.lang = langOfPath(withoutBase(new URL(req.url).pathname, deps.base)) === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  }

  /** After the values are read: the form's _lang field. */
  readLang(values: FormValues): void {
    if (values._lang !== undefined) this.lang = chineseScript(values._lang);
  }

  log(status: number, event: string, receipt?: string, detail?: string, error?: unknown): void {
    this.deps.log({
      event,
      cid: this.cid,
      status,
      ...(receipt ? { receipt } : {}),
      ...(detail ? { detail } : {}),
      ...(error ? { error } : {}),
    });
  }

  deadline(): Deadline {
    return new Deadline(this.deps.deadlineMs, this.deps.perCallMs);
  }

  /** A whole page in the site's shell, under 在线办理 (with “快速离开” for kinds that need it). */
  page(status: number, parts: PageParts, headers: Record<string, string> = {}): Response {
    const quickExit = this.formType !== undefined && requestType(this.formType).quickExit;
    const page = this.deps.shell.render({
      title: parts.title,
      path: parts.path,
      section: '/apply/',
      breadcrumbs: [{ label: '在线办理', path: '/apply/' }, ...parts.crumbs],
      body: quickExit ? withQuickExit(parts.body) : parts.body,
      lang: this.lang,
    });
    return htmlResponse(status, page, this.cid, headers);
  }

  /** Crumbs for a step of a kind's form: 法律援助申请 › <last>. */
  crumbs(last: string): Crumb[] {
    if (!this.formType) return [{ label: last }];
    const t = requestType(this.formType);
    return [{ label: t.labels.request, path: requestPaths(t.id).start }, { label: last }];
  }

  /** A short page (or JSON) for an answer that has nothing to re-render. */
  message(
    status: number,
    code: string,
    title: string,
    message: string,
    options: { back?: string; headers?: Record<string, string>; json?: Record<string, unknown> } = {},
  ): Response {
    const headers = options.headers ?? {};
    if (!this.asHtml) return json(status, { error: code, message, ...options.json }, this.cid, headers);
    const back = options.back && html`<p><a href="${withBase(options.back, this.deps.base)}">返回重新填写</a></p>`;
    const body = html`<h1>${title}</h1><p>${message}</p>${back}<p>需要帮助的，请打电话 <a href="tel:${BUREAU.phone}">${BUREAU.phone}</a>，并告诉工作人员这个编号：${this.cid}</p>`;
    const path = this.formType ? requestPaths(this.formType).start : '/apply/';
    return this.page(status, { title: errorTitle(title), body, crumbs: [{ label: title }], path }, headers);
  }

  /** A refusal thrown by a step (405, 413, 415, 403, 400). */
  refuse(e: HttpError, title: string = PROBLEM_TITLES.refused): Response {
    this.log(e.status, e.code);
    const back = this.formType ? requestPaths(this.formType).form : undefined;
    return this.message(e.status, e.code, title, e.message, { back, headers: e.headers, json: e.body });
  }

  /** The store or the configuration cannot take the request now: 503 with Retry-After. */
  unavailable(title: string, message: string = MESSAGES.unavailable): Response {
    return this.message(503, 'unavailable', title, message, {
      headers: { 'Retry-After': String(this.deps.retryAfter) },
    });
  }
}
