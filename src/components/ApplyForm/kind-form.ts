/**
 * The form of the page's kind of request, loaded by the page script: each
 * kind's form.ts (its questions and its zod schema) becomes a chunk of its
 * own, so a form page downloads its own schema and not the other kinds'.
 * Found by the path and export every kind's folder uses
 * (src/lib/requests/<kind>/form.ts, `requestForm`), so a new kind needs no
 * entry here; tests/unit/requests.test.ts checks that each kind has one.
 */
import type { RequestForm } from '../../lib/requests/forms.ts';

const FORMS = import.meta.glob<RequestForm>('../../lib/requests/*/form.ts', { import: 'requestForm' });

/** The form of the kind `type` (a form's data-apply-form), or undefined for a kind the site does not have. */
export function loadRequestForm(type: string | undefined): Promise<RequestForm> | undefined {
  const load = type ? FORMS[`../../lib/requests/${type}/form.ts`] : undefined;
  return load?.();
}

/** The kinds a page script can load: for the test that every registered kind has a form.ts. */
export const LOADABLE_KINDS: readonly string[] = Object.keys(FORMS).map((path) => path.split('/').at(-2)!);
