/**
 * Search excerpts arrive from pagefind as HTML: the page's text, HTML-escaped,
 * with the matched words wrapped in <mark>. The text comes from our own pages,
 * but the search page still never inserts it as HTML: it is split here into
 * plain-text parts and marked parts, and render.ts writes them again with the
 * `html` template, which escapes the text, so <mark> is the only markup left.
 * Any other tag is dropped; entities are decoded to text.
 */

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  '#39': "'",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * pagefind ends every block of text (a heading, a list item) with “. ” so that
 * excerpts read as sentences; after Chinese text that full stop should be “。”,
 * and an excerpt should not start with one.
 */
export function tidyExcerpt(html: string): string {
  return html.replace(/^\s*\.\s+/u, '').replace(/(\p{Script=Han}|[）)」”]|<\/mark>)\.(\s+|$)/gu, '$1。');
}

export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  // Split on tags; keep only the state changes of <mark> and </mark>.
  for (const piece of tidyExcerpt(html).split(/(<[^>]*>)/)) {
    if (piece.startsWith('<') && piece.endsWith('>')) {
      if (/^<mark(\s[^>]*)?>$/i.test(piece)) mark = true;
      else if (/^<\/mark\s*>$/i.test(piece)) mark = false;
      continue; // every other tag is dropped
    }
    const text = decodeEntities(piece.replace(/[<>]/g, ''));
    if (!text) continue;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * The parts with marks on lone Han characters removed. pagefind marks every
 * indexed word a query word starts, so for “老板不给工资” every 不 and 给 on
 * the page lights up: a reader scanning for what matters sees noise. A single
 * character beside another mark stays part of that longer mark.
 */
export function withoutSingleCharacterMarks(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const part of parts) {
    const mark = part.mark && !SINGLE_HAN.test(part.text.trim());
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += part.text;
    else out.push({ text: part.text, mark });
  }
  return out;
}

/**
 * `text` split into parts with every occurrence of `words` marked (the longest
 * word first where two start at one place), or undefined when none occurs.
 * Compared in lower case; the text keeps its own case.
 */
export function markWords(text: string, words: readonly string[]): ExcerptPart[] | undefined {
  const lower = text.toLowerCase();
  const wanted = [...new Set(words.map((w) => w.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const parts: ExcerptPart[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const word = wanted.find((w) => lower.startsWith(w, i));
    if (!word) {
      plain += text[i++];
      continue;
    }
    if (plain) parts.push({ text: plain, mark: false });
    parts.push({ text: text.slice(i, i + word.length), mark: true });
    plain = '';
    i += word.length;
  }
  if (plain) parts.push({ text: plain, mark: false });
  return parts.some((p) => p.mark) ? parts : undefined;
}
