/**
 * /apply/status/ with JavaScript: checks the two fields with the same rules as
 * the function, asks /api/status for JSON and shows the answer in the page.
 * On failure the typed values stay in the fields.
 */
import { renderErrorSummary } from '../../lib/forms/render.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { withBase } from '../../lib/paths.ts';
import { MESSAGES } from '../../lib/requests/messages.ts';
import { checkStatusQuery } from '../../lib/requests/status-query.ts';
import { renderStatus, type StatusView } from '../../lib/requests/views.ts';

const view = document.querySelector<HTMLElement>('[data-status-view]');
const form = view?.querySelector<HTMLFormElement>('form[data-status-form]');
const answer = document.querySelector<HTMLElement>('[data-status-answer]');
const base = import.meta.env.BASE_URL;
const titleBase = document.title;

function fieldError(name: string, message?: string): void {
  const box = document.getElementById(`f-${name}-error`);
  const input = document.getElementById(`f-${name}`);
  if (!box || !input) return;
  box.hidden = !message;
  box.querySelector('[data-error-text]')!.textContent = message ?? '';
  box.parentElement!.classList.toggle('field--error', !!message);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== box.id);
  if (message) {
    ids.push(box.id);
    input.setAttribute('aria-invalid', 'true');
  } else input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', ids.join(' '));
}

function say(content: SafeHtml, focusSelector: string): void {
  answer!.innerHTML = String(content);
  answer!.querySelector<HTMLElement>(focusSelector)?.focus();
}

const notice = (message: string) => html`<div class="notice notice--warning" tabindex="-1"><p>${message}</p></div>`;

if (view && form && answer && typeof AbortSignal.timeout === 'function') {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = {
      receipt: (form.elements.namedItem('receipt') as HTMLInputElement).value,
      phone: (form.elements.namedItem('phone') as HTMLInputElement).value,
    };
    const { errors } = checkStatusQuery(values);
    fieldError('receipt', errors.find((x) => x.field === 'receipt')?.message);
    fieldError('phone', errors.find((x) => x.field === 'phone')?.message);
    const summary = view.querySelector<HTMLElement>('[data-error-summary]')!;
    summary.outerHTML = String(renderErrorSummary(errors));
    if (errors.length) {
      document.title = `错误：${titleBase}`;
      answer.innerHTML = '';
      view.querySelector<HTMLElement>('[data-error-summary]')!.focus();
      return;
    }
    document.title = titleBase;
    say(html`<p class="notice">正在查询，请稍候……</p>`, 'p');
    try {
      const res = await fetch(withBase('/api/status', base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(values),
        signal: AbortSignal.timeout(20_000),
      });
      const data = await res.json().catch(() => ({}));
      if (res.ok) say(renderStatus(data as StatusView), '#status-title');
      else say(notice(res.status === 404 ? MESSAGES.statusNotFound : MESSAGES.lookupUnavailable), '.notice');
    } catch {
      say(notice('网络好像断了，没有查询成功。请检查网络后再点“查询”。'), '.notice');
    }
  });
}
