/**
 * The print masthead's date: when the page is printed (a static page was
 * built long before). Filled when the page opens and again just before
 * printing; without JavaScript the line stays empty and is not printed.
 * It is the reader's own clock and calendar, not a time the bureau states,
 * so it does not go through src/lib/time.ts (whose Beijing time the site uses
 * for every date it publishes); importing it here would also split it into a
 * second script request on every content page (measured: one request more).
 */
export function fillPrintDate(): void {
  // The masthead carries its label in the page's language (src/lib/masthead.ts); the date follows <html lang>.
  const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'zh-CN';
  const when = new Date().toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
  for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]'))
    el.textContent = `${el.dataset.printDate || '打印时间：'}${when}`;
}
