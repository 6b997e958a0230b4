/**
 * The page shell for HTML that functions render (check your answers,
 * confirmation, errors, status, /stats/): exactly the header, navigation,
 * search box, display settings, breadcrumbs and footer of the static pages,
 * because it IS a static page. The build renders src/pages/shell/[section].astro
 * with the real layout and markers in place of what varies per page
 * (src/integrations/page-shell.ts turns them into `<outDir>/_shell/shells.json`);
 * a function fills the markers. One shell per main-navigation section, so the
 * current section is marked by the same component code as on static pages.
 *
 * What varies and who writes it: title and description (escaped here), the
 * robots/canonical line, breadcrumbs (src/lib/breadcrumbs.ts), the body (the
 * caller's SafeHtml), the print masthead (src/lib/masthead.ts), the footer's QR
 * code (src/lib/qr.ts) and 找错 link (errorReportHref in src/lib/site.ts) — the
 * same functions the static pages use.
 */
import { breadcrumbsHtml, type Crumb } from './breadcrumbs.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { StyledPage } from './http/csp.ts';
import { mastheadHtml } from './masthead.ts';
import { withBase } from './paths.ts';
import { qrFigure } from './qr.ts';
import { errorReportHref, NAV, SITE } from './site.ts';
import type { ConvertText } from './i18n/convert.ts';
import { convertHtml } from './i18n/html.ts';
import { zhHantPath } from './i18n/paths.ts';

/** Placeholders the shell page renders; plain ASCII so Astro's escaping leaves them alone. */
export const SHELL_MARKS = {
  title: '@@shell-title@@',
  description: '@@shell-description@@',
  head: '<!--shell-head-->',
  crumbs: '<!--shell-crumbs-->',
  body: '<!--shell-body-->',
  qr: '<!--shell-qr-->',
  masthead: '<!--shell-masthead-->',
  report: '@@shell-report@@',
} as const;

/** A main-navigation section (its path, e.g. "/apply/") or "none" for pages outside the navigation. */
export type ShellSection = (typeof NAV)[number]['path'] | 'none';

export const SHELL_SECTIONS: readonly ShellSection[] = [...NAV.map((n) => n.path), 'none'];

/** The key of a section in shells.json and its shell page's URL segment: "/apply/" → "apply", "/" → "home". */
export function sectionKey(section: ShellSection): string {
  if (section === 'none') return 'none';
  return section === '/' ? 'home' : section.replace(/^\/|\/$/g, '');
}

/** What the build writes to `<outDir>/_shell/shells.json`. */
export interface ShellBundle {
  /** The site's absolute origin and path at build time (QR codes, canonical links). */
  site: string;
  base: string;
  /** Section key → the whole page with SHELL_MARKS, in 简体 (the original). */
  sections: Record<string, string>;
  /**
   * The same templates in 繁體, converted by the build with the site's
   * dictionary (src/integrations/page-shell.ts): language → section key → page.
   */
  languages?: { 'zh-Hant'?: Record<string, string> };
  /**
   * The CSP hash of every inline <style> in the templates, both languages
   * (src/lib/http/csp.ts), computed by the build: the functions send the
   * policy for exactly these with every page made from them.
   */
  styleHashes: string[];
  /** The same for every inline <script> of the templates (the header's: src/lib/inline-scripts.ts). */
  scriptHashes: string[];
}

export interface ShellPage {
  /** The page's own title (the site name is added); “错误：…” first when the page reports errors. */
  title: string;
  /** Site path of the page without base ("/stats/"): QR code, 找错 link, canonical link. */
  path: string;
  section: ShellSection;
  /** Trail below the home page; the last item is the current page. */
  breadcrumbs: readonly Crumb[];
  body: SafeHtml;
  /** Search engines may index it (/stats/); form steps and errors stay noindex. */
  index?: boolean;
  description?: string;
  /**
   * 繁體 (zh-Hant): the 繁體 template, and title, description, breadcrumbs and
   * body converted with the same converter as the static pages (what the
   * person typed stays as typed: data-verbatim, textarea). Default 简体.
   */
  lang?: 'zh-Hans' | 'zh-Hant';
}

export interface PageShell {
  render(page: ShellPage): StyledPage;
}

const MARK_PATTERN = new RegExp(
  Object.values(SHELL_MARKS)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Replaces every marker in one pass over the template, so nothing a value contains is ever read as a marker. */
function fill(template: string, values: Record<string, SafeHtml>): string {
  const seen = new Set<string>();
  const out = template.replace(MARK_PATTERN, (mark) => {
    seen.add(mark);
    return values[mark]!.value;
  });
  if (seen.size !== Object.keys(values).length) throw new Error('page shell: a marker is missing; rebuild the site');
  return out;
}

/**
 * `zhHant`: the site's converter (src/lib/i18n/convert.ts with the build's
 * dictionary, functions/_shared/shell.ts); without it, or without the
 * 繁體 templates, every page is 简体.
 */
export function pageShell(bundle: ShellBundle, zhHant?: ConvertText): PageShell {
  return {
    render(page) {
      const hant = page.lang === 'zh-Hant' && zhHant && bundle.languages?.['zh-Hant'] ? zhHant : undefined;
      const sections = hant ? bundle.languages!['zh-Hant']! : bundle.sections;
      const template = sections[sectionKey(page.section)] ?? sections.none;
      if (!template) throw new Error('page shell: shells.json has no sections; rebuild the site');
      const path = hant ? zhHantPath(page.path) : page.path;
      const url = new URL(withBase(path, bundle.base), bundle.site).href;
      const head = page.index
        ? html`<link rel="canonical" href="${url}">`
        : html`<meta name="robots" content="noindex, nofollow">`;
      const convert = (h: SafeHtml) =>
        hant ? raw(convertHtml(h.value, { convert: hant, base: bundle.base, origin: new URL(bundle.site).origin })) : h;
      return new StyledPage(
        fill(template, {
          [SHELL_MARKS.title]: convert(html`${page.title}`),
          [SHELL_MARKS.description]: convert(html`${page.description ?? SITE.description}`),
          [SHELL_MARKS.head]: head,
          [SHELL_MARKS.crumbs]: convert(breadcrumbsHtml(page.breadcrumbs, bundle.base)),
          [SHELL_MARKS.body]: convert(page.body),
          [SHELL_MARKS.qr]: convert(qrFigure(url)),
          [SHELL_MARKS.masthead]: convert(mastheadHtml(page.title, url)),
          [SHELL_MARKS.report]: html`${errorReportHref(withBase(path, bundle.base))}`,
        }),
        bundle.styleHashes,
        bundle.scriptHashes,
      );
    },
  };
}
