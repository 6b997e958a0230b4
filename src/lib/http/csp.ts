/**
 * The site's Content-Security-Policy, in one place for everything that sends
 * or checks it: the build writes it into `<outDir>/_headers` for the static
 * pages (src/integrations/csp-headers.ts), the functions send it with the
 * pages they render (src/lib/http/responses.ts), the local static server
 * serves the build's file (scripts/lib/serve.ts), and the tests read it.
 *
 * Styles are inlined into every page (astro.config.mjs, inlineStylesheets):
 * a stylesheet link blocked the first paint until a second request came back,
 * which on Lighthouse's slow 4G put LCP at 0.97–1.61 s, and a repeat view
 * revalidated the cached file first. Measured in Chromium with slow 4G and 4×
 * CPU (BENCHMARKS.md, repeat views), LCP fell from 1.9–2.5 s to 1.2–1.5 s on a
 * first view and from 1.4–2.1 s to 0.9–1.0 s on the next page, which now
 * sends about 4 KB more (its styles again) in one request fewer. No
 * 'unsafe-inline' for that: style-src lists the sha256 hash of each exact
 * <style> the build wrote, so only those styles apply and anything injected
 * into a page does not. The hashes always come from the build's own files,
 * never from a response body at run time (that would trust injected markup):
 * for function-rendered pages they travel with the shell templates
 * (shells.json, src/integrations/page-shell.ts) as a `StyledPage`.
 *
 * Scripts from our own origin, and the few small self-contained module
 * scripts the build writes into its pages (src/lib/inline-scripts.ts says
 * which and why), each allowed by the sha256 hash of its exact text in
 * script-src, as the styles are. 'wasm-unsafe-eval' lets pagefind's
 * WebAssembly search run and does not allow eval() of JavaScript. /admin/
 * (Decap CMS) has a looser policy of its own in netlify.toml, which Netlify
 * applies after the `_headers` file, so it wins there.
 */
import { createHash } from 'node:crypto';
import { SafeHtml } from '../html.ts';

/** A CSP hash source: 'sha256-' and the base64 of 32 bytes. */
const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'self'"],
  ['object-src', "'none'"],
];

/**
 * The policy for pages whose inline styles and inline scripts have these hash
 * sources (from styleHash, scriptHash); sorted, so the header is stable.
 */
export function contentSecurityPolicy(styleHashes: readonly string[], scriptHashes: readonly string[] = []): string {
  const bad = [...styleHashes, ...scriptHashes].filter((h) => !HASH_SOURCE.test(h));
  if (bad.length) throw new Error(`Content-Security-Policy: not a sha256 hash source: ${bad.join(' ')}`);
  const sorted = (hashes: readonly string[]) => [...new Set(hashes)].sort();
  const extra: Record<string, string[]> = { 'style-src': sorted(styleHashes), 'script-src': sorted(scriptHashes) };
  return DIRECTIVES.map(([name, value]) => [name, value, ...(extra[name] ?? [])].join(' ')).join('; ');
}

/** The hash source of an inline element's exact text, as a browser computes it (UTF-8 bytes). */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The hash source of one <style>'s exact text. */
export const styleHash = hashSource;

/** The hash source of one inline <script>'s exact text. */
export const scriptHash = hashSource;

/**
 * A <style> element in a page the build wrote (Astro's own output: plain
 * `<style>` tags, whose text is raw up to `</style>`); group 1 is its text.
 */
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The text of every <style> element in a page the build wrote. */
export function inlineStyles(page: string): string[] {
  return [...page.matchAll(STYLE_ELEMENT)].map((m) => m[1]!);
}

/**
 * A page split into the text of its <style> elements and the page without
 * them, in one pass: the page weight counts the two apart
 * (scripts/lib/page-weight.ts).
 */
export function separateStyles(page: string): { styles: string[]; rest: string } {
  const styles: string[] = [];
  const rest = page.replace(STYLE_ELEMENT, (_element, text: string) => {
    styles.push(text);
    return '';
  });
  return { styles, rest };
}

/** The hash sources of a built page's inline styles. */
export function styleHashesOf(page: string): string[] {
  return [...new Set(inlineStyles(page).map(styleHash))];
}

/**
 * A <script> element without src in a page the build wrote, whose text is
 * raw up to `</script>`: group 1 is its opening tag, group 2 its text.
 */
const INLINE_SCRIPT = /(<script\b(?![^>]*\ssrc=)[^>]*>)([\s\S]*?)<\/script\s*>/gi;

/**
 * Script types a browser runs, which the policy governs; anything else is a
 * data block (the pages' application/ld+json), never run and not governed.
 */
const RUNNABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;

/**
 * A page split into the text of its inline scripts that a browser would run
 * and the page without them (data blocks stay), in one pass: the page weight
 * counts the two apart (scripts/lib/page-weight.ts).
 */
export function separateScripts(page: string): { scripts: string[]; rest: string } {
  const scripts: string[] = [];
  const rest = page.replace(INLINE_SCRIPT, (element, tag: string, text: string) => {
    if (!RUNNABLE.test(/\stype="([^"]*)"/i.exec(tag)?.[1] ?? '')) return element;
    scripts.push(text);
    return '';
  });
  return { scripts, rest };
}

/** The text of every inline script of a built page that a browser would run. */
export function inlineScripts(page: string): string[] {
  return separateScripts(page).scripts;
}

/** The hash sources of a built page's inline scripts that a browser would run. */
export function scriptHashesOf(page: string): string[] {
  return [...new Set(inlineScripts(page).map(scriptHash))];
}

/**
 * A whole page with the hashes of the inline styles its template carries,
 * as the build computed them; the functions' responses send the policy for
 * exactly those (src/lib/http/responses.ts).
 */
export class StyledPage extends SafeHtml {
  readonly styleHashes: readonly string[];
  readonly scriptHashes: readonly string[];
  constructor(value: string, styleHashes: readonly string[], scriptHashes: readonly string[] = []) {
    super(value);
    this.styleHashes = styleHashes;
    this.scriptHashes = scriptHashes;
  }
}
