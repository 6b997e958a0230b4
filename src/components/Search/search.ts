/**
 * The search page's script (no framework). It loads pagefind's browser API
 * from the index the build wrote (dist/pagefind/), only when there is
 * something to search, and:
 *   - searches as the reader types (debounced) and on submit;
 *   - runs the searches planned by src/lib/search/query.ts (the reader's words,
 *     their content words and phrase, everyday-word variants, the segmentation
 *     workaround) in stages, merges them and keeps near-identical pages from
 *     filling the first page (src/lib/search/fuse.ts);
 *   - shows titles, type and work line, and excerpts whose only markup is
 *     <mark> (src/lib/search/excerpt.ts builds text nodes, never innerHTML);
 *   - offers filters for 类型 / 工作条线 / 对象 / 镇街, only those with values;
 *   - announces the outcome in a polite live region and keeps ?q=… (and the
 *     filters) in the address with history.replaceState, so results can be
 *     shared and reloaded.
 */
import { normalizeQuery } from '../../lib/search/normalize.ts';
import { planSearch, type PlannedSearch } from '../../lib/search/query.ts';
import { queryInPageScript } from '../../lib/search/script.ts';
import type { SynonymRule } from '../../lib/search/synonyms.ts';
import { diversify, fuseRankings, orderLike } from '../../lib/search/fuse.ts';
import { excerptParts } from '../../lib/search/excerpt.ts';
import { isConfirmed } from '../../lib/search/verify.ts';
import { AUDIENCES, WORK_LINES } from '../../lib/taxonomy.ts';
import { TOWNS } from '../../lib/towns.ts';
import type { IndexInfo } from '../../lib/search/index-config.ts';

/** The parts of pagefind's browser API used here (pagefind ships no types for it). */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
}

/** Filters offered, in this order; URL parameter names stay ASCII. Values in the order readers know them. */
const FACETS: { key: string; param: string; order: readonly string[] }[] = [
  { key: '类型', param: 'type', order: ['服务指南', '以案说法', '机构', '方案'] },
  { key: '工作条线', param: 'line', order: WORK_LINES.map((w) => w.name) },
  { key: '对象', param: 'audience', order: AUDIENCES.map((a) => a.name) },
  { key: '镇街', param: 'town', order: TOWNS.map((t) => t.name) },
];
const PAGE_SIZE = 10;
/** How many candidates one “page” of results may check (see verify.ts) before it stops. */
const LOOKAHEAD = 3 * PAGE_SIZE;
const DEBOUNCE_MS = 300;

