/**
 * Merging the result lists of several searches (the reader's query, its
 * everyday-word variants, its sub-term rewrites) into one ranking.
 *
 * pagefind's scores are only comparable within one search, so lists are merged
 * by rank, not score: weighted reciprocal-rank fusion. A page's merged score is
 * the sum over the lists that found it of weight / (K + rank). Pages found by
 * several lists rise; the reader's own query carries the largest weight.
 */

export interface RankedList {
  /** How much this list counts: 1 for the reader's query, less for rewrites. */
  weight: number;
  /** Result ids, best first. */
  ids: readonly string[];
}

/** The usual constant of reciprocal-rank fusion: dampens the gap between ranks 1 and 2. */
export const FUSION_K = 60;

export function fuseRankings(lists: readonly RankedList[], k = FUSION_K): string[] {
  const score = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const { weight, ids } of lists) {
    ids.forEach((id, rank) => {
      score.set(id, (score.get(id) ?? 0) + weight / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
}
