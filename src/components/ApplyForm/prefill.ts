/**
 * Choices given in the address (/apply/legal-aid/form/?town=sijiu&matterType=labour):
 * a 法律咨询 answer's “申请法律援助 / 申请人民调解” link (src/lib/consult/answer.ts)
 * opens the form with the asker's town and the fitting category chosen. Only
 * select and radio questions, and only values among the options the page
 * offers: nothing typed can be put into a form through a link. Read from the
 * form itself, so it runs as the page opens, before the kind's schema has
 * arrived. Without JavaScript the form opens empty, as before.
 */
export function prefillChoices(form: HTMLFormElement, params: URLSearchParams): void {
  let chosen = false;
  for (const name of new Set(params.keys())) {
    const value = params.get(name);
    if (!value || name.startsWith('_')) continue;
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLSelectElement) {
      if (![...field.options].some((o) => o.value === value)) continue;
      field.value = value;
      chosen = true;
    } else {
      const radios = (field instanceof RadioNodeList ? [...field] : [field]).filter(
        (r): r is HTMLInputElement => r instanceof HTMLInputElement && r.type === 'radio',
      );
      if (!radios.some((r) => r.value === value)) continue;
      for (const r of radios) r.checked = r.value === value;
      chosen = true;
    }
  }
  // As if chosen by hand: the questions that depend on these choices follow (Conditionals).
  if (chosen) form.dispatchEvent(new Event('change', { bubbles: true }));
}
