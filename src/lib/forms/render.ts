/**
 * HTML for the application forms, as pure functions returning escaped strings.
 * The same functions draw:
 *  - the static form pages (Astro, through set:html),
 *  - the functions' answers to posts without JavaScript (error page, check
 *    your answers, confirmation, status),
 *  - the steps the browser script shows with JavaScript.
 * So the three can never drift apart, and every piece of user input passes
 * through esc() exactly once, at the point it becomes HTML.
 *
 * Patterns from the GOV.UK Design System: error summary linking to each field,
 * error message above the control, conditional reveal, summary list with
 * change links, confirmation panel.
 */
import {
  allFields,
  conditionHolds,
  optionLabel,
  type FieldDef,
  type FieldError,
  type FormDef,
  type FormValues,
  type SectionDef,
} from './definitions.ts';
import { BUREAU } from '../site.ts';
import { withBase } from '../paths.ts';
import type { FormType } from './receipt.ts';

/** Escapes text for HTML content and double-quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Multi-line user text as paragraphs of escaped text (line breaks kept, nothing else). */
export function escLines(value: string): string {
  return esc(value).replace(/\n/g, '<br>');
}

export const HONEYPOT = 'homepage';

/**
 * “快速离开”: for people at risk of domestic violence. With JavaScript the
 * script replaces this page in the history (location.replace), so Back does
 * not return to the form; without it, it is a plain link. A search engine's
 * home page looks ordinary on a shared phone.
 */
export const QUICK_EXIT_URL = 'https://www.baidu.com/';

export function renderQuickExit(): string {
  return (
    `<div class="quick-exit" data-pagefind-ignore><a class="quick-exit__button" href="${QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit>快速离开</a></div>` +
    `<p class="quick-exit__hint" data-pagefind-ignore>担心别人看到您在这个页面，可以点右上角的“快速离开”，马上打开百度首页。担心别人查看手机的，请用无痕（隐私）模式填写。</p>`
  );
}

export const FORM_PATHS: Record<FormType, { start: string; form: string; done: string; api: string }> = {
  'legal-aid': {
    start: '/apply/legal-aid/',
    form: '/apply/legal-aid/form/',
    done: '/apply/legal-aid/done/',
    api: '/api/legal-aid',
  },
  mediation: {
    start: '/apply/mediation/',
    form: '/apply/mediation/form/',
    done: '/apply/mediation/done/',
    api: '/api/mediation',
  },
};

export interface RenderContext {
  /** The site's base path, "/" or "/sfj/". */
  base: string;
}

const fid = (name: string) => `f-${name}`;
const str = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

// ------------------------------------------------------------------ fields

function describedBy(f: FieldDef, error?: string): string {
  const ids = [
    f.hint ? `${fid(f.name)}-hint` : '',
    f.maxChars ? `${fid(f.name)}-count` : '',
    error ? `${fid(f.name)}-error` : '',
  ].filter(Boolean);
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
}

function hintHtml(f: FieldDef): string {
  return f.hint ? `<p class="field__hint" id="${fid(f.name)}-hint">${esc(f.hint)}</p>` : '';
}

function errorHtml(f: FieldDef, error?: string): string {
  return `<p class="field__error" id="${fid(f.name)}-error"${error ? '' : ' hidden'}><span class="visually-hidden">错误：</span><span data-error-text>${esc(error ?? '')}</span></p>`;
}

const optionalMark = (f: FieldDef) => (f.optional ? '<span class="field__optional">（选填）</span>' : '');

function conditionalAttrs(f: { showIf?: { field: string; values: string[] } }): string {
  return f.showIf ? ` data-show-if="${esc(f.showIf.field)}" data-show-values="${esc(f.showIf.values.join(' '))}"` : '';
}