const app = document.querySelector<HTMLElement>('[data-search-app]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

if (app && form && input) start(app, form, input);

function start(app: HTMLElement, form: HTMLFormElement, input: HTMLInputElement): void {
  const el = <T extends HTMLElement>(name: string) => app.querySelector<T>(`[data-search-${name}]`)!;
  const status = el('status');
  const also = el('also');
  const list = el<HTMLOListElement>('results');
  const listHeading = el('results-heading');
  const more = el<HTMLButtonElement>('more');
  const empty = el('empty');
  const emptyQuery = el('empty-query');
  const failed = el('error');
  const filterBox = el('filters');
  const baseTitle = document.title;

  let pagefind: Promise<Pagefind> | undefined;
  let synonyms: Promise<SynonymRule[]> | undefined;
  let indexInfo: Promise<IndexInfo> | undefined;
  let selects: Map<string, HTMLSelectElement> | undefined;
  let current = 0; // id of the latest search; older ones drop their results
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ordered: PagefindResult[] = [];
  let foundBy = new Map<string, string[]>(); // result id → the queries that found it
  let checked = 0; // candidates in `ordered` looked at so far
  let rejected = 0; // of those, not confirmed (verify.ts)
  let shown = 0;

  app.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = normalizeQuery(params.get('q') ?? '');
  const wanted = new Map(FACETS.map((f) => [f.key, params.get(f.param) ?? '']));

  function load(): Promise<Pagefind> {
    pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${app.dataset.bundle}pagefind.js`)) as Pagefind;
      await pf.options({
        baseUrl: app.dataset.base ?? '/',
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
    })();
    synonyms ??= getJson<SynonymRule[]>(app.dataset.synonyms, []);
    indexInfo ??= getJson<IndexInfo>(app.dataset.indexInfo, { facets: {}, common: {}, groups: {} });
    return pagefind;
  }

  async function buildFilters(): Promise<void> {
    if (selects) return;
    const all = (await indexInfo!).facets ?? {};
    if (selects) return;
    selects = new Map();
    for (const facet of FACETS) {
      const values = [...(all[facet.key] ?? [])];
      if (values.length === 0) continue; // only filters that have values
      values.sort((a, b) => rank(facet.order, a) - rank(facet.order, b) || a.localeCompare(b, 'zh-CN'));
      const id = `search-filter-${facet.param}`;
      const wrap = document.createElement('div');
      wrap.className = 'search-filter';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = facet.key;
      const select = document.createElement('select');
      select.id = id;
      select.dataset.facet = facet.key;
      select.append(new Option('全部', ''));
      for (const v of values) select.append(new Option(v, v));
      select.value = values.includes(wanted.get(facet.key) ?? '') ? wanted.get(facet.key)! : '';
      select.addEventListener('change', () => search(true));
      wrap.append(label, select);
      filterBox.append(wrap);
      selects.set(facet.key, select);
    }
  }

  function chosenFilters(): Record<string, string> {
    const chosen: Record<string, string> = {};
    for (const [key, select] of selects ?? []) if (select.value) chosen[key] = select.value;
    if (!selects) for (const [key, value] of wanted) if (value) chosen[key] = value;
    return chosen;
  }

  function writeAddress(query: string, filters: Record<string, string>): void {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const f of FACETS) if (filters[f.key]) next.set(f.param, filters[f.key]!);
    const qs = next.toString();
    history.replaceState(history.state, '', qs ? `?${qs}` : location.pathname);
    document.title = query ? `“${query}”的搜索结果 - ${baseTitle}` : baseTitle;
  }

  function clear(): void {
    list.replaceChildren();
    listHeading.hidden = true;
    more.hidden = true;
    empty.hidden = true;
    also.hidden = true;
    failed.hidden = true;
    ordered = [];
    foundBy = new Map();
    checked = 0;
    rejected = 0;
    shown = 0;
  }

  /** “找到 23 条”, or “找到约 23 条” while unchecked candidates remain. */
  function total(lead: string): string {
    return `${lead}${checked < ordered.length ? '约' : ''} ${ordered.length - rejected} 条`;
  }

  /** For tests and styling: data-state is loading, done, empty or error; data-query the query it applies to. */
  function settle(state: string, query: string): void {
    app.dataset.state = state;
    app.dataset.query = query;
  }

  async function search(announce: boolean): Promise<void> {
    const id = ++current;
    const query = await queryInPageScript(normalizeQuery(input.value), app.dataset.base ?? '/');
    const filters = chosenFilters();
    writeAddress(query, filters);
    if (!query) {
      clear();
      filterBox.hidden = true;
      status.textContent = announce ? '请输入要找的内容。' : '';
      settle('idle', '');
      return;
    }
    settle('loading', query);
    status.textContent = '正在搜索……';
    try {
      const pf = await load();
      const [rules, info] = await Promise.all([synonyms!, indexInfo!, buildFilters()]);
      if (id !== current) return;
      const plan = planSearch(query, rules, info.common ?? {});
      // In stages (query.ts): the later ones only while the earlier found
      // fewer than a page of results. On a large site each extra word can cost
      // another index chunk, and with plenty of results the pages a later stage
      // would add rank below them anyway.
      const run = (list: PlannedSearch[]) =>
        Promise.all(list.map(async (s) => ({ search: s, results: (await pf.search(s.query, { filters })).results })));
      let done: { search: PlannedSearch; results: PagefindResult[] }[] = [];
      for (const stage of [1, 2, 3] as const) {
        const list = plan.searches.filter((s) => s.stage === stage);
        if (
          list.length === 0 ||
          (stage > 1 && new Set(done.flatMap((d) => d.results.map((r) => r.id))).size >= PAGE_SIZE)
        )
          continue;
        done = [...done, ...(await run(list))];
        if (id !== current) return;
      }
      const byId = new Map<string, PagefindResult>();
      const found = new Map<string, string[]>();
      for (const { search: s, results } of done) {
        for (const result of results) {
          if (!byId.has(result.id)) byId.set(result.id, result);
          found.set(result.id, [...(found.get(result.id) ?? []), s.query]);
        }
      }
      const groups = info.groups ?? {};
      const own = done[0]?.results.map((r) => r.id) ?? [];
      const lists = done.map((d) => {
        const ids = d.results.map((r) => r.id);
        return { weight: d.search.weight, ids: d.search.reason === 'phrase' ? orderLike(ids, own) : ids };
      });
      const ids = diversify(fuseRankings(lists), (i) => groups[i]);
      clear();
      ordered = ids.map((i) => byId.get(i)!);
      foundBy = found;
      filterBox.hidden = !selects?.size;
      // The page words of the everyday-word variants that were run.
      const added = [...new Set(done.flatMap((d) => (d.search.adds ? [d.search.adds] : [])))];
      if (added.length) {
        also.textContent = `也搜索了：${added.join('、')}`;
        also.hidden = false;
      }
      if (ordered.length > 0) await showMore(id, false);
      if (id !== current) return;
      if (shown === 0) {
        emptyQuery.textContent = query;
        empty.hidden = false;
        status.textContent = `没有找到与“${query}”有关的内容。${Object.keys(filters).length ? '可以去掉筛选条件再试。' : '可以换个说法，或按类别查找。'}`;
        settle('empty', query);
        return;
      }
      const filterNote = Object.keys(filters).length ? `（已筛选：${Object.values(filters).join('、')}）` : '';
      status.textContent = `${total('找到')}与“${query}”有关的结果${filterNote}${more.hidden ? '' : `，先显示最相关的 ${shown} 条`}。`;
      settle('done', query);
    } catch (error) {
      if (id !== current) return;
      clear();
      failed.hidden = false;
      status.textContent = '搜索暂时无法使用，请按类别查找或拨打 12348 咨询。';
      settle('error', query);
      console.error('搜索失败', error);
    }
  }

  /**
   * Shows the next PAGE_SIZE confirmed results: downloads candidates' text in
   * ranked order (needed for the excerpt anyway), skips those verify.ts does
   * not confirm, and stops after LOOKAHEAD candidates so a bad query cannot
   * download the whole site.
   */
  async function showMore(id: number, focusFirst: boolean): Promise<void> {
    const items: HTMLLIElement[] = [];
    const limit = Math.min(ordered.length, checked + LOOKAHEAD);
    while (items.length < PAGE_SIZE && checked < limit) {
      const batch = ordered.slice(checked, Math.min(limit, checked + PAGE_SIZE - items.length));
      const data = await Promise.all(batch.map((r) => r.data()));
      if (id !== current) return;
      checked += batch.length;
      data.forEach((d, i) => {
        if (isConfirmed(d.content, foundBy.get(batch[i]!.id) ?? [])) items.push(renderResult(d));
        else rejected++;
      });
    }
    list.append(...items);
    shown += items.length;
    listHeading.hidden = shown === 0;
    more.hidden = checked >= ordered.length;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }

  more.addEventListener('click', async () => {
    const before = shown;
    await showMore(current, true);
    status.textContent = shown > before ? `又显示了 ${shown - before} 条，${total('共')}。` : '没有更多相关结果了。';
  });

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(true), DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(true);
  });

  if (input.value) void search(true);
}

async function getJson<T>(url: string | undefined, fallback: T): Promise<T> {
  try {
    const res = await fetch(url ?? '');
    return res.ok ? ((await res.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

function textParts(html: string): Node[] {
  return excerptParts(html).map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    return mark;
  });
}

function renderResult(data: PagefindData): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const title = document.createElement('h3');
  title.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  title.append(link);
  li.append(title);

  const facts = [
    data.filters['类型']?.[0],
    data.filters['工作条线']?.join('、'),
    data.filters['镇街']?.join('、'),
    data.meta.date,
  ].filter(Boolean);
  if (facts.length) {
    const meta = document.createElement('p');
    meta.className = 'search-result__meta';
    meta.textContent = facts.join(' · ');
    li.append(meta);
  }

  // Long pages (the plan) have sections: point to the one that matches best.
  const sections = (data.sub_results ?? []).filter(
    (s) => s.url.includes('#') && s.title && s.title !== data.meta.title,
  );
  const best = sections.sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...textParts(best?.excerpt || data.excerpt));
  li.append(excerpt);
  if (best) {
    const section = document.createElement('p');
    section.className = 'search-result__section';
    const a = document.createElement('a');
    a.href = best.url;
    a.textContent = best.title;
    section.append('相关段落：', a);
    li.append(section);
  }
  return li;
}
