/**
 * Errors shown in the page the way the functions render them without
 * JavaScript (src/lib/forms/render.ts): the message above the control, the
 * field marked, the control described by its message, a summary at the top
 * that links to each field. A reader meets the same page whichever way the
 * form was checked. Shared by the application form and the status lookup.
 */
import type { FieldError } from '../../lib/forms/definitions.ts';
import { fieldId, renderErrorSummary } from '../../lib/forms/render.ts';
import { writeHtml, writeText } from '../../lib/i18n/page-script.ts';

export function isErrorShown(name: string): boolean {
  return document.getElementById(fieldId(name, 'error'))?.hidden === false;
}

/** Shows a field's error message, or clears it when `message` is undefined. */
export function showFieldError(name: string, message: string | undefined): void {
  const box = document.getElementById(fieldId(name, 'error'));
  const wrap = box?.closest('[data-field]');
  if (!box || !wrap) return;
  wrap.classList.toggle('field--error', !!message);
  box.hidden = !message;
  writeText(box.querySelector('[data-error-text]')!, message ?? '');
  const control = document.getElementById(fieldId(name));
  const group = control?.closest('fieldset');
  // A group of choices is described as a whole; aria-invalid belongs to single controls.
  if (control && !group) {
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  const described = group ?? control;
  if (described) describeBy(described, box.id, !!message);
}

/** Adds or removes one id in aria-describedby, keeping the hint's and the counter's. */
function describeBy(el: Element, id: string, on: boolean): void {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

/** Redraws the error summary inside `scope` with the renderer's; returns it (hidden when there are no errors). */
export function showErrorSummary(scope: ParentNode, errors: FieldError[]): HTMLElement | null {
  const old = scope.querySelector('[data-error-summary]');
  if (!old) return null;
  writeHtml(old, renderErrorSummary(errors), 'outer');
  return scope.querySelector<HTMLElement>('[data-error-summary]');
}
