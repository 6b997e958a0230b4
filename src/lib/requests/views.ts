/**
 * The parts of request pages that are the same with and without JavaScript:
 * the form page's heading, the check step and why sending failed, the
 * confirmation, the withdrawn notice, the status lookup form, its result and
 * its notices, and the steps' titles. The functions put them in the page shell
 * (src/lib/shell.ts); the page scripts put them in the page. Words about a
 * kind of request come from its RequestType (registry.ts).
 */
import { renderAnswer, renderRating, type AnswerView, type RatingView } from '../consult/views.ts';
import { html, lines, raw, type SafeHtml } from '../html.ts';
import { withBase } from '../paths.ts';
import { BUREAU } from '../site.ts';
import { beijingReadable, beijingTime } from '../time.ts';
import type { FieldDef, FieldError, FormDef, FormValues } from '../forms/definitions.ts';
import {
  hidden,
  renderCheckAnswers,
  renderErrorSummary,
  renderField,
  renderForm,
  type CheckRenderOptions,
  type FormRenderOptions,
  type RenderContext,
} from '../forms/render.ts';
import { EXAMPLE_RECEIPT } from './receipt.ts';
import { requestType, type RequestTypeId } from './registry.ts';
import { STATUS_EXPLAINED, type Status } from './status.ts';
import { requestPaths } from './types.ts';

/**
 * “快速离开”: for people at risk of domestic violence. With JavaScript the
 * script replaces this page in the history (location.replace), so Back does
 * not return to the form; without it, it is a plain link. A search engine's
 * home page looks ordinary on a shared phone.
 */
export const QUICK_EXIT_URL = 'https://www.baidu.com/';

export function renderQuickExit(): SafeHtml {
  return html`<div class="quick-exit" data-pagefind-ignore><a class="quick-exit__button" href="${QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit>快速离开</a></div>`;
}

/**
 * What 快速离开 does, under the page's heading: above it, its four lines on a
 * phone pushed the heading to 302 px (the first screen's budget is 250).
 */
export function renderQuickExitHint(): SafeHtml {
  return html`<p class="quick-exit__hint" data-pagefind-ignore>担心别人看到您在这个页面，可以点右上角的“快速离开”，马上打开百度首页。担心别人查看手机的，请用无痕（隐私）模式填写。</p>`;
}

/** A page body with the 快速离开 hint after its first heading (or first, if it has none). */
export function withQuickExitHint(body: SafeHtml): SafeHtml {
  const at = body.value.indexOf('</h1>') + '</h1>'.length;
  const hint = renderQuickExitHint().value;
  return raw(at < 5 ? hint + body.value : body.value.slice(0, at) + hint + body.value.slice(at));
}

/** A page body with 快速离开: the bar first (it sticks to the top), its hint after the first heading. */
export function withQuickExit(body: SafeHtml): SafeHtml {
  return raw(renderQuickExit().value + withQuickExitHint(body).value);
}

const phoneLink = (n: string) => html`<a href="tel:${n}">${n}</a>`;

/**
 * Titles of the steps both ways through a request reach: the functions' pages
 * wear them as they are; the page script puts them before the form page's own
 * title (document.title), as the address stays the form's.
 */
export const STEP_TITLES = {
  submitted: (receipt: string) => `申请已提交：回执号 ${receipt}`,
  withdrawn: '申请已撤回',
} as const;

/** Where a withdrawal is posted, by the confirmation page's form (no JavaScript) and by the page script. */
export const WITHDRAW_API = '/api/withdraw';

/** The whole form page body: heading, how long it takes, where to get help, the form. */
export function renderFormPage(def: FormDef, values: FormValues, o: FormRenderOptions): SafeHtml {
  const t = requestType(def.type as RequestTypeId);
  const intro = o.correct
    ? html`<div class="notice"><p>您正在更正回执号为 <strong>${o.correct}</strong> 的申请。请把全部内容重新填写一遍；提交后，原来的内容会被替换，回执号不变。</p></div>`
    : html`<p class="lead">大约需要10分钟。标有“（选填）”的可以不填，其他都要填写。</p><p>填写有困难的，可以打电话 ${phoneLink(BUREAU.phone)} 或 ${phoneLink(BUREAU.hotline)}，请工作人员帮忙。</p>`;
  return html`${renderErrorSummary(o.errors ?? [], { autofocus: o.autofocusSummary })}<h1 data-step-title>${o.correct ? t.labels.correct : t.labels.apply}</h1>${intro}${renderForm(def, values, o)}`;
}

