/**
 * What a search query looks like before anything else touches it: full-width
 * letters, digits and spaces made half-width (NFKC: ＡＢＣ１２３ → ABC123, the
 * ideographic space → a space), control characters dropped, runs of spaces
 * collapsed, and the length capped so a pasted paragraph cannot stall the page.
 */

/** Longest query we search for, in characters. */
export const MAX_QUERY_LENGTH = 60;

export function normalizeQuery(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** Han characters (Chinese), the script that needs segmenting. */
export const HAN = /\p{Script=Han}/u;
