/**
 * The print masthead's date: when the page is printed (a static page was
 * built long before). Filled when the page opens and again just before
 * printing; without JavaScript the line stays empty and is not printed.
 */
import { beijingReadable } from '../../lib/time.ts';

export function fillPrintDate(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]')) {
    el.textContent = `打印时间：${beijingReadable(Date.now())}（北京时间）`;
  }
}
