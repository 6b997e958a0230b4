/**
 * The steps after the form, in the page: check your answers and send, the
 * confirmation, the withdraw question. The check step and the confirmation are
 * drawn by the render functions the function's own pages use
 * (src/lib/requests/views.ts); what went wrong is said in the words of
 * src/lib/requests/messages.ts.
 */
import type { FieldError, FormValues } from '../../lib/forms/definitions.ts';
import { HONEYPOT } from '../../lib/forms/render.ts';
import { html } from '../../lib/html.ts';
import { pageText, writeHtml, writeText } from '../../lib/i18n/page-script.ts';
import { errorTitle } from '../../lib/page-title.ts';
import { withBase } from '../../lib/paths.ts';
import { MESSAGES, PROBLEM_TITLES } from '../../lib/requests/messages.ts';
import { requestType } from '../../lib/requests/registry.ts';
import {
  renderCheckStep,
  renderConfirmation,
  renderSendProblem,
  renderWithdrawn,
  STEP_TITLES,
  WITHDRAW_API,
} from '../../lib/requests/views.ts';
import type { ApplyForm } from './apply-form.ts';
import { postJson, type JsonAnswer } from './post-json.ts';

/** Check your answers: “修改” returns to the field, the confirm button sends. */
export class CheckStep {
  readonly page: ApplyForm;
  readonly values: FormValues;
  readonly button: HTMLButtonElement | null;
  /** The button's own words (确认提交 or 确认更正), back after “正在提交”. */
  readonly label: string;

  constructor(page: ApplyForm, values: FormValues) {
    this.page = page;
    this.values = values;
    const { def } = page.spec;
    page.drawStep(renderCheckStep(def, values, { base: page.base, key: page.key, correct: page.correction?.receipt }));
    page.enterStep('核对填写的内容', '[data-focus]');
    const form = page.stepView.querySelector<HTMLFormElement>('form')!;
    this.button = form.querySelector<HTMLButtonElement>('[data-confirm]');
    this.label = this.button?.textContent ?? '';
    form.addEventListener('click', (e) => {
      const edit = (e.target as Element).closest<HTMLButtonElement>('[data-edit]');
      if (!edit) return;
      e.preventDefault();
      page.showForm(edit.dataset.edit);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send();
    });
  }

  /** Sends once at a time; the values and the key stay as they are for a retry. */
  private async send(): Promise<void> {
    if (this.button?.disabled) return;
    this.busy(true);
    let answer: JsonAnswer;
    try {
      answer = await postJson(withBase(this.page.spec.def.action, this.page.base), this.body());
    } catch {
      this.busy(false);
      this.problem(PROBLEM_TITLES.notSent, MESSAGES.sendOffline, true);
      return;
    }
    this.busy(false);
    this.answered(answer);
  }

  private body(): Record<string, unknown> {
    const { page } = this;
    const honeypot = (page.form.querySelector<HTMLInputElement>(`[name="${HONEYPOT}"]`)?.value ?? '').trim();
    return {
      ...this.values,
      _key: page.key,
      // The page's language (a hidden field on the 繁體 copy): the function answers in it.
      _lang: page.form.querySelector<HTMLInputElement>('[name="_lang"]')?.value,
      ...(honeypot ? { [HONEYPOT]: honeypot } : {}),
      ...(page.correction ? { _correct: page.correction.receipt, _token: page.correction.token } : {}),
    };
  }

  private busy(on: boolean): void {
    if (this.button) {
      this.button.disabled = on;
      // Its own label is read back from the page, already in the page's script.
      this.button.textContent = on ? pageText('正在提交，请稍候…') : this.label;
    }
    this.page.announce(on ? '正在提交，请稍候。' : '');
  }

  /** What the function said (functions/apply.mts, JSON answers). */
  private answered({ status, data }: JsonAnswer): void {
    const { page } = this;
    if (status === 200 || status === 201) {
      new Confirmation(page, {
        receipt: String(data.receipt),
        token: String(data.withdrawToken ?? page.correction?.token ?? ''),
        until: new Date(String(data.withdrawUntil)),
        corrected: !!data.corrected,
      });
    } else if ((status === 400 || status === 409) && Array.isArray(data.errors)) {
      // 409 with field errors: a service-day slot that filled up meanwhile (the form again, the slot marked).
      page.showForm();
      page.showErrors(data.errors as FieldError[], true);
    } else if (status === 409 || status === 404 || status === 410) {
      this.problem(PROBLEM_TITLES.refused, String(data.message ?? MESSAGES.callUs));
    } else {
      this.problem(PROBLEM_TITLES.notSent, status === 429 ? MESSAGES.tooFrequentRetry : MESSAGES.notSavedRetry, true);
    }
  }