export function renderField(f: FieldDef, values: FormValues, error?: string): string {
  const id = fid(f.name);
  const invalid = error ? ' aria-invalid="true"' : '';
  const cls = `field${error ? ' field--error' : ''}`;
  const wrap = (inner: string) =>
    `<div class="${cls}" data-field="${esc(f.name)}"${conditionalAttrs(f)}>${inner}</div>`;
  const value = str(values[f.name]);
  switch (f.kind) {
    case 'text':
      return wrap(
        `<label class="field__label" for="${id}">${esc(f.label)}${optionalMark(f)}</label>${hintHtml(f)}${errorHtml(f, error)}` +
          `<span class="field__control"><input class="input input--${f.width ?? 'l'}" id="${id}" name="${esc(f.name)}" type="text" value="${esc(value)}"` +
          `${f.inputmode ? ` inputmode="${f.inputmode}"` : ''}${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ''} spellcheck="false"${describedBy(f, error)}${invalid}>` +
          `${f.suffix ? `<span class="field__suffix">${esc(f.suffix)}</span>` : ''}</span>`,
      );
    case 'textarea':
      return wrap(
        `<label class="field__label" for="${id}">${esc(f.label)}${optionalMark(f)}</label>${hintHtml(f)}${errorHtml(f, error)}` +
          `<textarea class="input" id="${id}" name="${esc(f.name)}" rows="${f.rows ?? 5}"${describedBy(f, error)}${invalid}>${esc(value)}</textarea>` +
          (f.maxChars
            ? `<p class="field__count" id="${id}-count" data-max-chars="${f.maxChars}">最多可以写 ${f.maxChars} 个字。</p>`
            : ''),
      );
    case 'select':
      return wrap(
        `<label class="field__label" for="${id}">${esc(f.label)}${optionalMark(f)}</label>${hintHtml(f)}${errorHtml(f, error)}` +
          `<select class="input" id="${id}" name="${esc(f.name)}"${describedBy(f, error)}${invalid}><option value="">请选择</option>` +
          (f.options ?? [])
            .map(
              (o) => `<option value="${esc(o.value)}"${o.value === value ? ' selected' : ''}>${esc(o.label)}</option>`,
            )
            .join('') +
          `</select>`,
      );
    case 'radios':
    case 'checkboxes': {
      const type = f.kind === 'radios' ? 'radio' : 'checkbox';
      const chosen = list(values[f.name]);
      const items = (f.options ?? [])
        .map((o, i) => {
          const oid = i === 0 ? id : `${id}-${i + 1}`;
          const hint = o.hint ? `<span class="choice__hint" id="${oid}-hint">${esc(o.hint)}</span>` : '';
          return (
            `<div class="choice"><input id="${oid}" name="${esc(f.name)}" type="${type}" value="${esc(o.value)}"${chosen.includes(o.value) ? ' checked' : ''}` +
            `${o.hint ? ` aria-describedby="${oid}-hint"` : ''}>` +
            `<label for="${oid}">${esc(o.label)}</label>${hint}</div>`
          );
        })
        .join('');
      return (
        `<div class="${cls}" data-field="${esc(f.name)}"${conditionalAttrs(f)}><fieldset class="choices"${describedBy(f, error)}>` +
        `<legend class="field__label">${esc(f.label)}${optionalMark(f)}</legend>${hintHtml(f)}${errorHtml(f, error)}${items}</fieldset></div>`
      );
    }
    case 'checkbox':
      return wrap(
        `${errorHtml(f, error)}<div class="choice choice--pledge"><input id="${id}" name="${esc(f.name)}" type="checkbox" value="yes"${str(values[f.name]) ? ' checked' : ''}${describedBy(f, error)}${invalid}>` +
          `<label for="${id}">${esc(f.label)}${optionalMark(f)}</label></div>${hintHtml(f)}`,
      );
  }
}

