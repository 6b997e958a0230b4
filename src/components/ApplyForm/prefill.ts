/**
 * Choices given in the address (/apply/legal-aid/form/?town=sijiu&matterType=labour):
 * a 法律咨询 answer's “申请法律援助 / 申请人民调解” link (src/lib/consult/answer.ts)
 * opens the form with the asker's town and the fitting category chosen. Only
 * select and radio questions, and only values among their options: nothing
 * typed can be put into a form through a link. Without JavaScript the form
 * opens empty, as before.
 */
import { allFields, type FormDef } from '../../lib/forms/definitions.ts';
import { fieldId } from '../../lib/forms/render.ts';

export function prefillChoices(form: HTMLFormElement, def: FormDef, params: URLSearchParams): void {
  let chosen = false;
  for (const f of allFields(def)) {
    const value = params.get(f.name);
    if (!value || !(f.options ?? []).some((o) => o.value === value)) continue;
    chosen = true;
    if (f.kind === 'select') {
      const select = form.querySelector<HTMLSelectElement>(`#${fieldId(f.name)}`);
      if (select) select.value = value;
    } else if (f.kind === 'radios') {
      for (const input of form.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${f.name}"]`))
        input.checked = input.value === value;
    }
  }
  // As if chosen by hand: the questions that depend on these choices follow (Conditionals).
  if (chosen) form.dispatchEvent(new Event('change', { bubbles: true }));
}
