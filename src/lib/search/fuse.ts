/**
 * Merging the result lists of several searches (the reader's query, its
 * everyday-word variants, its sub-term rewrites) into one ranking.
 *
 * pagefind's scores are only comparable within one search, so lists are merged
 * by rank, not score: weighted reciprocal-rank fusion. A page's merged score is
 * the sum over the lists that found it of weight / (K + rank). Pages found by
 * several lists rise; the reader's own query carries the largest weight.
 */
import type { PlannedSearch } from './query.ts';

export interface RankedList {
  /** How much this list counts: 1 for the reader's query, less for rewrites. */
  weight: number;
  /** Result ids, best first. */
  ids: readonly string[];
  /** Only orders pages the other lists score alike; pages only such lists found come after the others. */
  tiebreak?: boolean;
}

/** The usual constant of reciprocal-rank fusion: dampens the gap between ranks 1 and 2. */
export const FUSION_K = 60;

export function fuseRankings(lists: readonly RankedList[], k = FUSION_K): string[] {
  const score = new Map<string, number>();
  const tie = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const { weight, ids, tiebreak } of lists) {
    const into = tiebreak ? tie : score;
    ids.forEach((id, rank) => {
      into.set(id, (into.get(id) ?? 0) + weight / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  const of = (m: Map<string, number>, id: string) => m.get(id) ?? 0;
  return [...firstSeen.keys()].sort(
    (a, b) => of(score, b) - of(score, a) || of(tie, b) - of(tie, a) || firstSeen.get(a)! - firstSeen.get(b)!,
  );
}

/**
 * pagefind scores every page of an exact-phrase search alike, so the phrase
 * search's order says nothing: its pages are put in the order the reader's own
 * search ranked them (those it did not find after, as they came), and the
 * phrase only lifts them as a group above the pages without it.
 */
export function orderLike(ids: readonly string[], reference: readonly string[]): string[] {
  const at = new Map(reference.map((id, i) => [id, i]));
  return ids
    .map((id, i) => ({ id, key: at.get(id) ?? reference.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.id);
}

/**
 * Near-identical pages made from one template, one per town or office (the 17
 * town pages, the 17 司法所, the 21 法律援助工作站: the `group` meta Base puts
 * on them, collected into /search/index-info.json by the index build), all
 * score alike for any word their template uses. Left alone they fill a page of
 * results and push out the guide, the plan and the city-level office a reader
 * needs. So at most `perGroup` of a group keep their place; the others follow
 * after the other results, in their order (the reader still reaches them with
 * “显示更多”, and each group's type page lists them all).
 */
export const PER_GROUP = 2;

export function diversify(
  ids: readonly string[],
  groupOf: (id: string) => string | undefined,
  perGroup = PER_GROUP,
): string[] {
  const seen = new Map<string, number>();
  const kept: string[] = [];
  const later: string[] = [];
  for (const id of ids) {
    const group = groupOf(id);
    if (group === undefined) {
      kept.push(id);
      continue;
    }
    const n = (seen.get(group) ?? 0) + 1;
    seen.set(group, n);
    (n <= perGroup ? kept : later).push(id);
  }
  return [...kept, ...later];
}

/** The results of one planned search (query.ts). */
export interface SearchRun<R extends { id: string }> {
  search: PlannedSearch;
  results: readonly R[];
}

/** A page of results: the search page shows this many at a time. */
export const SPECIFIC_TASK_PAGES = 10;

/**
 * Does a spoken question's task, searched by its page words alone (query.ts:
 * `task`), name few enough pages (at most a page of results) to rank them by
 * itself? Then the searches that add the reader's other words (`framing`:
 * 老板 拖欠 工资, 老板 不 工资) only break ties. Otherwise they count in full:
 * for “调解要花钱吗” the page word alone (费用) is on many pages and 调解 is what
 * picks the right ones.
 *
 * Why: the reader's other words say how they tell it, and the page about the
 * task may not use them. Counted as searches of their own, they outvote it:
 * for “老板不给工资怎么办” the wage case is first for 拖欠工资 and for 劳动报酬
 * (the only pages 拖欠工资 finds: the case, the legal-aid guide, the publicity
 * guide), but it never says 老板, so the guide, found also by 老板 拖欠 工资,
 * 老板 劳动 报酬 and 老板 不 工资, led, and two cases with 老板 and 劳动报酬 came
 * second and third (measured 2026-12-07, pagefind 1.6: the case was 4th).
 */
export function framingOnlyBreaksTies(
  runs: readonly SearchRun<{ id: string }>[],
  pageSize = SPECIFIC_TASK_PAGES,
): boolean {
  const task = runs.filter((r) => r.search.task);
  const found = new Set(task.flatMap((r) => r.results.map((x) => x.id)));
  return task.length > 0 && found.size > 0 && found.size <= pageSize;
}

/**
 * All runs of one query as one ranking: fused (the phrase's list in the order
 * of the reader's own search, see orderLike; a specific task's framing lists
 * as tie-breakers, see framingOnlyBreaksTies), then diversified by `groups`
 * (page id → group). `foundBy` keeps, per result, the queries that found it:
 * verify.ts confirms a result by their words.
 */
export function mergeRuns<R extends { id: string }>(
  runs: readonly SearchRun<R>[],
  groups: Readonly<Record<string, string>>,
): { ordered: R[]; foundBy: Map<string, string[]> } {
  const byId = new Map<string, R>();
  const foundBy = new Map<string, string[]>();
  for (const { search, results } of runs) {
    for (const result of results) {
      if (!byId.has(result.id)) byId.set(result.id, result);
      foundBy.set(result.id, [...(foundBy.get(result.id) ?? []), search.query]);
    }
  }
  const own = runs[0]?.results.map((r) => r.id) ?? [];
  const specific = framingOnlyBreaksTies(runs);
  const lists = runs.map((run) => {
    const ids = run.results.map((r) => r.id);
    return {
      weight: run.search.weight,
      ids: run.search.reason === 'phrase' ? orderLike(ids, own) : ids,
      tiebreak: specific && !!run.search.framing,
    };
  });
  const ids = diversify(fuseRankings(lists), (id) => groups[id]);
  return { ordered: ids.map((id) => byId.get(id)!), foundBy };
}