/**
 * Why a submission did not go through, at the top of the check step: on the
 * function's page (`autofocus`) and in the page script's place for it (with
 * “再试一次” when sending again may work). `id` names its heading.
 */
export function renderSendProblem(p: {
  id: string;
  title: string;
  message: string;
  autofocus?: boolean;
  retry?: boolean;
}): SafeHtml {
  return html`<div class="error-summary" tabindex="-1"${!!p.autofocus && ' autofocus'} aria-labelledby="${p.id}"><h2 id="${p.id}">${p.title}</h2><p>${p.message}</p>${!!p.retry && html`<div class="button-group"><button type="button" class="button" data-retry>再试一次</button></div>`}</div>`;
}

/**
 * The check-your-answers step: heading, how to confirm, a place for a sending
 * error (the page script's), the answers. `notice`: why the last try failed.
 */
export function renderCheckStep(
  def: FormDef,
  values: FormValues,
  o: CheckRenderOptions & { notice?: string },
): SafeHtml {
  const notice =
    o.notice && renderSendProblem({ id: 'notice-title', title: '暂时无法提交', message: o.notice, autofocus: true });
  return html`${notice}<h1 tabindex="-1" data-focus>请核对填写的内容</h1><p>确认无误后，请点页面最下面的“${o.correct ? '确认更正' : '确认提交'}”。需要修改的，点那一项右边的“修改”。</p><div data-send-error></div>${renderCheckAnswers(def, values, o)}`;
}

// ------------------------------------------------------------------ receipt

/** Where residents look up a request's progress. */
export const STATUS_PATH = '/apply/status/';
/**
 * Its QR code, a file made at build time (src/pages/apply/status/qr.svg.ts):
 * an image rather than inline SVG, so the page scripts that render the
 * confirmation do not carry a QR encoder (about 10 KB gzipped).
 */
export const STATUS_QR_PATH = '/apply/status/qr.svg';

/**
 * A receipt number's groups, split at its hyphens: FY-20261127-7K3Q9P →
 * FY, 20261127, 7K3Q9P. Whatever parseReceipt returns, including longer
 * numbers with more groups.
 */
export function receiptGroups(receipt: string): string[] {
  return receipt.split('-').filter((g) => g !== '');
}

/**
 * The receipt number large, on one line where it fits and otherwise broken
 * only between groups, never inside one (apply-form.css). Each group keeps its
 * hyphen, so the text reads and copies as the number itself. `hook`: the
 * data-receipt attribute scripts and tests read the number from.
 */
export function receiptHtml(receipt: string, hook = false): SafeHtml {
  const groups = receiptGroups(receipt);
  const parts = groups.map((g, i) => html`<span class="receipt__group">${g}${i < groups.length - 1 && '-'}</span>`);
  const long = receipt.length > 18 ? ' receipt--long' : '';
  return html`<strong class="receipt${long}"${hook && ' data-receipt'}>${parts}</strong>`;
}

/** “您在申请表里填写的联系电话”: never the number itself, which would be on paper for anyone to read. */
const LOOKUP_PHONE = '您在申请表里填写的联系电话';

// ------------------------------------------------------------------ confirmation

export interface ConfirmationOptions extends RenderContext {
  formType: RequestTypeId;
  receipt: string;
  /** Present while the applicant may still withdraw or correct (10 minutes). */
  withdraw?: { until: Date; mode: 'script' | 'form' };
  corrected?: boolean;
  /**
   * The site's origin as the reader uses it ("https://…"; location.origin in
   * the page script, the request's in a function): the status-lookup address
   * printed on the confirmation, and its QR code.
   */
  origin: string;
  /** When this confirmation is shown (出具时间, Beijing time); now by default. */
  issuedAt?: Date;
}

