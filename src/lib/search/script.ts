/**
 * The reader's query, and the words the search plans it with, in the script
 * of the site being read. On the 繁體 site (/zh-hant/, <html lang="zh-Hant">)
 * the search runs on the 繁體 index, so a query typed in 简体 is converted with
 * the site's own dictionary first (the same converter and cut-down dictionary
 * as the build and the other page scripts: src/lib/i18n/page-script.ts); a
 * query typed in 繁體 passes through unchanged (the dictionary only has 简体
 * keys, and every character it knows is written the way the 繁體 pages write
 * it). The everyday-words map and the question words are written in 简体 once
 * (content/search/synonyms.yaml, query.ts) and converted the same way, so
 * “老闆不給工資怎麼辦” is planned like “老板不给工资怎么办”. Offline or blocked,
 * everything stays as it is. On the 简体 site nothing is loaded or changed.
 */
import { pageText, ready } from '../i18n/page-script.ts';
import { QUESTION_WORDS } from './query.ts';
import type { BestBet } from './best-bets.ts';
import type { SynonymRule } from './synonyms.ts';

const isZhHant = (lang: string) => lang === 'zh-Hant';

export async function queryInPageScript(
  query: string,
  base: string,
  lang = document.documentElement.lang,
): Promise<string> {
  if (!isZhHant(lang) || !query) return query;
  await ready(base);
  return pageText(query);
}

/** The everyday-words map in the page's script (after `queryInPageScript`, which loads the converter). */
export function synonymsInPageScript(
  rules: readonly SynonymRule[],
  lang = document.documentElement.lang,
): SynonymRule[] {
  if (!isZhHant(lang)) return [...rules];
  return rules.map((r) => ({ phrases: r.phrases.map(pageText), searchAlso: r.searchAlso.map(pageText) }));
}

/** The question words in the page's script, and as written (a reader may mix). */
export function questionWordsInPageScript(lang = document.documentElement.lang): ReadonlySet<string> {
  if (!isZhHant(lang)) return QUESTION_WORDS;
  return new Set([...QUESTION_WORDS, ...[...QUESTION_WORDS].map(pageText)]);
}

/** The best bets' phrases in the page's script, for matching the converted query (their box is converted as it is drawn). */
export function bestBetsInPageScript(bets: readonly BestBet[], lang = document.documentElement.lang): BestBet[] {
  if (!isZhHant(lang)) return [...bets];
  return bets.map((b) => ({ ...b, phrases: b.phrases.map(pageText) }));
}
