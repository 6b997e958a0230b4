/**
 * The form and its zod schema for each kind of request. Kept apart from
 * registry.ts because it pulls in zod and every question: only the form pages'
 * script, the functions and the desk's record view need it.
 */
import type { FieldError, FormDef, FormValues } from '../forms/definitions.ts';
import { consultationRequestForm } from './consultation/form.ts';
import { legalAidRequestForm } from './legal-aid/form.ts';
import { mediationRequestForm } from './mediation/form.ts';
import type { RequestTypeId } from './registry.ts';

/** What the site files a request under, in plaintext: the town and category route it, the phone finds it again. */
export interface Routing {
  /** A towns.json id: where the request is handled. */
  town: string;
  /** One of the kind's category option values. */
  category: string;
  /** The number staff call and the resident uses to look up the status. */
  phone: string;
}

export type ParseResult<Data> = { ok: true; data: Data } | { ok: false; errors: FieldError[] };

export interface RequestForm<Data = Record<string, unknown>> {
  def: FormDef;
  parse(values: FormValues): ParseResult<Data>;
  routing(data: Data): Routing;
}

export const REQUEST_FORMS: Record<RequestTypeId, RequestForm> = {
  'legal-aid': legalAidRequestForm as unknown as RequestForm,
  mediation: mediationRequestForm as unknown as RequestForm,
  consultation: consultationRequestForm as unknown as RequestForm,
};
