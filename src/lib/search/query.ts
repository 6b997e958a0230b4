/**
 * From what the reader typed to the searches the page runs.
 *
 * 1. The reader's own words, normalised (normalize.ts).
 * 2. Question words dropped: residents type questions (“怎么申请法律援助”), and
 *    pagefind requires every word of a query to be on the page, so 怎么 would
 *    rule out the very guide that answers it. A question is searched by its
 *    content words alone (“申请 法律 援助”).
 * 3. Everyday words → page words (synonyms.ts): “讨薪” is also searched as
 *    “拖欠工资” and “劳动报酬”.
 * 4. The segmentation workaround (below).
 * 5. Words on nearly every page dropped from queries with other words
 *    (dropCommonWords): 法律 in 法律援助 costs the biggest index download and
 *    neither filters nor ranks.
 * 6. The reader's words as a phrase: pagefind requires every word on the page
 *    but not next to each other, so for “办理条件” a page saying 办理 in one
 *    place and 条件 in another ranks like one that says 办理条件. The same
 *    query in quotes (pagefind's exact-phrase search) finds the pages with the
 *    words in a row; merged in (fuse.ts), they rise. It looks up the same words,
 *    so it costs no download.
 *
 * Searches run in stages (src/components/Search/search-index.ts): the reader's words, their phrase and
 * each everyday phrase's main page word first; an entry's other page words
 * only when that found less than a page of results; the segmentation rewrites
 * last, on the same condition. Each word looked up can cost an index download
 * (~5–12 KB on a 2,000-article site), and a search that already fills a page
 * gains little from more.
 *
 * ## Why a workaround: pagefind issue #1237
 * pagefind splits Chinese text into words twice, with two different
 * dictionaries: when indexing (jieba, in the Rust indexer) and when searching
 * (the browser's Intl.Segmenter, ICU). Each query word must match the start of
 * an indexed word. Where ICU keeps a longer word than jieba did, the query word
 * is not the start of any indexed word on that page and the page is missed even
 * though it contains the text. Measured on this site's pages with pagefind
 * 1.6 alone (the case articles included): 打电话 finds 3 of the 4 pages that
 * contain it, 一部分 and 一分钱 1 of 2 each.
 *
 * The fix: every Han word of three or more characters in the query (as ICU
 * splits it, which is what pagefind will do) is also searched cut into
 * two-character pieces, the length of most Chinese words and of most words
 * jieba keeps: “正当理由” → “正当 理由”. The pieces are separate words to ICU, so
 * pagefind looks them up one by one, and each piece is usually the start of an
 * indexed word (with 打电话 → 打电 | 话, all four pages are found). The rewrite
 * finds a superset of pages (the pieces need not be adjacent), so it is merged
 * in with a lower weight (fuse.ts): pages that match the reader's own query
 * keep the top places, and verify.ts drops pages without the text.
 * When ICU cuts finer than jieba (帮教 → 帮 | 教), each piece is still the start of
 * jieba's longer word, so prefix matching finds the page; nothing to do there.
 * What no rewrite can fix: a query that is the end of an indexed word (成年人
 * inside 未成年人, 十七条 inside 第十七条); those pages are rarely what the
 * reader meant.
 * The rewrites run only when the other searches found fewer than a page of
 * results (search-index.ts), and pagefind's other mismatch, its fallback for words it
 * does not have, is handled in verify.ts.
 */
import { HAN, normalizeQuery } from './normalize.ts';
import { expandQuery, type SynonymRule } from './synonyms.ts';

export interface PlannedSearch {
  /** The query handed to pagefind. */
  query: string;
  /** Weight of its results in the merged ranking (fuse.ts). */
  weight: number;
  /** Why it is run: the reader's own words, their content words, their phrase, an everyday-word variant or the segmentation workaround. */
  reason: 'own' | 'content-words' | 'phrase' | 'synonym' | 'sub-terms' | 'one-word';
  /** 1: always; 2 and 3: only while the earlier stages found less than a page of results. */
  stage: 1 | 2 | 3;
  /** For an everyday-word variant: the page word it adds (shown as “也搜索了：…” once run). */
  adds?: string;
  /**
   * Its results do not count towards “a page of results” when deciding on the
   * later stages: the reader's own words when they are only everyday phrases
   * (讨薪, 出狱). Pages seldom use them, and for a word it does not have
   * pagefind returns pages matching a fragment of it (verify.ts).
   */
  weak?: true;
  /**
   * A spoken question that names its task with an everyday phrase
   * (“老板不给工资怎么办”): `task` marks the searches of the phrase's page
   * words alone (拖欠工资), `framing` those that add the reader's other words
   * (老板 拖欠 工资, 老板 不 工资). How fuse.ts weighs them: mergeRuns.
   */
  task?: true;
  framing?: true;
}

