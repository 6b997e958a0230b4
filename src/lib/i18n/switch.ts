/**
 * The language switch's links, written once for the static pages
 * (src/components/LanguageSwitch/) and for the 繁體 copy the build makes
 * (src/lib/i18n/html.ts swaps the 繁體 link for the link back to 简体). Each
 * label is written in its own language and script, marked with lang, so a
 * reader finds their language whatever page they are on, and the converter
 * leaves it alone.
 */
import { html, type SafeHtml } from '../html.ts';
import { withBase } from '../paths.ts';
import { hasZhHant, zhHantPath, type Lang } from './paths.ts';

export const LANGUAGE_NAMES: Record<Lang, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};

/** One link to a version of the page; `hreflang` tells browsers and the converter what it is. */
export function languageLink(lang: Lang, path: string, base: string): SafeHtml {
  return html`<a href="${withBase(path, base)}" hreflang="${lang}" lang="${lang}">${LANGUAGE_NAMES[lang]}</a>`;
}

export interface SwitchTargets {
  /** The 简体 page this page is (or translates). */
  zhHans?: string;
  /** Its English page, or the English home page when there is none. */
  en?: string;
}

/**
 * The list items of the switch on a page in `lang`. On a 简体 page the 繁體
 * item carries the 简体 link as its swap (data-i18n-swap), which the build's
 * converter puts in its place on the 繁體 copy.
 */
export function switchItems(lang: 'zh-Hans' | 'en', targets: SwitchTargets, base: string): SafeHtml {
  const items: SafeHtml[] = [];
  const zh = targets.zhHans;
  if (lang === 'en' && zh) {
    items.push(html`<li>${languageLink('zh-Hans', zh, base)}</li>`);
    if (hasZhHant(zh)) items.push(html`<li>${languageLink('zh-Hant', zhHantPath(zh), base)}</li>`);
  }
  if (lang === 'zh-Hans' && zh && hasZhHant(zh)) {
    const back = String(languageLink('zh-Hans', zh, base));
    items.push(html`<li data-i18n-swap="${back}">${languageLink('zh-Hant', zhHantPath(zh), base)}</li>`);
  }
  if (lang === 'zh-Hans' && targets.en) items.push(html`<li>${languageLink('en', targets.en, base)}</li>`);
  return html`${items}`;
}
