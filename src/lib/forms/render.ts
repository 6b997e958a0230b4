/**
 * HTML for forms, as pure functions over the form definitions. The same
 * functions draw:
 *  - the static form pages (Astro, through set:html),
 *  - the functions' answers to posts without JavaScript (errors, check your
 *    answers),
 *  - the steps the browser script shows with JavaScript.
 * So the three can never drift apart. Every value goes through the `html`
 * template (src/lib/html.ts), which escapes it.
 *
 * Patterns from the GOV.UK Design System: error summary linking to each field,
 * error message above the control, conditional reveal, summary list with
 * change links.
 */
import {
  allFields,
  conditionHolds,
  optionLabel,
  type Condition,
  type FieldDef,
  type FieldError,
  type FormDef,
  type FormValues,
  type SectionDef,
} from './definitions.ts';
import { html, lines, type SafeHtml } from '../html.ts';
import { fixesNeeded } from '../page-title.ts';
import { withBase } from '../paths.ts';
import { lengthHint } from './wording.ts';
/** The honeypot field's name: a form that arrives with it filled in was sent by a bot. */
export const HONEYPOT = 'homepage';

export interface RenderContext {
  /** The site's base path, "/" or "/sfj/". */
  base: string;
}

/**
 * The id of a field's control (f-phone), or of its hint, character count or
 * error message (f-phone-error). The page scripts find a field by these ids,
 * and error summary links point at them.
 */
export function fieldId(name: string, part?: 'hint' | 'count' | 'error'): string {
  return part ? `f-${name}-${part}` : `f-${name}`;
}
const str = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

// ------------------------------------------------------------------ fields

/** The hint under a label: the field's own words, then its length limits from the schema. */
function hintText(f: FieldDef): string {
  const limits = f.limits ? `${lengthHint(f.limits)}。` : '';
  if (!f.hint) return limits;
  return limits ? `${f.hint}${/[。！？]$/.test(f.hint) ? '' : '。'}${limits}` : f.hint;
}

/** A textarea counts characters up to its maximum (the page script writes the count). */
const counted = (f: FieldDef): number | undefined => (f.kind === 'textarea' ? f.limits?.max : undefined);

function describedBy(f: FieldDef, error?: string): SafeHtml {
  const ids = [
    hintText(f) ? fieldId(f.name, 'hint') : '',
    counted(f) ? fieldId(f.name, 'count') : '',
    error ? fieldId(f.name, 'error') : '',
  ].filter(Boolean);
  return html`${ids.length > 0 && html` aria-describedby="${ids.join(' ')}"`}`;
}

function hintHtml(f: FieldDef): SafeHtml {
  const text = hintText(f);
  return html`${!!text && html`<p class="field__hint" id="${fieldId(f.name, 'hint')}">${text}</p>`}`;
}

function errorHtml(f: FieldDef, error?: string): SafeHtml {
  return html`<p class="field__error" id="${fieldId(f.name, 'error')}"${!error && ' hidden'}><span class="visually-hidden">错误：</span><span data-error-text>${error ?? ''}</span></p>`;
}

/** After the label: when the field is needed (“替家人申请的可以不填”), or （选填） if never required. */
function optionalMark(f: FieldDef): SafeHtml {
  const mark = f.need ?? (f.optional ? '选填' : '');
  return html`${!!mark && html`<span class="field__optional">（${mark}）</span>`}`;
}

function conditionalAttrs(f: { showIf?: Condition }): SafeHtml {
  return html`${!!f.showIf && html` data-show-if="${f.showIf.field}" data-show-values="${f.showIf.values.join(' ')}"`}`;
}

function label(f: FieldDef, id: string): SafeHtml {
  return html`<label class="field__label" for="${id}">${f.label}${optionalMark(f)}</label>${hintHtml(f)}`;
}

function textInput(f: FieldDef, value: string, error?: string): SafeHtml {
  const id = fieldId(f.name);
  return html`<span class="field__control"><input class="input input--${f.width ?? 'l'}" id="${id}" name="${f.name}" type="text" value="${value}"${!!f.inputmode && html` inputmode="${f.inputmode}"`}${!!f.autocomplete && html` autocomplete="${f.autocomplete}"`} spellcheck="false"${describedBy(f, error)}${!!error && html` aria-invalid="true"`}>${!!f.suffix && html`<span class="field__suffix">${f.suffix}</span>`}</span>`;
}

/**
 * The count paragraph starts empty: without JavaScript the hint already says
 * the limits; with it, the page script counts as the user types.
 */
