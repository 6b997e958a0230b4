/**
 * What the staff desk sees of a record, shared by the staff API (server) and
 * the desk's script (browser): no server code, no hashes, no personal data
 * beyond the sealed half of a record opened on purpose.
 */
import { HttpError } from '../http/errors.ts';
import { lifecycleDates } from '../requests/lifecycle.ts';
import { parseReceipt } from '../requests/receipt.ts';
import type { ApplicationRecord, StatusEntry } from '../requests/record.ts';
import { isRequestTypeId, type RequestTypeId } from '../requests/registry.ts';
import { STATUSES, type Status } from '../requests/status.ts';
import { TOWN_IDS } from '../towns.ts';

/** The desk's queue filters for deadlines: overdue, or due today or within DUE_SOON_DAYS (deadline.ts). */
export const DUE_FILTERS = ['overdue', 'soon'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** Orders of the desk's list: by the decision deadline (overdue first), or newest first. */
export const SORTS = ['due', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface Filters {
  formType?: RequestTypeId;
  status?: Status;
  town?: string;
  /** Received on or after this Beijing date. */
  from?: string;
  /** Received on or before this Beijing date. */
  to?: string;
  due?: DueFilter;
  /** One receipt (any way it may be typed). */
  receipt?: string;
}

/** What the desk sees of a record without opening it: no hashes, no personal data. */
export interface RecordSummary {
  receipt: string;
  formType: RequestTypeId;
  town: string;
  category: string;
  createdAt: string;
  updatedAt: string;
  status: Status;
  history: StatusEntry[];
  corrections: number;
  /** The script the person used on the site: 简体 or 繁體 (older records: 简体). */
  lang: 'zh-Hans' | 'zh-Hant';
  /** Key id of the sealed personal data; null when deleted (withdrawn, purged). */
  kid: string | null;
  purgedAt?: string;
  /** Last day of a decision still owed (Beijing date), or null. */
  dueOn: string | null;
  /** false when the record's MAC no longer matches: changed outside the functions (校验不符). */
  verified: boolean;
}

export interface RecordDetail extends RecordSummary {
  /** The sealed personal data, exactly as stored; the desk decrypts it. */
  personal: ApplicationRecord['personal'];
}

export function summary(r: ApplicationRecord, verified = true): RecordSummary {
  const kid: unknown = r.personal ? (r.personal as Record<string, unknown>).kid : null;
  return {
    receipt: r.receipt,
    formType: r.formType,
    town: r.meta.town,
    category: r.meta.category,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    status: r.status.current,
    history: r.status.history,
    corrections: r.meta.corrections,
    lang: r.meta.lang ?? 'zh-Hans',
    kid: typeof kid === 'string' ? kid : null,
    ...(r.purgedAt ? { purgedAt: r.purgedAt } : {}),
    dueOn: lifecycleDates(r).dueOn,
    verified,
  };
}

export function detail(r: ApplicationRecord, verified = true): RecordDetail {
  return { ...summary(r, verified), personal: r.personal };
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from a query string or a JSON object; unknown values are refused, not ignored. */
export function parseFilters(input: Record<string, unknown>): Filters {
  const f: Filters = {};
  const str = (k: string) => {
    const v = input[k];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const bad = (message: string) => new HttpError(400, 'bad-filter', message);
  const formType = str('formType');
  if (formType) {
    if (!isRequestTypeId(formType)) throw bad('申请类型不对');
    f.formType = formType;
  }
  const status = str('status');
  if (status) {
    if (!STATUSES.includes(status as Status)) throw bad('状态不对');
    f.status = status as Status;
  }
  const town = str('town');
  if (town) {
    if (!TOWN_IDS.includes(town)) throw bad('镇（街）不对');
    f.town = town;
  }
  const due = str('due');
  if (due) {
    if (!DUE_FILTERS.includes(due as DueFilter)) throw bad('期限筛选不对');
    f.due = due as DueFilter;
  }
  const receipt = str('receipt');
  if (receipt) {
    const parsed = parseReceipt(receipt);
    if (!parsed) throw bad('回执号格式不对');
    f.receipt = parsed;
  }
  for (const k of ['from', 'to'] as const) {
    const v = str(k);
    if (!v) continue;
    if (!DATE_PATTERN.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw bad('日期格式应为 2026-11-27');
    f[k] = v;
  }
  return f;
}

export function parseSort(value: unknown): Sort {
  if (value === undefined || value === null || value === '') return 'due';
  if (typeof value === 'string' && SORTS.includes(value as Sort)) return value as Sort;
  throw new HttpError(400, 'bad-filter', '排序方式不对');
}

/**
 * Keyset pagination: the position after the last row of a page, as an opaque
 * string the desk sends back (`after`). Checked on the way in like any other
 * input: a cursor that does not parse is a 400, never a query.
 */
export type Cursor =
  | { sort: 'due'; dueOn: string; createdAt: string; receipt: string }
  | { sort: 'newest'; createdAt: string; receipt: string };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The position just after this row. */
export function cursorFrom(sort: Sort, s: Pick<RecordSummary, 'dueOn' | 'createdAt' | 'receipt'>): Cursor {
  return sort === 'due'
    ? { sort, dueOn: s.dueOn ?? 'infinity', createdAt: s.createdAt, receipt: s.receipt }
    : { sort, createdAt: s.createdAt, receipt: s.receipt };
}

export function encodeCursor(c: Cursor): string {
  const parts = c.sort === 'due' ? [c.sort, c.dueOn, c.createdAt, c.receipt] : [c.sort, c.createdAt, c.receipt];
  return btoa(encodeURIComponent(JSON.stringify(parts)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function cursorOf(sort: Sort, s: Pick<RecordSummary, 'dueOn' | 'createdAt' | 'receipt'>): string {
  return encodeCursor(cursorFrom(sort, s));
}

export function parseCursor(text: string, sort: Sort): Cursor {
  const bad = () => new HttpError(400, 'bad-cursor', '翻页位置不对，请从第一页重新开始');
  let parts: unknown;
  try {
    parts = JSON.parse(decodeURIComponent(atob(text.replace(/-/g, '+').replace(/_/g, '/'))));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parts) || parts[0] !== sort || parts.some((p) => typeof p !== 'string' || p.length > 40))
    throw bad();
  const [, a, b, c] = parts as string[];
  if (sort === 'due') {
    if (!(a === 'infinity' || DATE_PATTERN.test(a ?? '')) || !ISO_INSTANT.test(b ?? '') || !parseReceipt(c ?? ''))
      throw bad();
    return { sort, dueOn: a!, createdAt: b!, receipt: c! };
  }
  if (!ISO_INSTANT.test(a ?? '') || !parseReceipt(b ?? '')) throw bad();
  return { sort, createdAt: a!, receipt: b! };
}
