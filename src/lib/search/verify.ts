/**
 * Checking a result before it is shown.
 *
 * pagefind matches each query word against the start of indexed words. When a
 * word starts no indexed word at all, pagefind does not give up: it searches
 * the longest indexed word that the query word starts with instead — for 出狱
 * (on no page) that is 出, so the results are pages with 出国 or 出具 (seen in
 * pagefind 1.6's search.rs, find_word_extensions). This is the other face of the
 * segmentation mismatch (pagefind issue #1237): a word the index does not have
 * brings unrelated pages, ranked above the pages that the everyday-words
 * variants found.
 *
 * So a result is shown only if its text (which the search page downloads
 * anyway to show the excerpt) contains at least one real word of a search that
 * found it. Single Han characters do not count as evidence unless they are the
 * whole search: 出 in 出国 proves nothing about 出狱.
 */
import { queryWords } from './query.ts';

const SINGLE_HAN = /^\p{Script=Han}$/u;

/** The words whose presence confirms a result of this search. */
export function evidenceWords(query: string): string[] {
  const words = queryWords(query).map((w) => w.toLowerCase());
  const strong = words.filter((w) => !SINGLE_HAN.test(w));
  return strong.length ? strong : words;
}

/** Page text as compared: lower case, without whitespace (Chinese has none between words). */
export function comparableText(content: string): string {
  return content.toLowerCase().replace(/\s+/gu, '');
}

/** Does the page text contain evidence for at least one of the searches that found it? */
export function isConfirmed(content: string, searches: readonly string[]): boolean {
  const text = comparableText(content);
  return searches.some((q) => evidenceWords(q).some((w) => text.includes(w)));
}
