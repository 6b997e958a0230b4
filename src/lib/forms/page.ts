/**
 * The page shell for HTML the functions send (error pages, check your answers,
 * confirmation, status): the same header, footer, classes and stylesheet as
 * the static pages, without their scripts. /apply/page.css is the site's own
 * stylesheet under a stable name (src/pages/apply/page.css.ts), because the
 * functions cannot know the hashed file name of a build they were not part of.
 */
import { BUREAU, NAV, SITE } from '../site.ts';
import { withBase } from '../paths.ts';
import { esc, renderQuickExit } from './render.ts';

export interface PageOptions {
  base: string;
  /** The page's own title: “错误：…” first when the page reports errors. */
  title: string;
  body: string;
  /** Breadcrumb trail below the home page; the last item is the current page. */
  breadcrumbs?: { label: string; path?: string }[];
  /** Cache-busting version of the stylesheet (the deploy id). */
  version?: string;
  /** The “快速离开” button (mediation pages). */
  quickExit?: boolean;
  /** A public page search engines may index (/stats/); form steps and errors stay noindex. */
  index?: boolean;
  /** Meta description, for indexable pages. */
  description?: string;
}

export function renderPage(o: PageOptions): string {
  const h = (p: string) => esc(withBase(p, o.base));
  const crumbs = [{ label: '首页', path: '/' }, ...(o.breadcrumbs ?? [])];
  return (
    `<!doctype html><html lang="zh-CN" data-font="standard" data-contrast="normal"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(o.title)} - ${esc(SITE.name)}</title>` +
    (o.index
      ? o.description
        ? `<meta name="description" content="${esc(o.description)}">`
        : ''
      : `<meta name="robots" content="noindex, nofollow">`) +
    `<link rel="icon" href="${h('/favicon.svg')}" type="image/svg+xml">` +
    `<link rel="stylesheet" href="${h('/apply/page.css')}${o.version ? `?v=${encodeURIComponent(o.version)}` : ''}"></head><body>` +
    `<a class="skip-link" href="#main">跳到正文</a>` +
    `<header class="site-header"><div class="site-header__top container"><a class="site-header__name" href="${h('/')}">` +
    `<span class="site-header__org">台山市司法局</span><span class="site-header__title">基层司法行政“三进”服务</span></a></div>` +
    `<div class="site-header__bar container"><nav class="site-nav" aria-label="主导航"><ul>` +
    NAV.map(
      (n) => `<li><a href="${h(n.path)}"${n.path === '/apply/' ? ' aria-current="page"' : ''}>${esc(n.label)}</a></li>`,
    ).join('') +
    `</ul></nav></div></header>` +
    `<div class="container"><nav class="breadcrumbs" aria-label="您现在的位置"><ol>` +
    crumbs
      .map(
        (c, i) =>
          `<li>${i < crumbs.length - 1 && c.path ? `<a href="${h(c.path)}">${esc(c.label)}</a>` : `<span aria-current="page">${esc(c.label)}</span>`}</li>`,
      )
      .join('') +
    `</ol></nav><main id="main" tabindex="-1"><div class="page">${o.quickExit ? renderQuickExit() : ''}${o.body}</div></main></div>` +
    `<footer class="site-footer"><div class="container site-footer__inner"><div class="site-footer__contact"><h2 class="site-footer__heading">联系我们</h2><ul>` +
    `<li>${esc(BUREAU.name)}：<a href="tel:${BUREAU.phone}">${BUREAU.phone}</a></li><li>电子邮箱：<a href="mailto:${BUREAU.email}">${BUREAU.email}</a></li>` +
    `<li>${esc(BUREAU.hotlineName)}：<a href="tel:${BUREAU.hotline}">${BUREAU.hotline}</a>（法律咨询）</li><li>遇到人身危险，请立即拨打 <a href="tel:110">110</a>。</li></ul>` +
    `<ul class="site-footer__links"><li><a href="${h('/privacy/')}">隐私与使用条款</a></li><li><a href="${h('/stats/')}">办理情况统计</a></li></ul></div></div></footer></body></html>`
  );
}
