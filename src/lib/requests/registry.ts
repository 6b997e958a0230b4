/**
 * Every kind of request the site takes, listed once. Add a kind here (its
 * folder holds the RequestType, see types.ts) and its form in forms.ts;
 * tests/unit/requests.test.ts then names whatever else it still lacks (a start
 * page, a route, labels, categories).
 */
import { consultation } from './consultation/index.ts';
import { legalAid } from './legal-aid/index.ts';
import { mediation } from './mediation/index.ts';
import type { RequestType } from './types.ts';

const TYPES = [legalAid, mediation, consultation] as const satisfies readonly RequestType[];

export type RequestTypeId = (typeof TYPES)[number]['id'];

export const REQUEST_TYPES: readonly RequestType<RequestTypeId>[] = TYPES;

export const REQUEST_TYPE_IDS: readonly RequestTypeId[] = REQUEST_TYPES.map((t) => t.id);

const BY_ID = new Map<string, RequestType<RequestTypeId>>(REQUEST_TYPES.map((t) => [t.id, t]));

export function isRequestTypeId(id: unknown): id is RequestTypeId {
  return typeof id === 'string' && BY_ID.has(id);
}

export function requestType(id: RequestTypeId): RequestType<RequestTypeId> {
  return BY_ID.get(id)!;
}

/** The kind a receipt number belongs to, by its two-letter prefix. */
export function requestTypeByPrefix(prefix: string): RequestType<RequestTypeId> | undefined {
  return REQUEST_TYPES.find((t) => t.receiptPrefix === prefix);
}

/** The plain-words label of a stored category value (事情类别), or the value itself if unknown. */
export function categoryLabel(id: RequestTypeId, category: string): string {
  return requestType(id).category.options.find((o) => o.value === category)?.label ?? category;
}
