/**
 * “您现在的位置” trail, written once for the static pages (Breadcrumbs.astro)
 * and the pages functions render (src/lib/shell.ts). Items are given below
 * the home page; the last one is the current page and is not a link.
 */
import { html, type SafeHtml } from './html.ts';
import { withBase } from './paths.ts';
import { uiStrings, type UiLang } from './i18n/strings.ts';

export interface Crumb {
  label: string;
  /** Site path without base; omit for the current page. */
  path?: string;
}

/** English pages start their trail at the English home page, /en/. */
export function breadcrumbsHtml(items: readonly Crumb[], base: string, lang: UiLang = 'zh-Hans'): SafeHtml {
  const s = uiStrings(lang);
  const all: Crumb[] = [{ label: s.home, path: lang === 'en' ? '/en/' : '/' }, ...items];
  return html`<nav class="breadcrumbs" aria-label="${s.crumbs}"><ol>${all.map(
    (c, i) =>
      html`<li>${i < all.length - 1 && c.path ? html`<a href="${withBase(c.path, base)}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}</li>`,
  )}</ol></nav>`;
}
