/**
 * Converts HTML (a whole page or a fragment) to its 繁體中文 copy, as text: the
 * build step runs it over every built page, the functions over the pages they
 * render. No DOM, so it runs in Node and in functions alike.
 *
 * What changes:
 *   - text, and the attributes people read: title, alt, aria-label,
 *     aria-description, placeholder, label, the value of buttons made with
 *     <input>, and <meta name="description"> / og: / twitter: content;
 *   - lang="zh-CN" (or zh-Hans) on <html> becomes zh-Hant;
 *   - links to pages that have a 繁體 copy (href, and action of GET forms
 *     such as the header search box) point at it: /plan/ → /zh-hant/plan/,
 *     also absolute links on this site (canonical).
 * What never changes: URLs of assets, the API and pages without a copy
 * (src/lib/i18n/paths.ts), ids, classes, data-* values, input values,
 * scripts, styles, JSON, comments; text inside <textarea> and inside any
 * element marked data-verbatim (what a person typed, shown back to them) or
 * declaring its own lang (the language switch's “简体中文”, English words).
 * Links carrying hreflang (alternates, the language switch) are left alone.
 * Forms posting to the functions get a hidden _lang=zh-Hant field (LANG_FIELD).
 *
 * An element with data-i18n-swap="<markup>" has its content replaced by that
 * markup (the language switch: on the 繁體 page its 繁體 link becomes the link
 * back to 简体; src/components/LanguageSwitch/).
 */
import type { ConvertText } from './convert.ts';
import { hasZhHant, zhHantPath } from './paths.ts';

export interface HtmlConversion {
  convert: ConvertText;
  /** The site's base path, "/" or "/sfj/". */
  base: string;
  /** The site's origin ("https://example.org"), to recognise absolute links to this site. */
  origin?: string;
  /**
   * Opening tags already converted with these same options (the build passes
   * one for all its pages, whose tags mostly recur page after page). Leave it
   * out where the tags are not known in advance (the functions' answers carry
   * what readers typed), so nothing accumulates.
   */
  tags?: TagMemo;
}

