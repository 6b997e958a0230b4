/**
 * 以案说法 listings: order, filters, pagination, related articles and review
 * dates. Pure functions over `{ id, data }` entries, so the pages, the RSS feed
 * and the tests share one answer to “which articles go on this page”.
 */
import { AUDIENCES, TOPICS, WORK_LINES } from './taxonomy.ts';
import { beijingDate, isoDate } from './time.ts';

/** Articles per list page (/cases/, /cases/page/2/ …). */
export const PER_PAGE = 10;

/** The parts of a case entry the listings read. */
export interface CaseLike {
  id: string;
  data: {
    title: string;
    published: Date;
    workLine: string;
    topic: string;
    audiences: readonly string[];
    relatedServices?: readonly string[];
    draft?: boolean;
  };
}

export type FilterKind = 'audience' | 'topic' | 'line';

/** One static filter page: /cases/<kind>/<id>/. */
export interface CaseFilter {
  kind: FilterKind;
  /** URL slug: village, wages, legal-aid. */
  id: string;
  /** What readers see: 村居, 拖欠工资, 法律援助. */
  name: string;
}

/** What each kind of filter is called on the page. */
export const FILTER_KINDS: { kind: FilterKind; label: string }[] = [
  { kind: 'audience', label: '按对象' },
  { kind: 'topic', label: '按问题' },
  { kind: 'line', label: '按服务' },
];

/**
 * Slugs that cannot be article file names, because list pages use them
 * (/cases/page/2/, /cases/topic/wages/, /cases/rss.xml).
 */
export const RESERVED_SLUGS = ['page', 'audience', 'topic', 'line', 'rss.xml'];

/** Every filter the site offers, in taxonomy order. */
export function allFilters(): CaseFilter[] {
  return [
    ...AUDIENCES.map((a) => ({ kind: 'audience' as const, id: a.id, name: a.name })),
    ...TOPICS.map((t) => ({ kind: 'topic' as const, id: t.id, name: t.name })),
    ...WORK_LINES.map((w) => ({ kind: 'line' as const, id: w.id, name: w.name })),
  ];
}

/** Does the article belong on this filter's page? Work lines count the article's own line only. */
export function matchesFilter(c: CaseLike, f: CaseFilter): boolean {
  if (f.kind === 'audience') return c.data.audiences.includes(f.name);
  if (f.kind === 'topic') return c.data.topic === f.name;
  return c.data.workLine === f.id;
}

/** Newest first; articles published the same day in title order, so the order is stable. */
export function sortNewestFirst<T extends CaseLike>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      b.data.published.getTime() - a.data.published.getTime() ||
      a.data.title.localeCompare(b.data.title, 'zh-CN') ||
      a.id.localeCompare(b.id),
  );
}

/** Drafts never reach the built site. */
export function published<T extends CaseLike>(list: readonly T[]): T[] {
  return list.filter((c) => !c.data.draft);
}

/** Site path of a list page, without the base: /cases/, /cases/page/2/, /cases/topic/wages/page/3/. */
export function listingPath(filter: Pick<CaseFilter, 'kind' | 'id'> | undefined, page = 1): string {
  const root = filter ? `/cases/${filter.kind}/${filter.id}/` : '/cases/';
  return page > 1 ? `${root}page/${page}/` : root;
}

/** Splits a list into pages of `perPage`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], perPage = PER_PAGE): T[][] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`perPage must be a positive integer, got ${perPage}`);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}

export interface ListingPage<T> {
  /** undefined on /cases/ itself. */
  filter?: CaseFilter;
  /** 1-based. */
  page: number;
  totalPages: number;
  /** Articles in the whole listing (all its pages). */
  total: number;
  items: T[];
  /** Site path without base. */
  path: string;
}

/**
 * Every list page of the site: /cases/ and every filter, each paginated.
 * Filters without articles get one page with an empty state rather than a 404,
 * so a link to any topic from elsewhere never breaks.
 */
export function buildListings<T extends CaseLike>(cases: readonly T[], perPage = PER_PAGE): ListingPage<T>[] {
  const sorted = sortNewestFirst(published(cases));
  const out: ListingPage<T>[] = [];
  const add = (filter: CaseFilter | undefined, items: T[]) => {
    const pages = paginate(items, perPage);
    pages.forEach((pageItems, i) => {
      out.push({
        filter,
        page: i + 1,
        totalPages: pages.length,
        total: items.length,
        items: pageItems,
        path: listingPath(filter, i + 1),
      });
    });
  };
  add(undefined, sorted);
  for (const f of allFilters())
    add(
      f,
      sorted.filter((c) => matchesFilter(c, f)),
    );
  return out;
}

