/**
 * What the staff desk sees of a record, shared by the staff API (server) and
 * the desk's script (browser): no server code, no hashes, no personal data
 * beyond the sealed half of a record opened on purpose.
 */
import { HttpError } from '../http/errors.ts';
import type { ApplicationRecord, StatusEntry } from '../requests/record.ts';
import { isRequestTypeId, type RequestTypeId } from '../requests/registry.ts';
import { STATUSES, type Status } from '../requests/status.ts';
import { beijingDate } from '../time.ts';
import { TOWN_IDS } from '../towns.ts';

export interface Filters {
  formType?: RequestTypeId;
  status?: Status;
  town?: string;
  /** Received on or after this Beijing date. */
  from?: string;
  /** Received on or before this Beijing date. */
  to?: string;
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
  /** Key id of the sealed personal data; null when deleted (withdrawn, purged). */
  kid: string | null;
  purgedAt?: string;
}

export interface RecordDetail extends RecordSummary {
  /** The sealed personal data, exactly as stored; the desk decrypts it. */
  personal: ApplicationRecord['personal'];
}

export function summary(r: ApplicationRecord): RecordSummary {
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
    kid: typeof kid === 'string' ? kid : null,
    ...(r.purgedAt ? { purgedAt: r.purgedAt } : {}),
  };
}

export function detail(r: ApplicationRecord): RecordDetail {
  return { ...summary(r), personal: r.personal };
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
  for (const k of ['from', 'to'] as const) {
    const v = str(k);
    if (!v) continue;
    if (!DATE_PATTERN.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw bad('日期格式应为 2026-11-27');
    f[k] = v;
  }
  return f;
}

export function matches(r: ApplicationRecord, f: Filters, ignoreStatus = false): boolean {
  if (f.formType && r.formType !== f.formType) return false;
  if (!ignoreStatus && f.status && r.status.current !== f.status) return false;
  if (f.town && r.meta.town !== f.town) return false;
  const day = beijingDate(r.createdAt);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}
