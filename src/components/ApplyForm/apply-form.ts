/**
 * The application form with JavaScript: the same schema and the same HTML as
 * the server, run in the page.
 *  - Validates a field when the user leaves it (and again as they fix it),
 *    shows conditional questions only when they apply.
 *  - On “继续”: all errors in a summary that takes focus, or the
 *    check-your-answers step; “修改” returns to the field.
 *  - On “确认提交”: posts JSON with an idempotency key made once per filled
 *    form, so a double click or a retry gives one record and one receipt.
 *  - On any failure the values stay where they are, in memory, with a retry.
 *    Nothing is written to the device's storage.
 *  - The confirmation offers print, withdraw and correct (10 minutes); the
 *    withdraw secret lives only in this page's memory.
 * Without this script everything still works through the function's pages.
 */
import {
  allFields,
  collectValues,
  conditionHolds,
  type FieldError,
  type FormValues,
} from '../../lib/forms/definitions.ts';
import { renderErrorSummary, toFormValues } from '../../lib/forms/render.ts';
import { html } from '../../lib/html.ts';
import { withBase } from '../../lib/paths.ts';
import { REQUEST_FORMS } from '../../lib/requests/forms.ts';
import { newKey } from '../../lib/requests/idempotency.ts';
import { MESSAGES } from '../../lib/requests/messages.ts';
import { isRequestTypeId, requestType } from '../../lib/requests/registry.ts';
import { renderCheckStep, renderConfirmation, renderWithdrawn } from '../../lib/requests/views.ts';

/** The form's values as the server would read them (fields starting with _ are the form's own). */
function readValues(form: HTMLFormElement): FormValues {
  return collectValues(new FormData(form), (name) => !name.startsWith('_'));
}

