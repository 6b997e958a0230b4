/**
 * The application form with JavaScript, once the reader turns to it
 * (enhance.ts loads this module then): the same schema and the same HTML as
 * the server, run in the page.
 *  - Validates a field when the user leaves it (and again as they fix it)
 *    and counts what is left in a textarea (FormFields).
 *  - On “继续”: all errors in a summary that takes focus, or the
 *    check-your-answers step; “修改” returns to the field.
 *  - Loads the page's own kind's schema (kind-form.ts) with this module, and
 *    the steps after the form (steps.ts: the check step, sending, the
 *    confirmation) right after. Should the steps fail to arrive, “继续” posts
 *    the form as it would without JavaScript, and the function answers.
 *  - On “确认提交”: posts JSON with an idempotency key made once per filled
 *    form, so a double click or a retry gives one record and one receipt.
 *  - On any failure the values stay where they are, in memory, with a retry.
 *    Nothing is written to the device's storage.
 *  - The confirmation offers print, withdraw and correct (10 minutes); the
 *    withdraw secret lives only in this page's memory.
 * Without JavaScript everything still works through the function's pages.
 *
 * ApplyForm holds what the steps share: the two views (the form, and the
 * place for a step), the idempotency key and a correction in progress. The
 * steps are their own widgets (steps.ts).
 */
import { allFields, type FieldError } from '../../lib/forms/definitions.ts';
import { fieldId, toFormValues } from '../../lib/forms/render.ts';
import type { SafeHtml } from '../../lib/html.ts';
import { errorTitle } from '../../lib/page-title.ts';
import type { RequestForm } from '../../lib/requests/forms.ts';
import { newKey } from '../../lib/requests/idempotency.ts';
import { pageTitle, ready, writeHtml, writeText } from '../../lib/i18n/page-script.ts';
import { showErrorSummary, showFieldError } from './field-errors.ts';
import { readValues } from './conditionals.ts';
import { FormFields } from './form-fields.ts';
import { loadRequestForm } from './kind-form.ts';
import type * as StepsModule from './steps.ts';

/** The steps after the form, fetched once (the first call starts it, later calls share it). */
let stepsModule: Promise<typeof StepsModule> | undefined;
const loadSteps = () => (stepsModule ??= import('./steps.ts'));

export interface Correction {
  receipt: string;
  /** The withdraw secret of the receipt being corrected: it authorises the correction. */
  token: string;
}

export class ApplyForm {
  readonly form: HTMLFormElement;
  readonly spec: RequestForm;
  readonly formView: HTMLElement;
  readonly stepView: HTMLElement;
  /** A polite live region: “正在提交” is heard while the button says it. */
  readonly live: HTMLElement | null;
  readonly heading: HTMLElement | null;
  /** The site's base path, for the links the steps draw. */
  readonly base: string;
  /** The form page's own title: each step's title goes before it, as the address stays the form's. */
  readonly titleBase = document.title;
  /** One per filled form (idempotency.ts). */
  key = newKey();
  correction: Correction | undefined;
  readonly fields: FormFields;

  /** The form page's parts, with its kind's form `spec`, or undefined on a page that lacks one. */
  static find(form: HTMLFormElement, spec: RequestForm | undefined): ApplyForm | undefined {
    const formView = form.closest<HTMLElement>('[data-form-view]');
    const stepView = document.querySelector<HTMLElement>('[data-step-view]');
    return spec && formView && stepView ? new ApplyForm(form, spec, formView, stepView) : undefined;
  }