function renderSection(s: SectionDef, values: FormValues, errors: Map<string, string>): string {
  return (
    `<section class="form-section" id="s-${esc(s.id)}" aria-labelledby="s-${esc(s.id)}-title"${conditionalAttrs(s)}>` +
    `<h2 id="s-${esc(s.id)}-title">${esc(s.title)}</h2>${s.intro ? `<p class="form-section__intro">${esc(s.intro)}</p>` : ''}` +
    s.fields.map((f) => renderField(f, values, errors.get(f.name))).join('') +
    `</section>`
  );
}

// ------------------------------------------------------------------ errors

export function renderErrorSummary(
  errors: FieldError[],
  options: { autofocus?: boolean; title?: string } = {},
): string {
  if (!errors.length) return '<div class="error-summary" data-error-summary tabindex="-1" hidden></div>';
  return (
    `<div class="error-summary" data-error-summary tabindex="-1" aria-labelledby="error-summary-title"${options.autofocus ? ' autofocus' : ''}>` +
    `<h2 id="error-summary-title">${esc(options.title ?? `有 ${errors.length} 处需要修改`)}</h2>` +
    `<ul>${errors.map((e) => `<li><a href="#${fid(e.field)}">${esc(e.message)}</a></li>`).join('')}</ul></div>`
  );
}

/** Page title of a form page; “错误：” first when there are errors (screen readers read the title first). */
export function formTitle(def: FormDef, errors: FieldError[]): string {
  return errors.length ? `错误：${def.title}（有 ${errors.length} 处需要修改）` : def.title;
}

// ------------------------------------------------------------------ the form

export interface FormRenderOptions extends RenderContext {
  errors?: FieldError[];
  /** Idempotency key carried by pages the server renders (no JavaScript). */
  key?: string;
  /** Receipt being corrected within the 10-minute window. */
  correct?: string;
  autofocusSummary?: boolean;
}

function hidden(name: string, value: string | undefined): string {
  return value ? `<input type="hidden" name="${esc(name)}" value="${esc(value)}">` : '';
}

/** The honeypot: invisible and unreachable for people, tempting for bots. */
function honeypot(): string {
  return `<div class="hp" aria-hidden="true"><label for="f-${HONEYPOT}">请不要填写这一项</label><input id="f-${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off"></div>`;
}

export function renderForm(def: FormDef, values: FormValues, o: FormRenderOptions): string {
  const errors = new Map((o.errors ?? []).map((e) => [e.field, e.message]));
  return (
    `<form class="apply-form" method="post" action="${esc(withBase(def.action, o.base))}" novalidate data-apply-form="${def.type}" data-base="${esc(o.base)}">` +
    hidden('_step', 'check') +
    hidden('_key', o.key) +
    hidden('_correct', o.correct) +
    def.sections.map((s) => renderSection(s, values, errors)).join('') +
    honeypot() +
    `<div class="button-group"><button type="submit" class="button">继续：核对填写的内容</button></div>` +
    `<p class="form-note">下一步会把您填写的内容列出来给您核对，核对无误后才会提交。</p>` +
    `</form>`
  );
}

const FORM_HEADINGS: Record<FormType, { h1: string; correct: string }> = {
  'legal-aid': { h1: '申请法律援助', correct: '更正法律援助申请' },
  mediation: { h1: '申请人民调解', correct: '更正人民调解申请' },
};

/** The whole form page body: heading, how long it takes, where to get help, the form. */
export function renderFormPage(def: FormDef, values: FormValues, o: FormRenderOptions): string {
  const h = FORM_HEADINGS[def.type];
  const intro = o.correct
    ? `<div class="notice"><p>您正在更正回执号为 <strong>${esc(o.correct)}</strong> 的申请。请把全部内容重新填写一遍；提交后，原来的内容会被替换，回执号不变。</p></div>`
    : `<p class="lead">大约需要10分钟。标有“（选填）”的可以不填，其他都要填写。</p>` +
      `<p>填写有困难的，可以打电话 <a href="tel:${BUREAU.phone}">${BUREAU.phone}</a> 或 <a href="tel:${BUREAU.hotline}">${BUREAU.hotline}</a>，请工作人员帮忙。</p>`;
  return (
    renderErrorSummary(o.errors ?? [], { autofocus: o.autofocusSummary }) +
    `<h1 data-step-title>${esc(o.correct ? h.correct : h.h1)}</h1>${intro}${renderForm(def, values, o)}`
  );
}

