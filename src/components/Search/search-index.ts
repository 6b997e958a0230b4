/**
 * The search index, loaded only when there is something to search (or the
 * reader focuses the box): pagefind's browser API from the index the build
 * wrote (dist/pagefind/), the everyday-words map and /search/index-info.json.
 * The best-bet boxes come with the word lists. Where they are comes in the search app's data attributes (no inline script:
 * CSP).
 */
import type { IndexInfo } from '../../lib/search/index-config.ts';
import type { SearchRun } from '../../lib/search/fuse.ts';
import type { Pagefind, PagefindResult } from '../../lib/search/pagefind.ts';
import type { SearchPlan } from '../../lib/search/query.ts';
import type { BestBet } from '../../lib/search/best-bets.ts';
import type { SynonymRule } from '../../lib/search/synonyms.ts';
import { PAGE_SIZE } from './results.ts';

async function getJson<T>(url: string | undefined, fallback: T): Promise<T> {
  try {
    const res = await fetch(url ?? '');
    return res.ok ? ((await res.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

export type Run = SearchRun<PagefindResult>;

export class SearchIndex {
  readonly app: HTMLElement;
  private pagefind: Promise<Pagefind> | undefined;
  private synonyms: Promise<SynonymRule[]> | undefined;
  private info: Promise<IndexInfo> | undefined;
  private bestBets: Promise<BestBet[]> | undefined;

  constructor(app: HTMLElement) {
    this.app = app;
  }

  /** Starts the downloads, once; resolves with pagefind, ready. */
  load(): Promise<Pagefind> {
    this.pagefind ??= this.start();
    this.synonyms ??= getJson<SynonymRule[]>(this.app.dataset.synonyms, []);
    this.info ??= getJson<IndexInfo>(this.app.dataset.indexInfo, { facets: {}, common: {}, groups: {} });
    this.bestBets ??= getJson<BestBet[]>(this.app.dataset.bestBets, []);
    return this.pagefind;
  }

  private async start(): Promise<Pagefind> {
    const pf = (await import(/* @vite-ignore */ `${this.app.dataset.bundle}pagefind.js`)) as Pagefind;
    await pf.options({
      baseUrl: this.app.dataset.base ?? '/',
      // One script fewer to download (pagefind-worker.js, 12 KB): a search
      // here takes a few milliseconds, the main thread can spare them.
      noWorker: true,
      excerptLength: 36,
      // No page-length penalty (BM25's b, pagefind's default 0.75): the long
      // pages here are long because they cover their subject (the plan, the
      // service guides, the application guide), the short ones are listings
      // and one-office pages made from templates. With any penalty the 17
      // town pages, each saying 法律援助 a dozen times in 200 words, outrank
      // the guide, the plan and the application page, which say it 30 to 100
      // times (measured with the recall test: b 0.3 → 0.1 → 0 lifted recall
      // from 97.2 % to 99.4 % and 99.7 %). Term saturation and frequency stay
      // at pagefind's defaults.
      ranking: { pageLength: 0 },
    });
    await pf.init();
    return pf;
  }

  /** The everyday-words map, the index info and the best bets (empty ones if they could not be read). */
  extras(): Promise<[SynonymRule[], IndexInfo, BestBet[]]> {
    void this.load();
    return Promise.all([this.synonyms!, this.info!, this.bestBets!]);
  }

  /**
   * Runs a plan's searches in stages (query.ts): the later ones only while
   * the earlier found fewer than a page of results. On a large site each
   * extra word can cost another index chunk, and with plenty of results the
   * pages a later stage would add rank below them anyway. Undefined once
   * `stale` (a newer search has started).
   */
  async run(plan: SearchPlan, filters: Record<string, string>, stale: () => boolean): Promise<Run[] | undefined> {
    const pf = await this.load();
    let done: Run[] = [];
    for (const stage of [1, 2, 3] as const) {
      const searches = plan.searches.filter((s) => s.stage === stage);
      const found = new Set(done.flatMap((d) => d.results.map((r) => r.id))).size;
      if (searches.length === 0 || (stage > 1 && found >= PAGE_SIZE)) continue;
      const runs = await Promise.all(
        searches.map(async (search) => ({ search, results: (await pf.search(search.query, { filters })).results })),
      );
      done = [...done, ...runs];
      if (stale()) return undefined;
    }
    return done;
  }
}
