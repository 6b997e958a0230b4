/**
 * The search page's script (no framework). It loads pagefind's browser API
 * only when there is something to search (SearchIndex), and:
 *   - searches as the reader types (debounced) and on submit;
 *   - runs the searches planned by src/lib/search/query.ts (the reader's words,
 *     their content words and phrase, everyday-word variants, the segmentation
 *     workaround) in stages, merges them and keeps near-identical pages from
 *     filling the first page (src/lib/search/fuse.ts);
 *   - shows titles, type and work line, and excerpts whose only markup is
 *     <mark> (ResultList, drawn by src/lib/search/render.ts);
 *   - offers filters for 类型 / 工作条线 / 对象 / 镇街, only those with values
 *     (SearchFilters);
 *   - announces the outcome in a polite live region and keeps ?q=… (and the
 *     filters) in the address with history.replaceState, so results can be
 *     shared and reloaded.
 * Without JavaScript the results area stays hidden and the page offers its
 * category links; the form still submits.
 */
import { writeHtml } from '../../lib/i18n/page-script.ts';
import { bestBetFor, renderBestBet, type BestBet } from '../../lib/search/best-bets.ts';
import { normalizeQuery } from '../../lib/search/normalize.ts';
import {
  bestBetsInPageScript,
  questionWordsInPageScript,
  queryInPageScript,
  synonymsInPageScript,
} from '../../lib/search/script.ts';
import { mergeRuns } from '../../lib/search/fuse.ts';
import type { IndexInfo } from '../../lib/search/index-config.ts';
import { planSearch } from '../../lib/search/query.ts';
import type { SynonymRule } from '../../lib/search/synonyms.ts';
import { BUREAU } from '../../lib/site.ts';
import { FACETS, SearchFilters } from './filters.ts';
import { ResultList } from './results.ts';
import { SearchIndex, type Run } from './search-index.ts';

const DEBOUNCE_MS = 300;

class SearchPage {
  readonly app: HTMLElement;
  readonly input: HTMLInputElement;
  readonly status: HTMLElement;
  readonly also: HTMLElement;
  readonly bestBet: HTMLElement;
  readonly empty: HTMLElement;
  readonly failed: HTMLElement;
  readonly index: SearchIndex;
  readonly filters: SearchFilters;
  readonly results: ResultList;
  readonly titleBase = document.title;
  /** Id of the latest search; older ones drop their results. */
  current = 0;
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(app: HTMLElement, form: HTMLFormElement, input: HTMLInputElement) {
    const part = <T extends HTMLElement>(name: string) => app.querySelector<T>(`[data-search-${name}]`)!;
    this.app = app;
    this.input = input;
    this.status = part('status');
    this.also = part('also');
    this.bestBet = part('bestbet');
    this.empty = part('empty');
    this.failed = part('error');
    this.index = new SearchIndex(app);
    const params = new URLSearchParams(location.search);
    this.filters = new SearchFilters(part('filters'), params, () => void this.search(true));
    this.results = new ResultList(part<HTMLOListElement>('results'), part('results-heading'), part('more'));
    app.hidden = false;
    input.value = normalizeQuery(params.get('q') ?? '');
    this.listen(form);
    if (input.value) void this.search(true);
  }