// ------------------------------------------------------------------ check your answers

/** A validated application back to the strings a form carries (for hidden fields and re-rendering). */
export function toFormValues(def: FormDef, data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of allFields(def)) {
    const v = data[f.name];
    if (v === undefined || v === null || v === false) continue;
    if (v === true) out[f.name] = 'yes';
    else if (Array.isArray(v)) out[f.name] = v.map(String);
    else out[f.name] = String(v);
  }
  return out;
}

function displayValue(f: FieldDef, values: FormValues): string {
  const v = values[f.name];
  if (f.kind === 'checkbox') return str(v) ? '是' : '否';
  if (f.kind === 'checkboxes')
    return (
      list(v)
        .map((x) => esc(optionLabel(f, x)))
        .join('<br>') || '（未选）'
    );
  if (f.kind === 'radios' || f.kind === 'select') return str(v) ? esc(optionLabel(f, str(v))) : '（未填）';
  const s = str(v);
  if (!s) return '（未填）';
  return (f.kind === 'textarea' ? escLines(s) : esc(s)) + (f.suffix ? ` ${esc(f.suffix)}` : '');
}

export interface CheckRenderOptions extends RenderContext {
  key: string;
  correct?: string;
}

export function renderCheckAnswers(def: FormDef, values: FormValues, o: CheckRenderOptions): string {
  const action = withBase(def.action, o.base);
  const hiddenFields = allFields(def)
    .flatMap((f) => list(values[f.name]).map((v) => hidden(f.name, v)))
    .join('');
  const sections = def.sections
    .filter((s) => conditionHolds(s.showIf, values))
    .map((s) => {
      const rows = s.fields
        .filter((f) => conditionHolds(f.showIf, values))
        .filter((f) => !(f.optional && f.kind === 'checkbox' && !str(values[f.name])))
        .map(
          (f) =>
            `<div class="summary-list__row"><dt>${esc(f.short ?? f.label)}</dt><dd class="summary-list__value">${displayValue(f, values)}</dd>` +
            `<dd class="summary-list__action"><button type="submit" class="link-button" name="_edit" value="${esc(f.name)}" formaction="${esc(action)}#${fid(f.name)}" data-edit="${esc(f.name)}">修改<span class="visually-hidden">${esc(f.short ?? f.label)}</span></button></dd></div>`,
        )
        .join('');
      return `<h2>${esc(s.title)}</h2><dl class="summary-list">${rows}</dl>`;
    })
    .join('');
  return (
    `<form class="check-answers" method="post" action="${esc(action)}" data-check-form="${def.type}">` +
    hidden('_key', o.key) +
    hidden('_correct', o.correct) +
    hiddenFields +
    sections +
    `<h2>${o.correct ? '提交更正' : '提交申请'}</h2>` +
    `<p>请确认以上内容无误。${o.correct ? '提交后，原来的内容会被这次填写的内容替换，回执号不变。' : '提交后会得到一个回执号；提交后10分钟内，还可以撤回或者更正。'}</p>` +
    `<div class="button-group"><button type="submit" class="button" name="_step" value="submit" data-confirm>${o.correct ? '确认更正' : '确认提交'}</button></div>` +
    `</form>`
  );
}

// ------------------------------------------------------------------ confirmation

