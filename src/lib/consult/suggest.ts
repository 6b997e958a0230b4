/**
 * “这些内容可能已经回答了您的问题”: which searches of the site's own pagefind
 * index to run for a question before it is sent, and how to merge what they
 * find into at most five guides or case explanations.
 *
 * A question is a paragraph (“老板欠了我三个月工资跑了，我该怎么办”); pagefind
 * wants every word of a query on the page, so the question itself finds
 * little. The searches are instead: the page words of the everyday phrases in
 * it (content/search/synonyms.yaml: 欠工资 → 拖欠工资, 劳动报酬), the topic the
 * person picked (its name is the cases' topic), and the question's own content
 * words when it is short enough to be a search. Pure: the page script passes
 * the synonyms it downloaded; tests pass their own.
 */
import { fuseRankings } from '../search/fuse.ts';
import { normalizeQuery } from '../search/normalize.ts';
import { contentWords } from '../search/query.ts';
import { expandQuery, type SynonymRule } from '../search/synonyms.ts';

/** At most this many suggestions: enough to help, few enough to read before asking. */
export const MAX_SUGGESTIONS = 5;
/** At most this many searches per question: each may cost an index download. */
export const MAX_SEARCHES = 4;
/** A question longer than this (characters) is not searched as written. */
const SHORT_QUESTION = 16;
/** The kinds of page that can answer a question: the search facet 类型 of guides and cases. */
export const ANSWER_TYPES: readonly string[] = ['服务指南', '以案说法'];

export function suggestionQueries(question: string, topicName: string | undefined, rules: readonly SynonymRule[]) {
  const text = question.normalize('NFKC').replace(/\s+/gu, '');
  const queries: string[] = [];
  const add = (q: string | undefined) => {
    const clean = normalizeQuery(q ?? '');
    if (clean && !queries.includes(clean)) queries.push(clean);
  };
  for (const word of expandQuery(text, rules).alsoSearched) add(word);
  // Page words the person already wrote (“拖欠工资”) are searches too.
  for (const word of rules.flatMap((r) => r.searchAlso)) if (text.includes(word)) add(word);
  if (topicName) add(topicName);
  if ([...text].length <= SHORT_QUESTION) add(contentWords(text));
  return queries.slice(0, MAX_SEARCHES);
}

/** One merged ranking of the searches' result ids (earlier searches weigh more), best first. */
export function mergeSuggestions(lists: readonly (readonly string[])[]): string[] {
  return fuseRankings(lists.map((ids, i) => ({ weight: 1 / (1 + i * 0.25), ids })));
}

/** Does a result's 类型 facet make it a page that can answer a question? */
export function answersQuestions(filters: Record<string, string[] | undefined>): boolean {
  return (filters['类型'] ?? []).some((t) => ANSWER_TYPES.includes(t));
}
