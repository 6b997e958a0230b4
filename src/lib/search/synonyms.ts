/**
 * Everyday words → the words the pages use (content/search/synonyms.yaml).
 * Pure: the search page passes in the map it downloaded; tests pass their own.
 *
 * A query that contains an everyday phrase is also searched with the phrase
 * replaced by each of the entry's page words, so other words in the query are
 * kept: “讨薪 台城” is also searched as “拖欠工资 台城” and “劳动报酬 台城”.
 * The page shows the added words (“也搜索了：拖欠工资、劳动报酬”).
 *
 * An entry's first page word is its main one (editors list the most useful
 * first): the search page runs the others only when the first searches found
 * less than a page of results, since each extra word can cost an index
 * download (src/components/Search/search-index.ts).
 */

export interface SynonymRule {
  phrases: string[];
  searchAlso: string[];
}

export interface Expansion {
  /** Extra queries to run besides the reader's own, most useful first. */
  variants: string[];
  /** The page words added, in order, without repeats: shown to the reader. */
  alsoSearched: string[];
  /** Each variant with the page word it adds and whether that is its entry's first (main) page word. */
  expansions: { variant: string; word: string; main: boolean }[];
  /** The query with the everyday phrases found in it cut out (“我被欠薪了” → “我被 了”). */
  rest: string;
}

/** At most this many extra queries per search: each one costs a search. */
export const MAX_VARIANTS = 6;

export function expandQuery(query: string, rules: readonly SynonymRule[]): Expansion {
  const expansions: Expansion['expansions'] = [];
  const alsoSearched: string[] = [];
  // Longest phrases first, so 校园霸凌 wins over 霸凌 and each part of the
  // query is claimed by one phrase only.
  const candidates = rules
    .flatMap((rule) => rule.phrases.map((phrase) => ({ phrase, rule })))
    .filter(({ phrase }) => phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const claimed: [number, number][] = [];
  const overlaps = (start: number, end: number) => claimed.some(([s, e]) => start < e && s < end);

  for (const { phrase, rule } of candidates) {
    const at = query.indexOf(phrase);
    if (at < 0 || overlaps(at, at + phrase.length)) continue;
    claimed.push([at, at + phrase.length]);
    for (const [i, word] of rule.searchAlso.entries()) {
      if (query.includes(word)) continue; // the reader already typed the page word
      const variant = (query.slice(0, at) + word + query.slice(at + phrase.length)).trim();
      if (variant && variant !== query && !expansions.some((e) => e.variant === variant))
        expansions.push({ variant, word, main: i === 0 });
      if (!alsoSearched.includes(word)) alsoSearched.push(word);
    }
  }
  const kept = expansions.slice(0, MAX_VARIANTS);
  let rest = query;
  for (const [s, e] of claimed) rest = rest.slice(0, s) + ' '.repeat(e - s) + rest.slice(e);
  return {
    variants: kept.map((e) => e.variant),
    alsoSearched,
    expansions: kept,
    rest: rest.replace(/\s+/gu, ' ').trim(),
  };
}