export interface SearchPlan {
  /** The normalised query, as shown back to the reader. */
  query: string;
  searches: PlannedSearch[];
  /** Page words added from the synonym map, shown as “也搜索了：…”. */
  alsoSearched: string[];
}

export const WEIGHTS = {
  own: 1,
  'content-words': 1,
  phrase: 1,
  synonym: 0.8,
  'sub-terms': 0.5,
  'one-word': 0.5,
} as const;

/**
 * Words that carry the question, not the topic. Matched as whole ICU words
 * only, so 要 is dropped from “我要申请” but 要 in 要求 is untouched.
 */
export const QUESTION_WORDS = new Set([
  '怎么',
  '怎么办',
  '怎么样',
  '怎样',
  '如何',
  '什么',
  '为什么',
  '哪里',
  '哪儿',
  '哪个',
  '哪些',
  '去哪',
  '去哪里',
  '找谁',
  '谁',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '么',
  '的',
  '了',
  '得',
  '地',
  '和',
  '与',
  '及',
  '我',
  '我们',
  '我的',
  '我家',
  '我想',
  '我要',
  '想问',
  '如果',
  '的话',
  '你',
  '您',
  '他',
  '她',
  '他们',
  '自己',
  '要',
  '想',
  '想要',
  '能',
  '能不能',
  '能否',
  '可以',
  '可不可以',
  '是不是',
  '有没有',
  '是否',
  '请问',
  '一下',
  '应该',
  '该',
  '会',
  '不会',
  '要不要',
  '不要',
  '需不需要',
  '用不用',
  '会不会',
  '收不收',
  '多少',
  '多久',
  '几天',
  '需要',
  '带',
  '我被',
  '办',
  '没',
  '在',
  '是',
  '有',
  '还',
  '就',
  '都',
  '也',
  '又',
  '被',
  '给',
  '让',
  '把',
  '对',
  '这',
  '那',
  '这个',
  '那个',
]);

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/** The query's words as the browser's segmenter (and so pagefind) will see them; spaces and punctuation dropped. */
export function queryWords(query: string): string[] {
  if (!segmenter) return query.split(/\s+/u).filter(Boolean);
  return [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** The query without question words; the query itself when that would leave nothing or change nothing. */
export function contentWords(query: string, questionWords: ReadonlySet<string> = QUESTION_WORDS): string {
  const words = queryWords(query);
  const kept = words.filter((w) => !questionWords.has(w));
  return kept.length === 0 || kept.length === words.length ? query : kept.join(' ');
}

/**
 * A spoken question without its single characters (“离婚 孩子 归” → “离婚 孩子”,
 * “老板 不 工资” → “老板 工资”), or null when it has none or nothing else.
 * pagefind wants every word of a query on the page; in a question the lone
 * characters left after the question words (不, 归, 跑) are how people say
 * it, seldom how a page says it, and a page that answers it often lacks them.
 */
export function withoutSingleCharacters(words: string): string | null {
  const all = words.split(/\s+/u).filter(Boolean);
  const kept = all.filter((w) => !SINGLE_HAN.test(w));
  return kept.length === 0 || kept.length === all.length ? null : kept.join(' ');
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/** “正当理由” → “正当 理由”; “十七条” → “十七 条”. */
export function cutIntoPairs(word: string): string[] {
  const chars = [...word];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += 2) pieces.push(chars.slice(i, i + 2).join(''));
  return pieces;
}

/**
 * The segmentation workaround (see the top of this file): the query with every
 * all-Han word of 3+ characters cut into pairs, or null when there is none.
 */
export function subTermQuery(query: string): string | null {
  let changed = false;
  const words = queryWords(query).flatMap((w) => {
    if ([...w].length >= 3 && [...w].every((c) => HAN.test(c))) {
      changed = true;
      return cutIntoPairs(w);
    }
    return [w];
  });
  return changed ? words.join(' ') : null;
}

/**
 * The query without the words found on nearly every page (`common`, from
 * /search/index-info.json: word → share of pages, at least 90 %). Each word of a
 * query costs pagefind one index download, and for such a word it is the
 * largest one (a posting for almost every page), while it neither narrows the
 * results nor, with an inverse document frequency near zero, changes their
 * order: “法律援助” (法律 | 援助) is searched as “援助”. A query made only of
 * common words is kept whole.
 */
export function dropCommonWords(query: string, common: Readonly<Record<string, number>> = {}): string {
  const words = queryWords(query);
  const kept = words.filter((w) => !(w.toLowerCase() in common));
  return kept.length === 0 || kept.length === words.length ? query : kept.join(' ');
}

/**
 * The query as a phrase (in quotes: pagefind's exact search) when it is one
 * typed word that the browser splits into words of two or more characters
 * (“办理条件” → 办理 | 条件), or null. Not for single characters (讨薪 → 讨 |
 * 薪): the exact search matches whole indexed words only, and jieba keeps such
 * a word whole. Not when a common word would be dropped from the query: the
 * phrase needs every word looked up, which is what dropping saves.
 */
export function phraseQuery(query: string, common: Readonly<Record<string, number>> = {}): string | null {
  const words = queryWords(query);
  if (
    /\s/u.test(query) ||
    words.length < 2 ||
    words.some((w) => [...w].length < 2) ||
    dropCommonWords(query, common) !== query
  )
    return null;
  return `"${query}"`;
}

/** At most this many words of a question are searched one by one. */
const MAX_ONE_WORD = 4;

/**
 * Looser searches for a spoken question that found too little (stage 2):
 * its content words without lone characters, and each of its words of two
 * or more characters alone. pagefind wants every word of a query on a page;
 * searched one by one and merged (fuse.ts), a page with most of them rises
 * above pages with one: “手写的遗嘱有没有用” finds the will case through 手写
 * and 遗嘱 although it never says 有用.
 */
function addLooser(
  content: string,
  common: Readonly<Record<string, number>>,
  add: (q: string | null, reason: PlannedSearch['reason']) => void,
): void {
  add(withoutSingleCharacters(content), 'content-words');
  // Not a word on nearly every page (dropCommonWords): alone, it is the largest download and finds everything.
  const long = content.split(/\s+/u).filter((w) => [...w].length >= 2 && !(w.toLowerCase() in common));
  if (long.length >= 2) for (const w of long.slice(0, MAX_ONE_WORD)) add(w, 'one-word');
}

/** Every search to run for what the reader typed, without repeats. `questionWords`: QUESTION_WORDS in the page's script. */
export function planSearch(
  raw: string,
  synonyms: readonly SynonymRule[] = [],
  common: Readonly<Record<string, number>> = {},
  questionWords: ReadonlySet<string> = QUESTION_WORDS,
): SearchPlan {
  const query = normalizeQuery(raw);
  const searches: PlannedSearch[] = [];
  const add = (
    q: string | null,
    reason: PlannedSearch['reason'],
    stage: PlannedSearch['stage'],
    adds?: string,
    role?: 'task' | 'framing',
  ) => {
    const clean = q ? normalizeQuery(dropCommonWords(q, common)) : '';
    if (clean && !searches.some((s) => s.query === clean))
      searches.push({
        query: clean,
        weight: WEIGHTS[reason],
        reason,
        stage,
        ...(adds ? { adds } : {}),
        ...(role ? { [role]: true as const } : {}),
      });
  };
  if (!query) return { query, searches, alsoSearched: [] };

  // A question (“怎么申请法律援助”) is searched by its content words alone:
  // pagefind would otherwise require 怎么 on the page too.
  const content = contentWords(query, questionWords);
  const question = content !== query;
  const { alsoSearched, expansions, rest } = expandQuery(query, synonyms);
  // A spoken question that names its task with an everyday phrase and more
  // (“老板不给工资怎么办”) is also searched by the phrase's page words alone:
  // the words around the phrase (老板) are how the reader tells it, and the
  // page about the task may not use them (the wage case never says 老板). Its
  // own words, with the everyday phrase's characters (不), come last (stage
  // 3, when all else found less than a page); the page words with the reader's other words stay in the first
  // (“调解要花钱吗” needs 调解 with 费用).
  const onlyPhrases = expansions.length > 0 && queryWords(rest).every((w) => questionWords.has(w));
  const topical = question && expansions.length > 0 && !onlyPhrases;
  add(content, question ? 'content-words' : 'own', topical ? 3 : 1, undefined, topical ? 'framing' : undefined);
  const phrase = phraseQuery(query, common);
  if (!question && phrase) add(phrase, 'phrase', 1);
  if (onlyPhrases) for (const s of searches) s.weak = true;
  const words = (q: string) => queryWords(q).join(' ');
  for (const e of expansions) {
    const variant = contentWords(e.variant, questionWords);
    const alone = topical && words(e.word) !== words(variant);
    if (alone) add(e.word, 'synonym', e.main ? 1 : 2, e.word, 'task');
    add(variant, 'synonym', e.main ? 1 : 2, e.word, topical ? (alone ? 'framing' : 'task') : undefined);
  }
  // Looser searches only for a question without an everyday phrase: with one,
  // its page words alone are the looser search, and the reader's other words
  // searched one by one (老板) would bring pages about those instead.
  if (question && !topical) addLooser(content, common, (q, reason) => add(q, reason, 2));
  // The workaround applies to every query run so far (not to phrases: the
  // pieces of a word are not a phrase).
  for (const s of [...searches])
    if (s.reason !== 'phrase')
      add(subTermQuery(s.query), 'sub-terms', 3, undefined, s.task ? 'task' : s.framing ? 'framing' : undefined);
  return { query, searches, alsoSearched };
}
