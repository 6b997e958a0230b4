/**
 * The desk's page plumbing: finding elements, the live region, error
 * summaries. Every piece of markup goes through html`` (src/lib/html.ts).
 */
import { html } from '../../lib/html.ts';

export const $ = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
};

/** Says something to screen-reader users (and only to them: the page shows it elsewhere). */
export function announce(text: string): void {
  const live = $('[data-desk-live]');
  live.textContent = '';
  // A fresh text node so screen readers announce the same message twice in a row too.
  setTimeout(() => (live.textContent = text), 50);
}

/** An error summary with one item per message (links when a field is named), which takes focus. */
export function showError(box: HTMLElement, messages: (string | { text: string; field: string })[]): void {
  const item = (m: string | { text: string; field: string }) =>
    typeof m === 'string' ? html`<li>${m}</li>` : html`<li><a href="#${m.field}">${m.text}</a></li>`;
  box.innerHTML = String(html`<h2 class="error-summary__title">有问题需要处理</h2><ul>${messages.map(item)}</ul>`);
  box.hidden = false;
  box.focus();
}

export function hideError(box: HTMLElement): void {
  box.hidden = true;
  box.innerHTML = '';
}

/** The message of a failed call, in words staff can act on. */
export function messageOf(err: unknown, fallback: string): string {
  return err instanceof Error && err.message ? err.message : fallback;
}

/** Shows a panel (an in-page confirmation: no pop-ups) and moves focus to it. */
export function reveal(panel: HTMLElement): void {
  panel.hidden = false;
  panel.focus();
}