/**
 * What a printed confirmation needs to stand alone: who received it, what it
 * is, when, where and how to look it up (with a QR code for the phone).
 */
function keepSection(o: ConfirmationOptions): SafeHtml {
  const lookup = new URL(withBase(STATUS_PATH, o.base), o.origin).href;
  const row = (dt: string, dd: SafeHtml | string) => html`<dt>${dt}</dt><dd>${dd}</dd>`;
  return html`<section class="keep" aria-labelledby="keep-title"><h2 id="keep-title">请保存以下信息</h2><p>请把回执号抄下来、截图或者打印本页保存。</p><div class="keep__body"><dl class="facts keep__facts">${row('受理单位', BUREAU.name)}${row('申请类型', requestType(o.formType).labels.request)}${row('回执号', o.receipt)}${row('出具时间', `${beijingReadable(o.issuedAt ?? new Date())}（北京时间）`)}${row('查询进度', html`<a class="bare-url" href="${lookup}">${lookup}</a>`)}${row('查询要用', html`回执号和${LOOKUP_PHONE}`)}</dl><figure class="keep__qr print-only"><img src="${withBase(STATUS_QR_PATH, o.base)}" width="120" height="120" alt="查询办理进度网页的二维码"><figcaption>扫一扫，查询办理进度</figcaption></figure></div></section>`;
}

function withdrawSection(o: ConfirmationOptions & { withdraw: { until: Date; mode: 'script' | 'form' } }): SafeHtml {
  const api = requestPaths(o.formType).api;
  const buttons =
    o.withdraw.mode === 'form'
      ? html`<form method="post" action="${withBase(WITHDRAW_API, o.base)}" class="button-group">${hidden('receipt', o.receipt)}<button type="submit" class="button button--secondary" name="action" value="withdraw">撤回申请</button></form><form method="post" action="${withBase(api, o.base)}" class="button-group">${hidden('_step', 'correct-start')}${hidden('_correct', o.receipt)}<button type="submit" class="button button--secondary">更正内容</button></form>`
      : html`<div class="button-group"><button type="button" class="button button--secondary" data-withdraw>撤回申请</button><button type="button" class="button button--secondary" data-correct>更正内容</button></div>`;
  return html`<section class="withdraw no-print" aria-labelledby="withdraw-title"><h2 id="withdraw-title">需要撤回或者更正？</h2><p>在 <strong>${beijingTime(o.withdraw.until)}</strong>（北京时间）之前，也就是提交后10分钟内，您可以撤回这份申请，或者更正填写的内容。撤回后，您填写的个人信息会被删除。</p>${buttons}<p>超过10分钟需要撤回或更正的，请打电话 ${phoneLink(BUREAU.phone)} 说明。</p></section>`;
}

export function renderConfirmation(o: ConfirmationOptions): SafeHtml {
  const t = requestType(o.formType);
  return html`<div class="panel panel--confirmation"><h1 class="panel__title" tabindex="-1" data-confirmation-title>${o.corrected ? '更正已提交' : '申请已提交'}</h1><p class="panel__body">您的${t.labels.request}回执号是<br>${receiptHtml(o.receipt, true)}</p></div>${keepSection(o)}<div class="button-group no-print"><button type="button" class="button button--secondary" data-print hidden>打印本页</button><a class="button button--secondary" href="${withBase(STATUS_PATH, o.base)}">查询办理进度</a></div><h2>接下来会怎样</h2><ol class="steps">${t.nextSteps.map((s) => html`<li>${s}</li>`)}</ol>${o.withdraw && withdrawSection({ ...o, withdraw: o.withdraw })}<h2>联系我们</h2><ul><li>${BUREAU.name}：${phoneLink(BUREAU.phone)}，邮箱 <a href="mailto:${BUREAU.email}">${BUREAU.email}</a></li><li>${BUREAU.hotlineName}：${phoneLink(BUREAU.hotline)}</li></ul><p>打电话时请说出回执号，工作人员不会向您索要银行卡密码或验证码，也不会收取任何费用。</p>`;
}

