/**
 * The reader's display choices, once: the localStorage keys, the values each
 * may take, and the small script that puts the stored ones on <html> before
 * the page is drawn. Read by the controls' script (display-settings.ts) and by
 * the layout (src/layouts/Base.astro), which writes earlyScript() into every
 * page's <head>. A function, so the controls' bundle leaves it out.
 */

export const FONT_KEY = 'ts-font';
export const CONTRAST_KEY = 'ts-contrast';
/** Font sizes, the first the default: html[data-font] in src/styles/base.css. */
export const FONTS = ['standard', 'large', 'xlarge'] as const;

/**
 * Runs in <head>, before the body is parsed, so a reader who chose 大, 特大 or
 * 高对比度 sees the page that way from its first paint. The controls' module
 * runs only once the whole page is parsed: on a slow connection the page had
 * already been drawn at the standard size by then, and then jumped to the
 * chosen one. A classic inline script (a module would wait), allowed by its
 * hash in the CSP like the others (src/lib/http/csp.ts). Without JavaScript,
 * or with storage blocked, <html> keeps its defaults.
 */
export function earlyScript(): string {
  return (
    `try{var d=document.documentElement.dataset,s=localStorage,f=s.getItem(${JSON.stringify(FONT_KEY)});` +
    `if(/^(${FONTS.slice(1).join('|')})$/.test(f))d.font=f;` +
    `if(s.getItem(${JSON.stringify(CONTRAST_KEY)})=="high")d.contrast="high"}catch(e){}`
  );
}