/** How many published articles each filter has, for the filter navigation. */
export function filterCounts(cases: readonly CaseLike[]): { filter: CaseFilter; count: number }[] {
  const list = published(cases);
  return allFilters().map((filter) => ({ filter, count: list.filter((c) => matchesFilter(c, filter)).length }));
}

/** Listing paths of filters that have no articles (their pages say so and are kept out of the sitemap). */
export function emptyFilterPaths(cases: readonly CaseLike[]): string[] {
  return filterCounts(cases)
    .filter((x) => x.count === 0)
    .map((x) => listingPath(x.filter));
}

/**
 * The published articles of one list, newest first, in groups of articles
 * alike for relatedCases: same topic, work line and set of audiences. Built
 * once per list: every article page asks with the same list of all articles
 * (the build passes one array). Going through the whole list for each page
 * made the build grow with the square of the number of articles (at 5,000
 * articles, sorting per page cost about 19 s and scoring every article for
 * every page about 18 s); with groups, a page looks at a few hundred groups
 * at most, whatever the number of articles. A changed list is a new array (a
 * new build, or a new request in dev).
 */
interface RelatedGroup<T> {
  /** Any article of the group: they share topic, work line and audiences. */
  sample: CaseLike;
  /** The group's articles with their place in the newest-first list. */
  items: { entry: T; rank: number }[];
}
const groupsCache = new WeakMap<readonly CaseLike[], RelatedGroup<CaseLike>[]>();
function relatedGroups<T extends CaseLike>(all: readonly T[]): RelatedGroup<T>[] {
  let groups = groupsCache.get(all);
  if (!groups) {
    const byKey = new Map<string, RelatedGroup<CaseLike>>();
    sortNewestFirst(published(all)).forEach((entry, rank) => {
      const key = [entry.data.topic, entry.data.workLine, [...new Set(entry.data.audiences)].sort().join(',')].join(
        '\u0000',
      );
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { sample: entry, items: [] }));
      g.items.push({ entry, rank });
    });
    groupsCache.set(all, (groups = [...byKey.values()]));
  }
  return groups as RelatedGroup<T>[];
}

/**
 * Up to `limit` other articles a reader of `current` may want next: same topic
 * first, then same work line (an audience in common ranks higher within each);
 * newest first at equal rank. An article's rank depends only on its group
 * (relatedGroups), so each rank takes the newest `limit` of every group with
 * that rank, and the newest `limit` of those.
 */
export function relatedCases<T extends CaseLike>(current: CaseLike, all: readonly T[], limit = 4): T[] {
  const score = (c: CaseLike) =>
    (c.data.topic === current.data.topic ? 4 : 0) +
    (c.data.workLine === current.data.workLine ? 2 : 0) +
    (c.data.audiences.some((a) => current.data.audiences.includes(a)) ? 1 : 0);
  // byScore[s]: candidates with score s (2–7; below 2 is an audience in common only).
  const byScore: { entry: T; rank: number }[][] = Array.from({ length: 8 }, () => []);
  for (const g of relatedGroups(all)) {
    const s = score(g.sample);
    if (s < 2) continue;
    let taken = 0;
    for (const item of g.items) {
      if (taken === limit) break;
      if (item.entry.id === current.id) continue;
      byScore[s]!.push(item);
      taken++;
    }
  }
  return byScore
    .reverse()
    .flatMap((list) => list.sort((x, y) => x.rank - y.rank).slice(0, limit))
    .slice(0, limit)
    .map((x) => x.entry);
}

export { chineseDate, isoDate } from './time.ts';

/**
 * The date pages compare review dates against: SITE_BUILD_DATE (YYYY-MM-DD)
 * when set, for tests and for rebuilding an old release; otherwise today in China.
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const forced = env.SITE_BUILD_DATE;
  if (forced) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(forced) || Number.isNaN(Date.parse(forced))) {
      throw new Error(`SITE_BUILD_DATE 必须写成 YYYY-MM-DD，现在是“${forced}”`);
    }
    return forced;
  }
  return beijingDate(now);
}

/** An article is overdue for review once the build date is after its nextReviewDue. */
export function isReviewOverdue(nextReviewDue: Date, today: string): boolean {
  return today > isoDate(nextReviewDue);
}
