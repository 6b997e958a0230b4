/**
 * The print masthead: what a printed page needs to stand alone on paper —
 * who published it, the page's title, its address and when it was printed.
 * Print only (src/components/PrintMasthead/print-masthead.css); the page's QR
 * code is the footer's, which print.css moves up beside it. Written here for
 * the static pages (PrintMasthead.astro) and the pages functions render
 * (src/lib/shell.ts) alike. The date is filled by the page's script when it
 * opens and before printing (print-date.ts): a static page is built long
 * before anyone prints it.
 */
import { html, type SafeHtml } from './html.ts';
import { uiStrings, type UiLang } from './i18n/strings.ts';

/** In the page's language (繁體 pages: converted with the rest of the page). The date's label travels with it. */
export function mastheadHtml(title: string, url: string, lang: UiLang = 'zh-Hans'): SafeHtml {
  const ui = uiStrings(lang);
  return html`<div class="print-masthead" data-pagefind-ignore="all"><p class="print-masthead__site">${ui.printSite}</p>${title !== ui.printSite && html`<p class="print-masthead__title">${title}</p>`}<p class="print-masthead__url">${ui.printAddress}${url}</p><p class="print-masthead__date" data-print-date="${ui.printedAt}"></p></div>`;
}
