/**
 * The questions of an application form, as the reader answers them.
 *  - A field is checked when the reader leaves it having typed something, so
 *    a mistake shows at once; an empty field is not scolded before “继续”.
 *    Once an error shows, the field is checked again as the reader types or
 *    changes it, and the error goes as soon as the value is right.
 *  - Conditional questions: conditionals.ts, which runs before this module
 *    has arrived.
 *  - A textarea's counter says how many characters are left, counted as the
 *    schema counts them.
 * Checks run the kind's one schema (src/lib/requests/<kind>/form.ts), the one
 * the function runs.
 */
import { charCount } from '../../lib/forms/normalize.ts';
import { charCountNote, fieldId, HONEYPOT } from '../../lib/forms/render.ts';
import { writeText } from '../../lib/i18n/page-script.ts';
import type { ApplyForm } from './apply-form.ts';
import { readValues } from './conditionals.ts';
import { isErrorShown, showFieldError } from './field-errors.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(target: EventTarget | null): target is Control {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
  );
}

export class FormFields {
  readonly page: ApplyForm;

  constructor(page: ApplyForm) {
    this.page = page;
    const { form } = page;
    form.addEventListener('focusout', (e) => this.left(e.target));
    form.addEventListener('input', (e) => this.typed(e.target));
    form.addEventListener('change', (e) => this.recheck(e.target));
    form.querySelectorAll('textarea').forEach((area) => this.count(area));
  }

  /** Checks the fields named, as if just left: those the reader left before the schema arrived. */
  catchUp(names: Iterable<string>): void {
    for (const name of names) {
      const control = this.page.form.elements.namedItem(name);
      this.left(control instanceof RadioNodeList ? (control[0] ?? null) : control);
    }
  }

  private left(target: EventTarget | null): void {
    if (!isControl(target) || !target.name || target.name.startsWith('_') || target.name === HONEYPOT) return;
    const choice = target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');
    const empty = !choice && target.value.trim() === '';
    if ((choice || empty) && !isErrorShown(target.name)) return;
    this.check(target.name);
  }

  private typed(target: EventTarget | null): void {
    if (target instanceof HTMLTextAreaElement) this.count(target);
    this.recheck(target);
  }

  /** A field whose error shows is checked at every change, so the error goes as soon as it is fixed. */
  private recheck(target: EventTarget | null): void {
    if (isControl(target) && target.name && isErrorShown(target.name)) this.check(target.name);
  }

  private check(name: string): void {
    const r = this.page.spec.parse(readValues(this.page.form));
    showFieldError(name, r.ok ? undefined : r.errors.find((e) => e.field === name)?.message);
  }

  private count(area: HTMLTextAreaElement): void {
    const counter = document.getElementById(fieldId(area.name, 'count'));
    const max = Number(counter?.dataset.maxChars);
    if (counter && max) writeText(counter, charCountNote(max, charCount(area.value)));
  }
}
