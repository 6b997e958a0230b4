/**
 * The result list of one search: the merged ranking (fuse.ts), shown a page
 * at a time, each result confirmed by its text before it is shown (verify.ts).
 */
import { join, type SafeHtml } from '../../lib/html.ts';
import type { PagefindResult } from '../../lib/search/pagefind.ts';
import { renderResult } from '../../lib/search/render.ts';
import { evidenceWords, isConfirmed } from '../../lib/search/verify.ts';

export const PAGE_SIZE = 10;
/** How many candidates one “page” of results may check (see verify.ts) before it stops. */
const LOOKAHEAD = 3 * PAGE_SIZE;

/** The words of the searches that found a page, that may pick its summary as the excerpt: no lone characters (never marked). */
function summaryWords(searches: readonly string[]): string[] {
  return searches.flatMap(evidenceWords).filter((w) => [...w].length >= 2);
}

export class ResultList {
  readonly list: HTMLOListElement;
  readonly heading: HTMLElement;
  readonly more: HTMLButtonElement;
  ordered: readonly PagefindResult[] = [];
  /** Result id → the queries that found it. */
  foundBy = new Map<string, string[]>();
  /** Candidates in `ordered` looked at so far. */
  checked = 0;
  /** Of those, not confirmed (verify.ts). */
  rejected = 0;
  shown = 0;

  constructor(list: HTMLOListElement, heading: HTMLElement, more: HTMLButtonElement) {
    this.list = list;
    this.heading = heading;
    this.more = more;
  }

  /** Empties the list, to hold `ordered` next. */
  reset(ordered: readonly PagefindResult[] = [], foundBy = new Map<string, string[]>()): void {
    this.list.replaceChildren();
    this.heading.hidden = true;
    this.more.hidden = true;
    this.ordered = ordered;
    this.foundBy = foundBy;
    this.checked = 0;
    this.rejected = 0;
    this.shown = 0;
  }

  get hasMore(): boolean {
    return !this.more.hidden;
  }

  /** “找到 23 条”, or “找到约 23 条” while unchecked candidates remain. */
  total(lead: string): string {
    return `${lead}${this.checked < this.ordered.length ? '约' : ''} ${this.ordered.length - this.rejected} 条`;
  }

  /**
   * Shows the next PAGE_SIZE confirmed results: downloads candidates' text in
   * ranked order (needed for the excerpt anyway), skips those verify.ts does
   * not confirm, and stops after LOOKAHEAD candidates so a bad query cannot
   * download the whole site. Stops without showing anything once `stale`
   * (a newer search has started).
   */
  async showMore(stale: () => boolean, focusFirst: boolean): Promise<void> {
    const items: SafeHtml[] = [];
    const limit = Math.min(this.ordered.length, this.checked + LOOKAHEAD);
    while (items.length < PAGE_SIZE && this.checked < limit) {
      const batch = this.ordered.slice(this.checked, Math.min(limit, this.checked + PAGE_SIZE - items.length));
      const data = await Promise.all(batch.map((r) => r.data()));
      if (stale()) return;
      this.checked += batch.length;
      data.forEach((d, i) => {
        const searches = this.foundBy.get(batch[i]!.id) ?? [];
        if (isConfirmed(d.content, searches)) items.push(renderResult(d, summaryWords(searches)));
        else this.rejected++;
      });
    }
    const first = this.list.children.length;
    this.list.insertAdjacentHTML('beforeend', String(join(items)));
    this.shown += items.length;
    this.heading.hidden = this.shown === 0;
    this.more.hidden = this.checked >= this.ordered.length;
    if (focusFirst && items.length) this.list.children[first]?.querySelector('a')?.focus();
  }
}