const VOID = new Set(
  'area base br col embed hr img input link meta source track wbr'.split(' ').map((t) => t.toLowerCase()),
);
/** Raw text: skipped whole, never parsed. textarea holds what a person typed. */
const RAW = new Set(['script', 'style', 'textarea']);
// data-print-date: the print masthead's label, which the page's script writes out before printing.
const READABLE_ATTRS = new Set([
  'title',
  'alt',
  'aria-label',
  'aria-description',
  'placeholder',
  'label',
  'data-print-date',
]);
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const TOKEN =
  /<!--[\s\S]*?-->|<![^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

type Attr = { name: string; value: string | undefined };

function parseAttrs(source: string): Attr[] {
  return [...source.matchAll(ATTR)].map((m) => ({ name: m[1]!, value: m[2] ?? m[3] ?? m[4] }));
}

const escapeAttr = (v: string) => v.replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;').replace(/"/g, '&quot;');
const unescapeAttr = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function serialize(tag: string, attrs: Attr[], selfClosing: string): string {
  const parts = attrs.map((a) => (a.value === undefined ? a.name : `${a.name}="${escapeAttr(a.value)}"`));
  return `<${tag}${parts.length ? ' ' + parts.join(' ') : ''}${selfClosing ? ' /' : ''}>`;
}

/** A link to this site's page → its 繁體 copy; anything else unchanged. */
export function localizeLink(value: string, opts: Pick<HtmlConversion, 'base' | 'origin'>): string {
  const b = opts.base.endsWith('/') ? opts.base : `${opts.base}/`;
  let prefix = '';
  let rest = value;
  if (opts.origin && value.startsWith(opts.origin + b)) {
    prefix = opts.origin;
    rest = value.slice(opts.origin.length);
  }
  if (!rest.startsWith(b) || rest.startsWith('//')) return value;
  const path = '/' + rest.slice(b.length);
  const [pathOnly] = path.split(/(?=[?#])/);
  if (!hasZhHant(pathOnly!)) return value;
  return prefix + b + zhHantPath(path).slice(1);
}

/**
 * Forms that post to the functions (/api/…) tell them the page's script, so
 * the answer (check step, errors, confirmation) comes back in 繁體 and the
 * record notes the language (src/lib/requests/handlers/exchange.ts).
 */
export const LANG_FIELD = '<input type="hidden" name="_lang" value="zh-Hant">';

function postsToApi(attrs: Attr[], base: string): boolean {
  const get = (n: string) => attrs.find((a) => a.name.toLowerCase() === n)?.value ?? '';
  const b = base.endsWith('/') ? base : `${base}/`;
  return get('method').toLowerCase() === 'post' && get('action').startsWith(`${b}api/`);
}

interface Open {
  tag: string;
  skip: boolean;
}

function convertTag(
  tag: string,
  attrs: Attr[],
  opts: HtmlConversion,
  ctx: { isRoot: boolean },
): { attrs: Attr[]; changed: boolean } {
  let changed = false;
  const get = (n: string) => attrs.find((a) => a.name.toLowerCase() === n)?.value;
  const t = tag.toLowerCase();
  const hreflang = get('hreflang') !== undefined;
  const metaName = (get('name') ?? get('property') ?? '').toLowerCase();
  const inputType = (get('type') ?? '').toLowerCase();
  const method = (get('method') ?? 'get').toLowerCase();
  const out = attrs.map((a) => {
    const n = a.name.toLowerCase();
    let v = a.value;
    if (v === undefined) return a;
    if (READABLE_ATTRS.has(n)) v = opts.convert(v);
    else if (n === 'content' && t === 'meta' && /^(description|og:|twitter:)/.test(metaName) && !/:url$/.test(metaName))
      v = opts.convert(v);
    else if (n === 'content' && t === 'meta' && /^og:url$/.test(metaName)) v = localizeLink(v, opts);
    else if (n === 'value' && t === 'input' && /^(submit|button|reset)$/.test(inputType)) v = opts.convert(v);
    else if (n === 'lang' && ctx.isRoot && /^zh(-cn|-hans)?$/i.test(v)) v = 'zh-Hant';
    else if (n === 'href' && !hreflang && (t === 'a' || t === 'area' || t === 'link')) v = localizeLink(v, opts);
    else if (n === 'action' && t === 'form' && method === 'get') v = localizeLink(v, opts);
    if (v !== a.value) changed = true;
    return { name: a.name, value: v };
  });
  return { attrs: out, changed };
}

/** What an opening tag becomes outside skipped content: the same for every occurrence of the same tag text. */
interface ConvertedTag {
  /** The tag as written to the copy (with the _lang field after a form posting to the functions). */
  out: string;
  /** data-i18n-swap: the tag without the attribute, then the markup that replaces its content. */
  swap?: string;
  /** Its content is left as it is: it declares its own lang, or is data-verbatim. */
  skip: boolean;
}

/** Converted opening tags by their source text, for one set of conversion options. */
export type TagMemo = Map<string, ConvertedTag>;

function convertOpenTag(whole: string, rawTag: string, attrSource: string, selfClosing: string, opts: HtmlConversion) {
  const memo = opts.tags?.get(whole);
  if (memo) return memo;
  const tag = rawTag.toLowerCase();
  const attrs = parseAttrs(attrSource);
  const has = (n: string) => attrs.some((a) => a.name.toLowerCase() === n);
  const conv = convertTag(rawTag, attrs, opts, { isRoot: tag === 'html' });
  const swapAttr = attrs.find((a) => a.name.toLowerCase() === 'data-i18n-swap');
  const rest = conv.attrs.filter((a) => a !== swapAttr && a.name.toLowerCase() !== 'data-i18n-swap');
  const converted: ConvertedTag = {
    out:
      (conv.changed ? serialize(rawTag, conv.attrs, selfClosing) : whole) +
      (tag === 'form' && postsToApi(attrs, opts.base) ? LANG_FIELD : ''),
    swap: swapAttr?.value === undefined ? undefined : serialize(rawTag, rest, '') + unescapeAttr(swapAttr.value),
    skip: (tag !== 'html' && has('lang')) || has('data-verbatim'),
  };
  opts.tags?.set(whole, converted);
  return converted;
}

/** From `from`, past the close of the raw-text or swapped element `tag`: where its content ends and the close tag. */
function closeOf(source: string, tag: string, from: number): RegExpExecArray | null {
  const close = new RegExp(`</${tag}\\s*>`, 'gi');
  close.lastIndex = from;
  return close.exec(source);
}

/** The 繁體 copy of `source` (a page or a fragment). */
export function convertHtml(source: string, opts: HtmlConversion): string {
  const stack: Open[] = [];
  let out = '';
  let last = 0;
  const skipping = () => stack.length > 0 && stack[stack.length - 1]!.skip;
  const text = (s: string) => (skipping() ? s : opts.convert(s));
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) {
    out += text(source.slice(last, m.index));
    last = TOKEN.lastIndex;
    const [whole, rawTag, attrSource = '', selfClosing = ''] = m;
    if (!rawTag) {
      out += whole;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (whole.startsWith('</')) {
      const i = stack.map((o) => o.tag).lastIndexOf(tag);
      if (i >= 0) stack.length = i;
      out += whole;
      continue;
    }
    // Inside skipped content a tag is written as it is, and everything in it is skipped too.
    const parentSkip = skipping();
    const conv = parentSkip ? { out: whole, skip: true } : convertOpenTag(whole, rawTag, attrSource, selfClosing, opts);
    if (conv.swap !== undefined) {
      // Replace the element's content with the given markup; skip the original content.
      out += conv.swap;
      const end = closeOf(source, tag, last);
      if (end) {
        out += end[0];
        last = end.index + end[0].length;
        TOKEN.lastIndex = last;
      }
      continue;
    }
    out += conv.out;
    if (RAW.has(tag)) {
      const end = closeOf(source, tag, last);
      const stop = end ? end.index : source.length;
      out += source.slice(last, stop);
      last = stop;
      TOKEN.lastIndex = stop;
      continue;
    }
    if (VOID.has(tag) || selfClosing) continue;
    stack.push({ tag, skip: conv.skip });
  }
  out += text(source.slice(last));
  return out;
}