function enhance(form: HTMLFormElement): void {
  const type = form.dataset.applyForm;
  const spec = isRequestTypeId(type) ? REQUEST_FORMS[type] : undefined;
  const formView = form.closest<HTMLElement>('[data-form-view]');
  const stepView = document.querySelector<HTMLElement>('[data-step-view]');
  const live = document.querySelector<HTMLElement>('[data-live]');
  if (!spec || !formView || !stepView) return;
  const { def } = spec;
  const base = form.dataset.base ?? '/';
  const titleBase = document.title;
  const h1 = formView.querySelector<HTMLElement>('[data-step-title]');
  let key = newKey();
  let correction: { receipt: string; token: string } | undefined;

  const validate = () => spec.parse(readValues(form));
  const errorsOf = (r: ReturnType<typeof validate>): FieldError[] => (r.ok ? [] : r.errors);

  function showFieldError(name: string, message: string | undefined): void {
    const wrap = form.querySelector<HTMLElement>(`[data-field="${name}"]`);
    const box = document.getElementById(`f-${name}-error`);
    if (!wrap || !box) return;
    wrap.classList.toggle('field--error', !!message);
    box.hidden = !message;
    box.querySelector('[data-error-text]')!.textContent = message ?? '';
    const control = document.getElementById(`f-${name}`);
    const target = control?.closest('fieldset') ?? control;
    if (control && !control.closest('fieldset')) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    if (target) {
      const ids = (target.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== box.id);
      if (message) ids.push(box.id);
      if (ids.length) target.setAttribute('aria-describedby', ids.join(' '));
      else target.removeAttribute('aria-describedby');
    }
  }

  function showErrors(errors: FieldError[], focusSummary: boolean): void {
    for (const f of allFields(def)) showFieldError(f.name, errors.find((e) => e.field === f.name)?.message);
    const summary = document.querySelector<HTMLElement>('[data-error-summary]');
    if (summary) {
      summary.outerHTML = String(renderErrorSummary(errors));
      const fresh = document.querySelector<HTMLElement>('[data-error-summary]')!;
      document.title = errors.length ? `错误：${titleBase}` : titleBase;
      if (focusSummary && errors.length) {
        fresh.scrollIntoView();
        fresh.focus();
      }
    }
  }

  function updateConditionals(): void {
    const values = readValues(form);
    for (const el of form.querySelectorAll<HTMLElement>('[data-show-if]')) {
      el.hidden = !conditionHolds(
        { field: el.dataset.showIf!, values: (el.dataset.showValues ?? '').split(' ') },
        values,
      );
    }
  }

  function updateCount(area: HTMLTextAreaElement): void {
    const count = document.getElementById(`${area.id}-count`);
    const max = Number(count?.dataset.maxChars);
    if (!count || !max) return;
    const n = [...area.value].length;
    count.textContent =
      n <= max
        ? `最多可以写 ${max} 个字，还可以写 ${max - n} 个字。`
        : `最多可以写 ${max} 个字，已经超出 ${n - max} 个字。`;
  }

  function validateOne(name: string): void {
    const error = errorsOf(validate()).find((e) => e.field === name);
    showFieldError(name, error?.message);
  }

  const nameOf = (t: EventTarget | null) =>
    t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement ? t.name : '';

  const showing = (name: string) => document.getElementById(`f-${name}-error`)?.hidden === false;

  // A field is checked when the user leaves it having typed something, so a
  // mistake shows at once; an empty field is not scolded before “继续”. Once
  // an error shows, it is checked again as the user types, and goes as soon as
  // the value is right.
  form.addEventListener('focusout', (e) => {
    const el = e.target;
    const name = nameOf(el);
    if (!name || name.startsWith('_') || name === 'homepage') return;
    const choice = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
    const empty = !choice && (el as HTMLInputElement).value.trim() === '';
    if ((choice || empty) && !showing(name)) return;
    validateOne(name);
  });
  form.addEventListener('input', (e) => {
    if (e.target instanceof HTMLTextAreaElement) updateCount(e.target);
    const name = nameOf(e.target);
    if (name && showing(name)) validateOne(name);
  });
  form.addEventListener('change', (e) => {
    updateConditionals();
    const name = nameOf(e.target);
    if (name && showing(name)) validateOne(name);
  });
  form.querySelectorAll('textarea').forEach(updateCount);
  updateConditionals();

  function goTo(view: 'form' | 'step', focus?: HTMLElement | null): void {
    formView!.hidden = view !== 'form';
    stepView!.hidden = view !== 'step';
    window.scrollTo(0, 0);
    focus?.focus();
  }

  function showForm(fieldName?: string): void {
    document.title = titleBase;
    goTo('form');
    if (fieldName) {
      const el = document.getElementById(`f-${fieldName}`);
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    } else {
      h1?.focus();
    }
  }

  function showCheck(values: FormValues): void {
    stepView!.innerHTML = String(renderCheckStep(def, values, { base, key, correct: correction?.receipt }));
    document.title = `核对填写的内容 - ${titleBase}`;
    goTo('step', stepView!.querySelector<HTMLElement>('[data-focus]'));
    const check = stepView!.querySelector<HTMLFormElement>('form')!;
    check.addEventListener('click', (e) => {
      const edit = (e.target as Element).closest<HTMLButtonElement>('[data-edit]');
      if (!edit) return;
      e.preventDefault();
      showForm(edit.dataset.edit);
    });
    check.addEventListener('submit', (e) => {
      e.preventDefault();
      void send(values, check);
    });
  }

  function sendError(title: string, message: string, retry?: () => void): void {
    const box = stepView!.querySelector<HTMLElement>('[data-send-error]');
    if (!box) return;
    box.innerHTML = String(
      html`<div class="error-summary" tabindex="-1" aria-labelledby="send-error-title"><h2 id="send-error-title">${title}</h2><p>${message}</p>${!!retry && html`<div class="button-group"><button type="button" class="button" data-retry>再试一次</button></div>`}</div>`,
    );
    box.querySelector('[data-retry]')?.addEventListener('click', retry!);
    document.title = `错误：${title} - ${titleBase}`;
    const summary = box.firstElementChild as HTMLElement;
    summary.scrollIntoView();
    summary.focus();
  }

  async function send(values: FormValues, check: HTMLFormElement): Promise<void> {
    const button = check.querySelector<HTMLButtonElement>('[data-confirm]');
    if (button?.disabled) return;
    if (button) {
      button.disabled = true;
      button.textContent = '正在提交，请稍候…';
    }
    if (live) live.textContent = '正在提交，请稍候。';
    const honeypot = (form.querySelector<HTMLInputElement>('[name="homepage"]')?.value ?? '').trim();
    const body = {
      ...values,
      _key: key,
      ...(honeypot ? { homepage: honeypot } : {}),
      ...(correction ? { _correct: correction.receipt, _token: correction.token } : {}),
    };
    const restore = () => {
      if (button) {
        button.disabled = false;
        button.textContent = correction ? '确认更正' : '确认提交';
      }
      if (live) live.textContent = '';
    };
    let res: Response;
    try {
      res = await fetch(withBase(def.action, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
    } catch {
      restore();
      sendError(
        '没有提交成功',
        '网络好像断了，或者系统没有及时回应。您填写的内容都还在，请检查网络后点“再试一次”。',
        () => void send(values, check),
      );
      return;
    }
    restore();
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status === 200 || res.status === 201) {
      showConfirmation(
        String(data.receipt),
        String(data.withdrawToken ?? correction?.token ?? ''),
        new Date(String(data.withdrawUntil)),
        !!data.corrected,
      );
    } else if (res.status === 400 && Array.isArray(data.errors)) {
      showForm();
      showErrors(data.errors as FieldError[], true);
    } else if (res.status === 409 || res.status === 404 || res.status === 410) {
      sendError('无法提交', String(data.message ?? MESSAGES.callUs));
    } else {
      const wait = res.status === 429 ? '提交得太频繁了，请等一分钟。' : '系统暂时无法保存。';
      sendError('没有提交成功', `${wait}${MESSAGES.unavailableRetry}`, () => void send(values, check));
    }
  }

  function showConfirmation(receipt: string, token: string, until: Date, corrected: boolean): void {
    const open = until.getTime() > Date.now();
    const kind = def.type;
    const draw = (withdraw: boolean) => {
      stepView!.innerHTML = String(
        renderConfirmation({
          base,
          formType: kind,
          receipt,
          corrected,
          origin: location.origin,
          withdraw: withdraw ? { until, mode: 'script' } : undefined,
        }),
      );
    };
    draw(open);
    document.title = `申请已提交：回执号 ${receipt} - ${titleBase}`;
    goTo('step', stepView!.querySelector<HTMLElement>('[data-confirmation-title]'));
    if (open) setTimeout(() => stepView!.querySelector('.withdraw')?.remove(), until.getTime() - Date.now());
    const print = stepView!.querySelector<HTMLButtonElement>('[data-print]');
    if (print) {
      print.hidden = false;
      print.addEventListener('click', () => window.print());
    }
    stepView!.querySelector('[data-correct]')?.addEventListener('click', () => {
      correction = { receipt, token };
      key = newKey();
      if (h1) h1.textContent = requestType(kind).labels.correct;
      showForm();
    });
    stepView!
      .querySelector('[data-withdraw]')
      ?.addEventListener('click', (e) => askWithdraw(receipt, token, e.currentTarget as HTMLElement));
  }

  /** No pop-up (适老化): the question appears in the page, under the button. */
  function askWithdraw(receipt: string, token: string, button: HTMLElement): void {
    const section = button.closest('.withdraw')!;
    if (section.querySelector('[data-withdraw-confirm]')) return;
    const box = document.createElement('div');
    box.className = 'notice notice--warning';
    box.setAttribute('data-withdraw-confirm', '');
    box.tabIndex = -1;
    box.innerHTML = String(
      html`<p class="notice__title">确定要撤回这份申请吗？</p><p>撤回后，工作人员不会再办理这份申请，您填写的个人信息会被删除。</p><div class="button-group"><button type="button" class="button" data-yes>确定撤回</button><button type="button" class="button button--secondary" data-no>不撤回</button></div><p data-withdraw-error></p>`,
    );
    section.appendChild(box);
    box.focus();
    box.querySelector('[data-no]')!.addEventListener('click', () => {
      box.remove();
      button.focus();
    });
    box.querySelector('[data-yes]')!.addEventListener('click', async () => {
      const err = box.querySelector('[data-withdraw-error]')!;
      try {
        const res = await fetch(withBase('/api/withdraw', base), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ receipt, token }),
          signal: AbortSignal.timeout(20_000),
        });
        const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
        if (res.ok) {
          stepView!.innerHTML = String(renderWithdrawn(def.type, receipt, base));
          form.reset();
          document.title = `申请已撤回 - ${titleBase}`;
          stepView!.querySelector<HTMLElement>('[data-focus]')!.focus();
        } else {
          err.textContent = String(data.message ?? MESSAGES.withdrawFailed);
        }
      } catch {
        err.textContent = MESSAGES.withdrawOffline;
      }
    });
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = validate();
    if (!r.ok) {
      showErrors(r.errors, true);
      return;
    }
    showErrors([], false);
    showCheck(toFormValues(def, r.data as Record<string, unknown>));
  });

  if (h1 && !h1.hasAttribute('tabindex')) h1.tabIndex = -1;
}

/**
 * Error summary links move focus to the field itself (not just scroll), and
 * bring its label or question into view with it, as in the GOV.UK pattern.
 */
document.addEventListener('click', (e) => {
  const link = (e.target as Element).closest<HTMLAnchorElement>('.error-summary a[href^="#f-"]');
  if (!link) return;
  const input = document.getElementById(link.hash.slice(1));
  if (!input) return;
  e.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = legend ?? document.querySelector(`label[for="${input.id}"]`) ?? input;
  label.scrollIntoView();
  input.focus({ preventScroll: true });
});

const form = document.querySelector<HTMLFormElement>('form[data-apply-form]');
if (form && 'fetch' in window && 'AbortSignal' in window && typeof AbortSignal.timeout === 'function') enhance(form);
