/**
 * Cleaning what people type, before validation. Runs in the browser (as the
 * user types) and in the functions (as the authority), so both see the same
 * value: a phone typed on a Chinese keyboard as “１３８ ００１３ ８０００” is the
 * same number as 13800138000.
 */
import { toHalfWidth } from '../chinese-numerals.ts';

export { toHalfWidth };

/**
 * Control characters (C0 except tab and line feed, DEL, C1), zero-width and
 * bidirectional-override characters, and the other characters that draw
 * nothing: the Arabic letter mark (U+061C), the Mongolian vowel separator
 * (U+180E), the tag characters (U+E0000–U+E007F, which can hide text inside
 * an emoji flag) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0,
 * blank-looking letters). They can make a name look like another on the staff
 * desk, or reorder or hide text on screen, so they never reach a record.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

/** Multi-line free text: keeps line breaks (at most one blank line in a row), drops invisible characters. */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/[ \u3000]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One-line text: also folds line breaks and runs of spaces into one space. */
export function cleanLine(input: string): string {
  return cleanText(input)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/**
 * Names and other short identifiers: NFKC-normalised (compatibility forms such
 * as ﬁ, ㈱, full-width letters or a precomposed and a decomposed é become one
 * spelling, so two names that look the same are the same), half-width
 * letters, one space between words, and the middle dot of minority and
 * foreign names (买买提·艾力) in its standard form whatever the keyboard
 * produced (•, ・, ．, ‧, ･).
 */
export function cleanName(input: string): string {
  return cleanLine(toHalfWidth(input.normalize('NFKC')))
    .replace(/\s*[·•・．.‧･∙⋅]\s*/g, '·')
    .replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, '');
}

/** Numbers typed with spaces, hyphens, brackets or full-width digits: keep digits (and X for ID numbers). */
export function compactCode(input: string): string {
  return toHalfWidth(input)
    .replace(INVISIBLE, '')
    .replace(/[\s\-–—‐－()（）.]/g, '')
    .toUpperCase();
}

/** Counts characters as people do: one Chinese character or emoji is one, not two UTF-16 units. */
export function charCount(input: string): number {
  let n = 0;
  for (const _ of input) n++;
  return n;
}

/** Emoji and other pictographs: allowed in free text, never in names or numbers. */
export function hasEmoji(input: string): boolean {
  return /\p{Extended_Pictographic}/u.test(input);
}
