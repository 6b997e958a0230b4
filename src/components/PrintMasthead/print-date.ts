/**
 * The print masthead's date: when the page is printed (a static page was
 * built long before). Filled when the page opens and again just before
 * printing; without JavaScript the line stays empty and is not printed.
 * It is the reader's own clock and calendar, not a time the bureau states,
 * so it does not go through src/lib/time.ts (whose Beijing time the site uses
 * for every date it publishes); importing it here would also split it into a
 * second script request on every content page (measured: one request more).
 *
 * Written out by hand, not with toLocaleString: the first Intl date format in
 * a page loads the locale's calendar data, and on every page, as the page
 * opened, that was a task of about 300 ms blocking the page on a phone-speed
 * CPU (Chromium at 4× slowdown, the one long task of a case list).
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** “2026年12月7日 09:40”, or “7 December 2026 at 09:40” on English pages. */
export function printDateText(when: Date, english: boolean): string {
  const time = `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  return english
    ? `${when.getDate()} ${MONTHS[when.getMonth()]} ${when.getFullYear()} at ${time}`
    : `${when.getFullYear()}年${when.getMonth() + 1}月${when.getDate()}日 ${time}`;
}

export function fillPrintDate(): void {
  // The masthead carries its label in the page's language (src/lib/masthead.ts); the date follows <html lang>.
  const when = printDateText(new Date(), document.documentElement.lang === 'en');
  for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]'))
    el.textContent = `${el.dataset.printDate || '打印时间：'}${when}`;
}