  /** Why it did not go through, above the answers, focused; with “再试一次” when sending again may work. */
  private problem(title: string, message: string, retry = false): void {
    const box = this.page.stepView.querySelector<HTMLElement>('[data-send-error]');
    if (!box) return;
    writeHtml(box, renderSendProblem({ id: 'send-error-title', title, message, retry }));
    if (retry) box.querySelector('[data-retry]')?.addEventListener('click', () => void this.send());
    this.page.title((own) => errorTitle(`${title} - ${own}`));
    const summary = box.firstElementChild as HTMLElement;
    summary.scrollIntoView();
    summary.focus();
  }
}

/** A stored request, as the function's JSON answer gives it. */
export interface Submitted {
  receipt: string;
  /** The withdraw secret: only in this page's memory. */
  token: string;
  /** Until when it may be withdrawn or corrected (10 minutes after submission). */
  until: Date;
  corrected: boolean;
}

/** The receipt, print, and within the 10 minutes “撤回申请” and “更正内容”. */
export class Confirmation {
  readonly page: ApplyForm;
  readonly submitted: Submitted;

  constructor(page: ApplyForm, submitted: Submitted) {
    this.page = page;
    this.submitted = submitted;
    const { receipt, until, corrected } = submitted;
    const open = until.getTime() > Date.now();
    const withdraw = open ? { until, mode: 'script' as const } : undefined;
    page.drawStep(
      renderConfirmation({
        base: page.base,
        formType: page.spec.def.type,
        receipt,
        corrected,
        origin: location.origin,
        withdraw,
      }),
    );
    page.enterStep(STEP_TITLES.submitted(receipt), '[data-confirmation-title]');
    // The buttons go when the 10 minutes are over; the function would refuse by then.
    if (open) setTimeout(() => page.stepView.querySelector('.withdraw')?.remove(), until.getTime() - Date.now());
    this.wire();
  }

  private wire(): void {
    const { page, submitted } = this;
    const print = page.stepView.querySelector<HTMLButtonElement>('[data-print]');
    if (print) {
      print.hidden = false;
      print.addEventListener('click', () => window.print());
    }
    page.stepView
      .querySelector('[data-correct]')
      ?.addEventListener('click', () =>
        page.startCorrection(
          { receipt: submitted.receipt, token: submitted.token },
          requestType(page.spec.def.type).labels.correct,
        ),
      );
    page.stepView.querySelector<HTMLElement>('[data-withdraw]')?.addEventListener('click', (e) => {
      const button = e.currentTarget as HTMLElement;
      const section = button.closest<HTMLElement>('.withdraw')!;
      if (!section.querySelector('[data-withdraw-confirm]')) new WithdrawQuestion(page, submitted, section, button);
    });
  }
}

/**
 * No pop-up (适老化): the question appears in the page, under the button.
 * Only the script asks; without it the button is a form that withdraws at once.
 */
export class WithdrawQuestion {
  readonly page: ApplyForm;
  readonly submitted: Submitted;
  readonly box: HTMLElement;

  constructor(page: ApplyForm, submitted: Submitted, section: HTMLElement, button: HTMLElement) {
    this.page = page;
    this.submitted = submitted;
    writeHtml(
      section,
      html`<div class="notice notice--warning" data-withdraw-confirm tabindex="-1"><p class="notice__title">确定要撤回这份申请吗？</p><p>撤回后，工作人员不会再办理这份申请，您填写的个人信息会被删除。</p><div class="button-group"><button type="button" class="button" data-yes>确定撤回</button><button type="button" class="button button--secondary" data-no>不撤回</button></div><p data-withdraw-error></p></div>`,
      'beforeend',
    );
    this.box = section.lastElementChild as HTMLElement;
    this.box.focus();
    this.box.querySelector('[data-no]')!.addEventListener('click', () => {
      this.box.remove();
      button.focus();
    });
    this.box.querySelector('[data-yes]')!.addEventListener('click', () => void this.withdraw());
  }

  private async withdraw(): Promise<void> {
    const { receipt, token } = this.submitted;
    const error = this.box.querySelector('[data-withdraw-error]')!;
    try {
      const { ok, data } = await postJson(withBase(WITHDRAW_API, this.page.base), { receipt, token });
      if (ok) this.withdrawn();
      else writeText(error, String(data.message ?? MESSAGES.withdrawFailed));
    } catch {
      writeText(error, MESSAGES.withdrawOffline);
    }
  }

  /** Withdrawn: the form is emptied too, so nothing of it stays on the screen. */
  private withdrawn(): void {
    const { page } = this;
    page.drawStep(renderWithdrawn(page.spec.def.type, this.submitted.receipt, page.base));
    page.form.reset();
    page.title((own) => `${STEP_TITLES.withdrawn} - ${own}`);
    page.stepView.querySelector<HTMLElement>('[data-focus]')!.focus();
  }
}
