/**
 * Small self-contained page scripts go into the page itself instead of a file
 * of their own. Today that is the header's script on every page (the reader's
 * stored font size and contrast, the 菜单 and 朗读 buttons: 2.6 KB, 1.2 KB
 * gzipped); the scripts of forms, search, status and the desk import shared
 * chunks and stay files.
 *
 * Why: as a file, the script was the one request a content page made after
 * its HTML, and Lighthouse's simulated slow 4G counted that request, and its
 * round trip, before the first paint. Measured on 7 December, the same built
 * pages with the header script as a file and inline, 3 runs each alternated,
 * median LCP: home page 1.23 → 0.95 s, 法律援助 office 1.21 → 0.98 s, the
 * application's start page 1.42 → 0.89 s, a case article 1.39 → 1.23 s. A
 * reader's stored choices also apply without waiting for a second request.
 * The cost: each later page carries the script again (1.2 KB gzipped) where
 * the file came from the cache.
 *
 * The CSP allows each such script by the hash of its exact text
 * (src/lib/http/csp.ts; src/integrations/csp-headers.ts writes the hashes),
 * so nothing injected into a page runs. Pure: the build step that applies it
 * to every page is src/integrations/inline-scripts.ts.
 */

import { ASTRO_MODULE_SCRIPT, staticImports, type ReadModule } from './module-graph.ts';

/** The largest script put inline, in bytes as built: every page view carries it. */
export const INLINE_SCRIPT_MAX_BYTES = 4 * 1024;

/**
 * Why a built script cannot go inline, or undefined when it can. An inline
 * module has the page's address as its own, so a script that refers to other
 * files relatively, or to its own address, would break; a static import would
 * also be fetched only after the page, as before.
 */
export function notInlinable(js: string): string | undefined {
  if (new TextEncoder().encode(js).length > INLINE_SCRIPT_MAX_BYTES)
    return `larger than ${INLINE_SCRIPT_MAX_BYTES} bytes`;
  if (staticImports(js).length) return 'a static import';
  if (/import\s*\(\s*["'`]\.{1,2}\//.test(js)) return 'a relative dynamic import';
  if (/import\.meta/.test(js)) return 'import.meta';
  if (/<\/script|<!--/i.test(js)) return 'text that would end or confuse a <script> element';
  return undefined;
}

/**
 * The page with each of its module scripts that can go inline (notInlinable)
 * written into it. `read` gives a script's built text by its src as written
 * in the page, or undefined when there is no such file (then the page is
 * left as it is there, and the caller's checks find the broken link).
 */
export function inlineSmallScripts(html: string, read: ReadModule): string {
  return html.replace(ASTRO_MODULE_SCRIPT, (tag, src: string) => {
    const js = read(src);
    if (js === undefined || notInlinable(js)) return tag;
    return `<script type="module">${js}</script>`;
  });
}
