/**
 * Turns the inline citations in a run of text into links to the cited
 * article's anchor on the same page (the 法条 section of a case article):
 *   “（《保障农民工工资支付条例》第三十条、第三十六条）”
 *   → “（” [《保障农民工工资支付条例》第三十条](#law-…-30) “、” [第三十六条](#law-…-36) “）”
 * The first article carries the law's name; each further article is its own
 * link. Finding citations is src/lib/citations.ts's job; this only cuts text.
 */
import { parseChineseNumber } from './chinese-numerals.ts';
import { anchorFor, findInlineCitations } from './citations.ts';
import { articleKey, type LawIndex } from './laws.ts';

export interface TextPart {
  text: string;
  /** Fragment id of the cited article, when this part is a citation that resolves. */
  anchor?: string;
}

const NUM = '[零〇一二两三四五六七八九十百千0-9０-９]+';
/** One article inside a citation, with the 款/项 that narrow it down (they belong to the link). */
const ONE_ARTICLE = new RegExp(
  `第(${NUM})条(?:之([一二三四五六七八九十]+))?(?:第${NUM}款)?(?:第(?:${NUM}|（[一二三四五六七八九十]+）)项)?`,
  'g',
);

/**
 * Splits `text` into plain parts and citation parts. A citation whose law or
 * article the index does not know stays plain text (the build-time check
 * reports it; a page never links to an anchor that is not there).
 */
export function linkCitations(text: string, index: LawIndex): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  const plain = (s: string) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last && !last.anchor) last.text += s;
    else parts.push({ text: s });
  };
  for (const c of findInlineCitations(text)) {
    plain(text.slice(at, c.index));
    const law = index.find(c.lawName);
    const nameEnd = c.raw.indexOf('》') + 1;
    let cursor = 0;
    let first = true;
    for (const m of c.raw.slice(nameEnd).matchAll(ONE_ARTICLE)) {
      const start = nameEnd + m.index!;
      const end = start + m[0].length;
      const key = articleKey(parseChineseNumber(m[1]!), m[2] ? parseChineseNumber(m[2]) : undefined);
      const anchor = law?.articles.has(key) ? anchorFor(law, key) : undefined;
      // The first article's link starts at 《 so the law's name is part of it.
      const from = first ? 0 : start;
      plain(c.raw.slice(cursor, from));
      const linkText = c.raw.slice(from, end);
      if (anchor) parts.push({ text: linkText, anchor });
      else plain(linkText);
      cursor = end;
      first = false;
    }
    plain(c.raw.slice(cursor));
    at = c.index + c.raw.length;
  }
  plain(text.slice(at));
  return parts;
}
