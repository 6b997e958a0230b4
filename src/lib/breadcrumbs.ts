/**
 * “您现在的位置” trail, written once for the static pages (Breadcrumbs.astro)
 * and the pages functions render (src/lib/shell.ts). Items are given below
 * the home page; the last one is the current page and is not a link.
 */
import { html, type SafeHtml } from './html.ts';
import { withBase } from './paths.ts';

export interface Crumb {
  label: string;
  /** Site path without base; omit for the current page. */
  path?: string;
}

export function breadcrumbsHtml(items: readonly Crumb[], base: string): SafeHtml {
  const all: Crumb[] = [{ label: '首页', path: '/' }, ...items];
  return html`<nav class="breadcrumbs" aria-label="您现在的位置"><ol>${all.map(
    (c, i) =>
      html`<li>${i < all.length - 1 && c.path ? html`<a href="${withBase(c.path, base)}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}</li>`,
  )}</ol></nav>`;
}