function textarea(f: FieldDef, value: string, error?: string): SafeHtml {
  const id = fieldId(f.name);
  const max = counted(f);
  return html`<textarea class="input" id="${id}" name="${f.name}" rows="${f.rows ?? 5}"${describedBy(f, error)}${!!error && html` aria-invalid="true"`}>${value}</textarea>${!!max && html`<p class="field__count" id="${fieldId(f.name, 'count')}" data-max-chars="${max}"></p>`}`;
}

/**
 * What a textarea's counter says: the limit, and with JavaScript, as the
 * reader types, how many characters are left or over (`used`, counted the way
 * the schema counts them: normalize.ts, charCount).
 */
export function charCountNote(max: number, used?: number): string {
  if (used === undefined) return `最多可以写 ${max} 个字。`;
  return used <= max
    ? `最多可以写 ${max} 个字，还可以写 ${max - used} 个字。`
    : `最多可以写 ${max} 个字，已经超出 ${used - max} 个字。`;
}

function select(f: FieldDef, typed: string, error?: string): SafeHtml {
  const value = typed || (f.initial ?? '');
  return html`<select class="input" id="${fieldId(f.name)}" name="${f.name}"${describedBy(f, error)}${!!error && html` aria-invalid="true"`}>${!f.initial && html`<option value="">请选择</option>`}${(f.options ?? []).map((o) => html`<option value="${o.value}"${o.value === value && ' selected'}>${o.label}</option>`)}</select>`;
}

function choices(f: FieldDef, values: FormValues, error: string | undefined, cls: string): SafeHtml {
  const type = f.kind === 'radios' ? 'radio' : 'checkbox';
  const chosen = list(values[f.name]);
  const items = (f.options ?? []).map((o, i) => {
    const oid = i === 0 ? fieldId(f.name) : `${fieldId(f.name)}-${i + 1}`;
    return html`<div class="choice"><input id="${oid}" name="${f.name}" type="${type}" value="${o.value}"${chosen.includes(o.value) && ' checked'}${!!o.hint && html` aria-describedby="${oid}-hint"`}><label for="${oid}">${o.label}</label>${!!o.hint && html`<span class="choice__hint" id="${oid}-hint">${o.hint}</span>`}</div>`;
  });
  return html`<div class="${cls}" data-field="${f.name}"${conditionalAttrs(f)}><fieldset class="choices"${describedBy(f, error)}><legend class="field__label">${f.label}${optionalMark(f)}</legend>${hintHtml(f)}${errorHtml(f, error)}${items}</fieldset></div>`;
}

export function renderField(f: FieldDef, values: FormValues, error?: string): SafeHtml {
  const id = fieldId(f.name);
  const cls = `field${error ? ' field--error' : ''}`;
  const wrap = (inner: SafeHtml) =>
    html`<div class="${cls}" data-field="${f.name}"${conditionalAttrs(f)}>${inner}</div>`;
  const value = str(values[f.name]);
  switch (f.kind) {
    case 'text':
      return wrap(html`${label(f, id)}${errorHtml(f, error)}${textInput(f, value, error)}`);
    case 'textarea':
      return wrap(html`${label(f, id)}${errorHtml(f, error)}${textarea(f, value, error)}`);
    case 'select':
      return wrap(html`${label(f, id)}${errorHtml(f, error)}${select(f, value, error)}`);
    case 'radios':
    case 'checkboxes':
      return choices(f, values, error, cls);
    case 'checkbox':
      return wrap(
        html`${errorHtml(f, error)}<div class="choice choice--pledge"><input id="${id}" name="${f.name}" type="checkbox" value="yes"${!!value && ' checked'}${describedBy(f, error)}${!!error && html` aria-invalid="true"`}><label for="${id}">${f.label}${optionalMark(f)}</label></div>${hintHtml(f)}`,
      );
  }
}

function renderSection(s: SectionDef, values: FormValues, errors: Map<string, string>): SafeHtml {
  return html`<section class="form-section" id="s-${s.id}" aria-labelledby="s-${s.id}-title"${conditionalAttrs(s)}><h2 id="s-${s.id}-title">${s.title}</h2>${!!s.intro && html`<p class="form-section__intro">${s.intro}</p>`}${s.fields.map((f) => renderField(f, values, errors.get(f.name)))}</section>`;
}

// ------------------------------------------------------------------ errors

