/**
 * The one place where the page scripts write words into the page (the
 * application form's steps, errors, counter and withdraw question; the status
 * lookup's answers), so that on the 繁體 site they are written in 繁體.
 *
 * The scripts are written once, in 简体, and draw with the same renderers as
 * the functions. On a page with <html lang="zh-Hant"> what they write goes
 * through the site's converter first, as the build converted the page and the
 * functions convert their pages (page-converter.ts). On 简体 pages nothing is
 * loaded and nothing changes.
 *
 * `ready()` loads the converter before a script takes over its page, so no
 * message is ever written in 简体 first; the build preloads the dictionary in
 * the <head> of the 繁體 pages that need it (build.ts, MESSAGES_MARK). Until
 * the script takes over, the page works as it does without JavaScript. If
 * the dictionary does not come (offline, blocked) or is slow, the script
 * starts anyway after READY_WAIT_MS and writes 简体 until it arrives:
 * readable, and better than no script.
 *
 * Words already on the page (a button's own label, the page's title) are in
 * the page's script already and must not be converted again (convert.ts:
 * converting twice is wrong): `pageTitle` converts only the words around them.
 */
import type { SafeHtml } from '../html.ts';
import type { PageConverter } from './page-converter.ts';

/** How long a script waits for the dictionary before taking over in 简体. */
const READY_WAIT_MS = 4000;

let local: PageConverter | undefined;
let loading: Promise<void> | undefined;

/** Resolves when the page's converter is there (at once on 简体 pages), or after READY_WAIT_MS. */
export function ready(base: string): Promise<void> {
  if (document.documentElement.lang !== 'zh-Hant') return Promise.resolve();
  loading ??= import('./page-converter.ts')
    .then((m) => m.pageConverter(base))
    .then((c) => void (local = c))
    .catch(() => {
      loading = undefined; // offline: 简体 now, another try on the next ready()
    });
  return Promise.race([loading, new Promise<void>((r) => setTimeout(r, READY_WAIT_MS))]);
}

/** Words the script made, in the page's script. */
export function pageText(text: string): string {
  return local ? local.text(text) : text;
}

const HOLE = '\uE000';

/** A title the script makes around the page's own (already converted) title: only its own words are converted. */
export function pageTitle(make: (own: string) => string, own: string): string {
  return pageText(make(HOLE)).replace(HOLE, () => own);
}

/** Writes text the script made into `el`. */
export function writeText(el: Node, text: string): void {
  el.textContent = pageText(text);
}

/** Writes HTML the script drew: as `el`'s content, in place of `el`, or at its end. */
export function writeHtml(el: Element, content: SafeHtml, where: 'inner' | 'outer' | 'beforeend' = 'inner'): void {
  const markup = local ? local.html(String(content)) : String(content);
  if (where === 'inner') el.innerHTML = markup;
  else if (where === 'outer') el.outerHTML = markup;
  else el.insertAdjacentHTML('beforeend', markup);
}