/** After a withdrawal, with or without JavaScript. */
export function renderWithdrawn(formType: RequestTypeId, receipt: string, base: string): SafeHtml {
  const start = withBase(requestPaths(formType).start, base);
  return html`<div class="panel panel--confirmation"><h1 class="panel__title" tabindex="-1" data-focus>${STEP_TITLES.withdrawn}</h1><p class="panel__body">回执号<br>${receiptHtml(receipt)}</p></div><p>这份申请已经撤回，您填写的个人信息已经删除。以后还需要帮助的，可以<a href="${start}">重新申请</a>，或者打电话${phoneLink(BUREAU.phone)}、${phoneLink(BUREAU.hotline)}。</p>`;
}

// ------------------------------------------------------------------ status

export interface StatusView {
  receipt: string;
  formType: RequestTypeId;
  submittedAt: string;
  current: Status;
  history: { status: Status; at: string; note?: string }[];
  /** A 法律咨询's answer, opened with the phone of the lookup (src/lib/consult/status.ts). */
  answer?: AnswerView;
  /** 满意度评价: a form once answered or closed, or the rating given. */
  rating?: RatingView;
}

/** `now`: when the lookup was made (查询时间 on the printed page). */
export function renderStatus(v: StatusView, now: Date = new Date()): SafeHtml {
  const row = (dt: string, dd: SafeHtml | string) =>
    html`<div class="summary-list__row"><dt>${dt}</dt><dd class="summary-list__value">${dd}</dd></div>`;
  const history = [...v.history]
    .reverse()
    .map(
      (h) =>
        html`<li><strong>${h.status}</strong><span class="timeline__time">${beijingReadable(h.at)}</span>${!!h.note && html`<p class="timeline__note">${lines(h.note)}</p>`}</li>`,
    );
  return html`<div class="status-result" data-status-result><h2 id="status-title" tabindex="-1">查询结果</h2><dl class="summary-list">${row('回执号', receiptHtml(v.receipt))}${row('申请类型', requestType(v.formType).labels.request)}${row('受理单位', BUREAU.name)}${row('提交时间', beijingReadable(v.submittedAt))}${row('目前状态', html`<strong class="status-tag">${v.current}</strong><br>${STATUS_EXPLAINED[v.current] ?? ''}`)}${row('查询时间', `${beijingReadable(now)}（北京时间）`)}${row('查询要用', html`回执号和${LOOKUP_PHONE}`)}</dl>${v.answer && renderAnswer(v.answer)}${v.rating && renderRating(v.receipt, v.rating)}<h3>办理记录</h3><ol class="timeline">${history}</ol></div>`;
}

/** A status lookup that found nothing or failed: the function's page (`autofocus`) and the page script say it alike. */
export function renderStatusNotice(message: string, autofocus = false): SafeHtml {
  return html`<div class="notice notice--warning" tabindex="-1"${autofocus && ' autofocus'}><p>${message}</p></div>`;
}

export const STATUS_FIELDS: FieldDef[] = [
  {
    name: 'receipt',
    kind: 'text',
    label: '回执号',
    hint: `提交成功时页面上显示的号码，例如 ${EXAMPLE_RECEIPT}`,
    autocomplete: 'off',
    width: 'l',
  },
  {
    name: 'phone',
    kind: 'text',
    label: '联系电话',
    hint: '提交申请时填写的联系电话（替家人申请的，填您自己的电话）',
    autocomplete: 'tel',
    inputmode: 'tel',
    width: 'm',
  },
];

export interface StatusFormOptions extends RenderContext {
  errors?: FieldError[];
  autofocusSummary?: boolean;
}

export function renderStatusForm(values: FormValues, o: StatusFormOptions): SafeHtml {
  const errors = new Map((o.errors ?? []).map((e) => [e.field, e.message]));
  return html`${renderErrorSummary(o.errors ?? [], { autofocus: o.autofocusSummary })}<form class="apply-form" method="post" action="${withBase('/api/status', o.base)}" novalidate data-status-form data-base="${o.base}">${STATUS_FIELDS.map((f) => renderField(f, values, errors.get(f.name)))}<div class="button-group"><button type="submit" class="button">查询</button></div></form>`;
}