const NEXT_STEPS: Record<FormType, string[]> = {
  'legal-aid': [
    '法律援助机构收到申请后，会在7日内审查并决定是否给予法律援助（《中华人民共和国法律援助法》第四十三条）。',
    '材料不齐的，工作人员会一次性告诉您还要补充哪些材料；请按要求补充，否则视为撤回申请。',
    '决定给予法律援助的，3日内会指派律师等法律援助人员为您办理；决定不给予的，会书面告诉您理由。',
    '对不给予法律援助的决定有意见，可以向台山市司法局提出异议（第四十九条）。',
    '去办理时，请带上身份证件和与事情有关的材料，例如合同、工资条、欠条、病历、法院传票。不需要开经济困难证明。',
  ],
  mediation: [
    '人民调解委员会会尽快打电话联系您，了解情况，并征求对方是否同意调解。',
    '调解不收费；对方明确拒绝调解的，不能调解，工作人员会告诉您还可以怎么办（《中华人民共和国人民调解法》第十七条）。',
    '调解成功的，可以签订调解协议；调解不成的，您仍然可以申请仲裁或者向法院起诉（第二十六条）。',
  ],
};

export interface ConfirmationOptions extends RenderContext {
  formType: FormType;
  receipt: string;
  /** Present while the applicant may still withdraw or correct (10 minutes). */
  withdraw?: { until: Date; mode: 'script' | 'form' };
  corrected?: boolean;
}

function timeOfDay(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3600_000);
  return `${String(c.getUTCHours()).padStart(2, '0')}:${String(c.getUTCMinutes()).padStart(2, '0')}`;
}

export function renderConfirmation(o: ConfirmationOptions): string {
  const what = o.formType === 'legal-aid' ? '法律援助申请' : '人民调解申请';
  const p = FORM_PATHS[o.formType];
  const withdraw = o.withdraw
    ? `<section class="withdraw no-print" aria-labelledby="withdraw-title"><h2 id="withdraw-title">需要撤回或者更正？</h2>` +
      `<p>在 <strong>${timeOfDay(o.withdraw.until)}</strong>（北京时间）之前，也就是提交后10分钟内，您可以撤回这份申请，或者更正填写的内容。撤回后，您填写的个人信息会被删除。</p>` +
      (o.withdraw.mode === 'form'
        ? `<form method="post" action="${esc(withBase('/api/withdraw', o.base))}" class="button-group">${hidden('receipt', o.receipt)}` +
          `<button type="submit" class="button button--secondary" name="action" value="withdraw">撤回申请</button></form>` +
          `<form method="post" action="${esc(withBase(p.api, o.base))}" class="button-group">${hidden('_step', 'correct-start')}${hidden('_correct', o.receipt)}` +
          `<button type="submit" class="button button--secondary">更正内容</button></form>`
        : `<div class="button-group"><button type="button" class="button button--secondary" data-withdraw>撤回申请</button>` +
          `<button type="button" class="button button--secondary" data-correct>更正内容</button></div>`) +
      `<p>超过10分钟需要撤回或更正的，请打电话 <a href="tel:${BUREAU.phone}">${BUREAU.phone}</a> 说明。</p></section>`
    : '';
  return (
    `<div class="panel panel--confirmation"><h1 class="panel__title" tabindex="-1" data-confirmation-title>${o.corrected ? '更正已提交' : '申请已提交'}</h1>` +
    `<p class="panel__body">您的${what}回执号是<br><strong class="receipt" data-receipt>${esc(o.receipt)}</strong></p></div>` +
    `<p>请把回执号抄下来、截图或者打印本页保存。查询办理进度时，要用回执号和您填写的联系电话。</p>` +
    `<div class="button-group no-print"><button type="button" class="button button--secondary" data-print hidden>打印本页</button>` +
    `<a class="button button--secondary" href="${esc(withBase('/apply/status/', o.base))}">查询办理进度</a></div>` +
    `<h2>接下来会怎样</h2><ol class="steps">${NEXT_STEPS[o.formType].map((s) => `<li>${esc(s)}</li>`).join('')}</ol>` +
    withdraw +
    `<h2>联系我们</h2><ul><li>${esc(BUREAU.name)}：<a href="tel:${BUREAU.phone}">${BUREAU.phone}</a>，邮箱 <a href="mailto:${BUREAU.email}">${BUREAU.email}</a></li>` +
    `<li>${esc(BUREAU.hotlineName)}：<a href="tel:${BUREAU.hotline}">${BUREAU.hotline}</a></li></ul>` +
    `<p>打电话时请说出回执号，工作人员不会向您索要银行卡密码或验证码，也不会收取任何费用。</p>`
  );
}