export function renderErrorSummary(
  errors: FieldError[],
  options: { autofocus?: boolean; title?: string } = {},
): SafeHtml {
  if (!errors.length) return html`<div class="error-summary" data-error-summary tabindex="-1" hidden></div>`;
  return html`<div class="error-summary" data-error-summary tabindex="-1" aria-labelledby="error-summary-title"${!!options.autofocus && ' autofocus'}><h2 id="error-summary-title">${options.title ?? fixesNeeded(errors.length)}</h2><ul>${errors.map((e) => html`<li><a href="#${fieldId(e.field)}">${e.message}</a></li>`)}</ul></div>`;
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

export function hidden(name: string, value: string | undefined): SafeHtml {
  return html`${!!value && html`<input type="hidden" name="${name}" value="${value}">`}`;
}

/** The honeypot: invisible and unreachable for people, tempting for bots. */
function honeypot(): SafeHtml {
  return html`<div class="hp" aria-hidden="true"><label for="f-${HONEYPOT}">请不要填写这一项</label><input id="f-${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off"></div>`;
}

export function renderForm(def: FormDef, values: FormValues, o: FormRenderOptions): SafeHtml {
  const errors = new Map((o.errors ?? []).map((e) => [e.field, e.message]));
  return html`<form class="apply-form" method="post" action="${withBase(def.action, o.base)}" novalidate data-apply-form="${def.type}" data-base="${o.base}">${hidden('_step', 'check')}${hidden('_key', o.key)}${hidden('_correct', o.correct)}${def.sections.map((s) => renderSection(s, values, errors))}${honeypot()}<div class="button-group"><button type="submit" class="button">继续：核对填写的内容</button></div><p class="form-note">下一步会把您填写的内容列出来给您核对，核对无误后才会提交。</p></form>`;
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

function displayValue(f: FieldDef, values: FormValues): SafeHtml {
  const v = values[f.name];
  if (f.kind === 'checkbox') return html`${str(v) ? '是' : '否'}`;
  if (f.kind === 'checkboxes') {
    const chosen = list(v).map((x) => optionLabel(f, x));
    return chosen.length ? html`${chosen.map((c, i) => html`${i > 0 && html`<br>`}${c}`)}` : html`（未选）`;
  }
  if (f.kind === 'radios' || f.kind === 'select') return html`${str(v) ? optionLabel(f, str(v)) : '（未填）'}`;
  const s = str(v);
  if (!s) return html`（未填）`;
  // What the person typed is shown as typed, also on the 繁體 site (data-verbatim: src/lib/i18n/html.ts).
  return html`<span data-verbatim>${f.kind === 'textarea' ? lines(s) : s}</span>${!!f.suffix && ` ${f.suffix}`}`;
}

export interface CheckRenderOptions extends RenderContext {
  key: string;
  correct?: string;
}

function checkRow(f: FieldDef, values: FormValues, action: string): SafeHtml {
  const name = f.short ?? f.label;
  return html`<div class="summary-list__row"><dt>${name}</dt><dd class="summary-list__value">${displayValue(f, values)}</dd><dd class="summary-list__action"><button type="submit" class="link-button" name="_edit" value="${f.name}" formaction="${action}#${fieldId(f.name)}" data-edit="${f.name}">修改<span class="visually-hidden">${name}</span></button></dd></div>`;
}

export function renderCheckAnswers(def: FormDef, values: FormValues, o: CheckRenderOptions): SafeHtml {
  const action = withBase(def.action, o.base);
  const hiddenFields = allFields(def).flatMap((f) => list(values[f.name]).map((v) => hidden(f.name, v)));
  const sections = def.sections
    .filter((s) => conditionHolds(s.showIf, values))
    .map((s) => {
      const rows = s.fields
        .filter((f) => conditionHolds(f.showIf, values))
        .filter((f) => !(f.optional && f.kind === 'checkbox' && !str(values[f.name])))
        .map((f) => checkRow(f, values, action));
      return html`<h2>${s.title}</h2><dl class="summary-list">${rows}</dl>`;
    });
  return html`<form class="check-answers" method="post" action="${action}" data-check-form="${def.type}">${hidden('_key', o.key)}${hidden('_correct', o.correct)}${hiddenFields}${sections}<h2>${o.correct ? '提交更正' : '提交申请'}</h2><p>请确认以上内容无误。${o.correct ? '提交后，原来的内容会被这次填写的内容替换，回执号不变。' : '提交后会得到一个回执号；提交后10分钟内，还可以撤回或者更正。'}</p><div class="button-group"><button type="submit" class="button" name="_step" value="submit" data-confirm>${o.correct ? '确认更正' : '确认提交'}</button></div></form>`;
}
