/**
 * The conditional questions of a form, shown only when they apply: read from
 * the HTML (data-show-if, data-show-values), so they follow the answers as
 * soon as the page script runs, before the kind's schema has arrived. Before
 * it runs, and without JavaScript, CSS in the page's head folds them the same
 * way (src/lib/forms/conditional-css.ts), so no question appears and then
 * folds away under the reader's eyes; a browser without `:has()` shows them
 * all, and the server drops those that do not apply.
 */
import { collectValues, conditionHolds, type FormValues } from '../../lib/forms/definitions.ts';

/** The form's values as the function reads them; fields starting with _ are the form's own (step, key). */
export function readValues(form: HTMLFormElement): FormValues {
  return collectValues(new FormData(form), (name) => !name.startsWith('_'));
}

export class Conditionals {
  readonly form: HTMLFormElement;

  constructor(form: HTMLFormElement) {
    this.form = form;
    form.addEventListener('change', () => this.update());
    this.update();
  }

  update(): void {
    const values = readValues(this.form);
    for (const el of this.form.querySelectorAll<HTMLElement>('[data-show-if]')) {
      el.hidden = !conditionHolds(
        { field: el.dataset.showIf!, values: (el.dataset.showValues ?? '').split(' ') },
        values,
      );
    }
  }
}
