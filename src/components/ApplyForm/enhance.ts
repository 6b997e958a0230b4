/**
 * The form page's script: what a reader needs as the page opens, and the rest
 * once they turn to the form.
 *  - At once: the conditional questions follow the answers (conditionals.ts)
 *    and choices given in the address are made (prefill.ts). Both read the
 *    HTML, so they need no schema.
 *  - When the reader first touches, focuses or changes anything in the form,
 *    or sends it: the kind's schema and the widgets that check and send
 *    (apply-form.ts, about 27 KB gzipped), and on the 繁體 site the
 *    dictionary its words are converted with. A reader who only reads what the
 *    form asks, as many do before they gather their papers, never downloads
 *    it: the page's first visit is the page and about 4 KB of script.
 *  - Fields left before that arrives are checked when it does; “继续” pressed
 *    before then waits for it; should it not arrive at all, the form is sent
 *    as without JavaScript and the function answers with whole pages.
 * Browsers without fetch and AbortSignal.timeout get the page without
 * JavaScript: the questions fold by CSS alone (src/lib/forms/conditional-css.ts;
 * all show where :has() is missing), and the server drops those that do not
 * apply. The script loads after the page's first paint
 * (src/lib/deferred-scripts.ts).
 */
import { Conditionals } from './conditionals.ts';
import { canPostJson } from './post-json.ts';
import { prefillChoices } from './prefill.ts';

/** What the reader does that starts the rest loading: any of these in the form. */
const TURNS_TO_FORM = ['focusin', 'pointerdown', 'change', 'input'] as const;

const form = document.querySelector<HTMLFormElement>('form[data-apply-form]');
if (form && canPostJson()) {
  new Conditionals(form);
  prefillChoices(form, new URLSearchParams(location.search));
  const left = new Set<string>();
  const track = (e: FocusEvent) => {
    const name = (e.target as HTMLInputElement | null)?.name;
    if (name) left.add(name);
  };
  form.addEventListener('focusout', track);
  let page: ReturnType<typeof start> | undefined;
  const start = () =>
    import('./apply-form.ts')
      .then((m) => m.startForm(form, left))
      .catch(() => undefined)
      .finally(() => {
        form.removeEventListener('submit', early);
        form.removeEventListener('focusout', track);
        for (const type of TURNS_TO_FORM) form.removeEventListener(type, turn);
      });
  const turn = () => void (page ??= start());
  for (const type of TURNS_TO_FORM) form.addEventListener(type, turn, { passive: true });
  // “继续” pressed before the rest has arrived waits for it, rather than leaving the page;
  // without it (it could not be fetched) the form is sent as without JavaScript.
  const early = (e: SubmitEvent) => {
    e.preventDefault();
    void (page ??= start()).then((p) => (p ? p.continue() : form.submit()));
  };
  form.addEventListener('submit', early);
}