// ------------------------------------------------------------------ status

export interface StatusView {
  receipt: string;
  formType: FormType;
  submittedAt: string;
  current: string;
  history: { status: string; at: string; note?: string }[];
}

export function formatChinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

const STATUS_EXPLAINED: Record<string, string> = {
  已收到: '我们已经收到申请，还没有开始审查。',
  审查中: '工作人员正在审查您的申请，可能会打电话向您了解情况。',
  需补充材料: '还需要您补充材料或者作出说明，请按下面的说明办理；不清楚的请打电话问。',
  已受理: '申请已经受理，工作人员会联系您安排下一步。',
  不予受理: '申请没有被受理，原因见下面的说明。对法律援助不予受理决定有异议的，可以向台山市司法局提出。',
  已办结: '这件事已经办理完毕。',
  已撤回: '您已经撤回了这份申请，填写的个人信息已经删除。',
};

export function renderStatus(v: StatusView): string {
  const what = v.formType === 'legal-aid' ? '法律援助申请' : '人民调解申请';
  return (
    `<div class="status-result" data-status-result><h2 id="status-title" tabindex="-1">查询结果</h2>` +
    `<dl class="summary-list"><div class="summary-list__row"><dt>回执号</dt><dd class="summary-list__value">${esc(v.receipt)}</dd></div>` +
    `<div class="summary-list__row"><dt>申请类型</dt><dd class="summary-list__value">${what}</dd></div>` +
    `<div class="summary-list__row"><dt>提交时间</dt><dd class="summary-list__value">${esc(formatChinaTime(v.submittedAt))}</dd></div>` +
    `<div class="summary-list__row"><dt>目前状态</dt><dd class="summary-list__value"><strong class="status-tag">${esc(v.current)}</strong><br>${esc(STATUS_EXPLAINED[v.current] ?? '')}</dd></div></dl>` +
    `<h3>办理记录</h3><ol class="timeline">` +
    [...v.history]
      .reverse()
      .map(
        (h) =>
          `<li><strong>${esc(h.status)}</strong> <span class="timeline__time">${esc(formatChinaTime(h.at))}</span>${h.note ? `<p class="timeline__note">${escLines(h.note)}</p>` : ''}</li>`,
      )
      .join('') +
    `</ol></div>`
  );
}

export const STATUS_NOT_FOUND =
  '没有找到这份申请。请检查回执号和联系电话是否与提交时填写的一致；回执号在提交成功的页面上，形如 FY-20260101-7K3Q9P。仍然查不到的，请打电话 0750-5524538。';

export interface StatusFormOptions extends RenderContext {
  errors?: FieldError[];
  autofocusSummary?: boolean;
}

export const STATUS_FIELDS: FieldDef[] = [
  {
    name: 'receipt',
    kind: 'text',
    label: '回执号',
    hint: '提交成功时页面上显示的号码，例如 FY-20260101-7K3Q9P',
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

export function renderStatusForm(values: FormValues, o: StatusFormOptions): string {
  const errors = new Map((o.errors ?? []).map((e) => [e.field, e.message]));
  return (
    renderErrorSummary(o.errors ?? [], { autofocus: o.autofocusSummary }) +
    `<form class="apply-form" method="post" action="${esc(withBase('/api/status', o.base))}" novalidate data-status-form>` +
    STATUS_FIELDS.map((f) => renderField(f, values, errors.get(f.name))).join('') +
    `<div class="button-group"><button type="submit" class="button">查询</button></div></form>`
  );
}