  constructor(form: HTMLFormElement, spec: RequestForm, formView: HTMLElement, stepView: HTMLElement) {
    this.form = form;
    this.spec = spec;
    this.formView = formView;
    this.stepView = stepView;
    this.live = document.querySelector<HTMLElement>('[data-live]');
    this.heading = formView.querySelector<HTMLElement>('[data-step-title]');
    this.base = form.dataset.base ?? '/';
    this.fields = new FormFields(this);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.continue();
    });
    // The reader has started: filling in takes longer than fetching the steps.
    void loadSteps().catch(() => {});
    // Focus returns to the heading when the form is shown again.
    if (this.heading && !this.heading.hasAttribute('tabindex')) this.heading.tabIndex = -1;
  }

  /** “继续”: every error at once, or the check-your-answers step. */
  async continue(): Promise<void> {
    const r = this.spec.parse(readValues(this.form));
    if (!r.ok) {
      this.showErrors(r.errors, true);
      return;
    }
    this.showErrors([], false);
    let steps: typeof StepsModule;
    try {
      steps = await loadSteps();
    } catch {
      // The steps could not be fetched (connection lost): the page works as without JavaScript.
      stepsModule = undefined;
      this.form.submit();
      return;
    }
    new steps.CheckStep(this, toFormValues(this.spec.def, r.data));
  }

  /** Errors by their fields and in the summary; the title says so first (page-title.ts). */
  showErrors(errors: FieldError[], focusSummary: boolean): void {
    for (const f of allFields(this.spec.def)) showFieldError(f.name, errors.find((e) => e.field === f.name)?.message);
    const summary = showErrorSummary(document, errors);
    if (!summary) return;
    document.title = errors.length ? pageTitle(errorTitle, this.titleBase) : this.titleBase;
    if (focusSummary && errors.length) {
      summary.scrollIntoView();
      summary.focus();
    }
  }

  /** Back to the form, at a field (“修改”) or at its heading. */
  showForm(fieldName?: string): void {
    document.title = this.titleBase;
    this.show('form');
    if (fieldName) {
      const field = document.getElementById(fieldId(fieldName));
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    } else {
      this.heading?.focus();
    }
  }

  /** Draws a step in its place; `enterStep` then shows it. */
  drawStep(content: SafeHtml): void {
    writeHtml(this.stepView, content);
  }

  /** Shows the step drawn last, with its title, and moves focus to it (to `focus` in it). */
  enterStep(title: string, focus: string): void {
    this.title((own) => `${title} - ${own}`);
    this.show('step');
    this.stepView.querySelector<HTMLElement>(focus)?.focus();
  }

  /** The page's title made around its own: “核对填写的内容 - 填写法律援助申请 - …”. */
  title(make: (own: string) => string): void {
    document.title = pageTitle(make, this.titleBase);
  }

  private show(view: 'form' | 'step'): void {
    this.formView.hidden = view !== 'form';
    this.stepView.hidden = view !== 'step';
    window.scrollTo(0, 0);
  }

  /** “更正内容”: the same form again under `heading` (更正法律援助申请), filled as it was, sent with the receipt and its secret and a new key. */
  startCorrection(correction: Correction, heading: string): void {
    this.correction = correction;
    this.key = newKey();
    if (this.heading) writeText(this.heading, heading);
    this.showForm();
  }

  announce(text: string): void {
    if (this.live) writeText(this.live, text);
  }
}

/**
 * Error summary links move focus to the field itself (a plain #link only
 * scrolls) and bring its label or question into view with it, as
 * govuk-frontend's ErrorSummary does. It listens on the whole page, as the
 * summary is redrawn on every check.
 */
class ErrorSummaryLinks {
  constructor(root: Document) {
    root.addEventListener('click', (e) => this.follow(e));
  }

  private follow(e: MouseEvent): void {
    const link = (e.target as Element).closest<HTMLAnchorElement>(`.error-summary a[href^="#${fieldId('')}"]`);
    const input = link && document.getElementById(link.hash.slice(1));
    if (!input) return;
    e.preventDefault();
    const legend = input.closest('fieldset')?.querySelector('legend');
    const label = legend ?? document.querySelector(`label[for="${input.id}"]`) ?? input;
    label.scrollIntoView();
    input.focus({ preventScroll: true });
  }
}

/**
 * The form with its schema and widgets, for enhance.ts once the reader turns
 * to the form; undefined when the page lacks a part or the kind's form. The
 * fields in `left` were left before now: they are checked at once.
 */
export async function startForm(form: HTMLFormElement, left: Iterable<string>): Promise<ApplyForm | undefined> {
  // The kind's schema, and on the 繁體 site the converter's dictionary (page-script.ts), side by side.
  const [spec] = await Promise.all([loadRequestForm(form.dataset.applyForm), ready(form.dataset.base ?? '/')]);
  new ErrorSummaryLinks(document);
  const page = ApplyForm.find(form, spec);
  page?.fields.catchUp(left);
  return page;
}
