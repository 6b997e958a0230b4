/**
 * /apply/status/ with JavaScript: checks the two fields with the same rules as
 * the function (status-query.ts), asks the form's own action (/api/status) for
 * JSON and shows the answer in the page, drawn as the function's page draws
 * it. On failure the typed values stay in the fields. Without this script the
 * form posts and the function answers a whole page.
 */
import { collectValues, type FormValues } from '../../lib/forms/definitions.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { pageTitle, ready, writeHtml } from '../../lib/i18n/page-script.ts';
import { errorTitle } from '../../lib/page-title.ts';
import { MESSAGES } from '../../lib/requests/messages.ts';
import { checkStatusQuery } from '../../lib/requests/status-query.ts';
import { renderStatus, renderStatusNotice, STATUS_FIELDS, type StatusView } from '../../lib/requests/views.ts';
import { showErrorSummary, showFieldError } from './field-errors.ts';
import { canPostJson, postJson } from './post-json.ts';

class StatusLookup {
  readonly view: HTMLElement;
  readonly form: HTMLFormElement;
  /** A polite live region: the answer is read out as it arrives. */
  readonly answer: HTMLElement;
  readonly titleBase = document.title;

  constructor(view: HTMLElement, form: HTMLFormElement, answer: HTMLElement) {
    this.view = view;
    this.form = form;
    this.answer = answer;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.lookUp();
    });
  }

  private async lookUp(): Promise<void> {
    const values = collectValues(new FormData(this.form));
    if (!this.check(values)) return;
    this.say(html`<p class="notice">正在查询，请稍候……</p>`, 'p');
    try {
      const { ok, status, data } = await postJson(this.form.getAttribute('action')!, values);
      if (ok) this.say(renderStatus(data as unknown as StatusView), '#status-title');
      else
        this.say(renderStatusNotice(status === 404 ? MESSAGES.statusNotFound : MESSAGES.lookupUnavailable), '.notice');
    } catch {
      this.say(renderStatusNotice(MESSAGES.lookupOffline), '.notice');
    }
  }

  /** The format only; whether the pair exists is the function's business. */
  private check(values: FormValues): boolean {
    const { errors } = checkStatusQuery(values);
    for (const f of STATUS_FIELDS) showFieldError(f.name, errors.find((e) => e.field === f.name)?.message);
    const summary = showErrorSummary(this.view, errors);
    if (errors.length) {
      document.title = pageTitle(errorTitle, this.titleBase);
      this.answer.replaceChildren();
      summary?.focus();
      return false;
    }
    document.title = this.titleBase;
    return true;
  }

  private say(content: SafeHtml, focus: string): void {
    writeHtml(this.answer, content);
    this.answer.querySelector<HTMLElement>(focus)?.focus();
  }
}

const view = document.querySelector<HTMLElement>('[data-status-view]');
const form = view?.querySelector<HTMLFormElement>('form[data-status-form]');
const answer = document.querySelector<HTMLElement>('[data-status-answer]');
// On the 繁體 site, once the converter is there (page-script.ts); at once on 简体 pages.
if (view && form && answer && canPostJson())
  void ready(form.dataset.base ?? '/').then(() => new StatusLookup(view, form, answer));