  private listen(form: HTMLFormElement): void {
    this.results.more.addEventListener('click', () => void this.showMore());
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(true), DEBOUNCE_MS);
    });
    // Focusing the box is a good sign a search follows: start the downloads.
    this.input.addEventListener('focus', () => void this.index.load().catch(() => undefined), { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.timer);
      void this.search(true);
    });
  }

  async search(announce: boolean): Promise<void> {
    const id = ++this.current;
    const stale = () => id !== this.current;
    // On the 繁體 site a query typed in 简体 is converted first (src/lib/search/script.ts).
    const query = await queryInPageScript(normalizeQuery(this.input.value), this.app.dataset.base ?? '/');
    if (stale()) return;
    const filters = this.filters.chosen();
    this.writeAddress(query, filters);
    if (!query) return this.idle(announce);
    this.settle('loading', query);
    this.status.textContent = '正在搜索……';
    try {
      const [rules, info, bets] = await this.loadIndex();
      if (stale()) return;
      this.showBestBet(query, bets);
      const plan = planSearch(query, synonymsInPageScript(rules), info.common ?? {}, questionWordsInPageScript());
      const runs = await this.index.run(plan, filters, stale);
      if (runs) await this.present(runs, info, query, filters, stale);
    } catch (error) {
      if (stale()) return;
      this.clear();
      this.showBestBet('', []);
      this.failed.hidden = false;
      this.status.textContent = `搜索暂时无法使用，请按类别查找或拨打 ${BUREAU.hotline} 咨询。`;
      this.settle('error', query);
      console.error('搜索失败', error);
    }
  }

  /** pagefind first (its failure is the search's), then the word lists; the filters are drawn from them. */
  private async loadIndex(): Promise<[SynonymRule[], IndexInfo, BestBet[]]> {
    await this.index.load();
    const [rules, info, bets] = await this.index.extras();
    this.filters.draw(info.facets ?? {});
    return [rules, info, bets];
  }

  /** A clear task (讨薪) gets its next steps first (content/search/best-bets.yaml), in the page's script. */
  private showBestBet(query: string, bets: readonly BestBet[]): void {
    const bet = bestBetFor(query, bestBetsInPageScript(bets));
    this.bestBet.hidden = !bet;
    if (bet) writeHtml(this.bestBet, renderBestBet(bet, this.app.dataset.base ?? '/'));
    else this.bestBet.replaceChildren();
  }

  /** The merged results of a search's runs, and what the live region says about them. */
  private async present(
    runs: Run[],
    info: IndexInfo,
    query: string,
    filters: Record<string, string>,
    stale: () => boolean,
  ): Promise<void> {
    const { ordered, foundBy } = mergeRuns(runs, info.groups ?? {});
    this.clear(ordered, foundBy);
    this.filters.reveal(true);
    // The page words of the everyday-word variants that were run.
    const added = [...new Set(runs.flatMap((r) => (r.search.adds ? [r.search.adds] : [])))];
    if (added.length) {
      this.also.textContent = `也搜索了：${added.join('、')}`;
      this.also.hidden = false;
    }
    if (ordered.length > 0) await this.results.showMore(stale, false);
    if (stale()) return;
    const filtered = Object.keys(filters).length > 0;
    if (this.results.shown === 0) {
      this.empty.querySelector('[data-search-empty-query]')!.textContent = query;
      this.empty.hidden = false;
      this.status.textContent = `没有找到与“${query}”有关的内容。${filtered ? '可以去掉筛选条件再试。' : '可以换个说法，或按类别查找。'}`;
      this.settle('empty', query);
      return;
    }
    const filterNote = filtered ? `（已筛选：${Object.values(filters).join('、')}）` : '';
    const first = this.results.hasMore ? `，先显示最相关的 ${this.results.shown} 条` : '';
    this.status.textContent = `${this.results.total('找到')}与“${query}”有关的结果${filterNote}${first}。`;
    this.settle('done', query);
  }

  /** “显示更多结果”: the next page, focus on its first result. */
  private async showMore(): Promise<void> {
    const id = this.current;
    const before = this.results.shown;
    await this.results.showMore(() => id !== this.current, true);
    const added = this.results.shown - before;
    this.status.textContent =
      added > 0 ? `又显示了 ${added} 条，${this.results.total('共')}。` : '没有更多相关结果了。';
  }

  private idle(announce: boolean): void {
    this.clear();
    this.showBestBet('', []);
    this.filters.reveal(false);
    this.status.textContent = announce ? '请输入要找的内容。' : '';
    this.settle('idle', '');
  }

  private clear(...next: Parameters<ResultList['reset']>): void {
    this.results.reset(...next);
    this.empty.hidden = true;
    this.also.hidden = true;
    this.failed.hidden = true;
  }

  private writeAddress(query: string, filters: Record<string, string>): void {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const f of FACETS) if (filters[f.key]) next.set(f.param, filters[f.key]!);
    const qs = next.toString();
    history.replaceState(history.state, '', qs ? `?${qs}` : location.pathname);
    document.title = query ? `“${query}”的搜索结果 - ${this.titleBase}` : this.titleBase;
  }

  /** For tests and styling: data-state is idle, loading, done, empty or error; data-query the query it applies to. */
  private settle(state: string, query: string): void {
    this.app.dataset.state = state;
    this.app.dataset.query = query;
  }
}

const app = document.querySelector<HTMLElement>('[data-search-app]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
// No feature check beyond the page's parts: what the search needs (fetch,
// import()) comes with every browser that runs module scripts and can parse
// this one; elsewhere the script does not run and the page keeps its
// category links.
if (app && form && input) new SearchPage(app, form, input);
