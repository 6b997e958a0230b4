/**
 * The form and its zod schema for each kind of request. Kept apart from
 * registry.ts because it pulls in zod and every question: only the functions
 * and the desk's record view need every kind's; a form page loads its own
 * kind's alone (src/components/ApplyForm/kind-form.ts), by the name every
 * kind's form.ts exports its form under: `requestForm`.
 */
import type { FieldError, FormDef, FormValues } from '../forms/definitions.ts';
import { SCHEDULE, type ServiceDayEntry } from '../consult/service-days.ts';
import {
  consultationFormFor,
  consultationRecordDef,
  requestForm as consultationRequestForm,
} from './consultation/form.ts';
import { requestForm as legalAidRequestForm } from './legal-aid/form.ts';
import { requestForm as mediationRequestForm } from './mediation/form.ts';
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

const CONSULTATION_RECORD_DEF = consultationRecordDef(SCHEDULE);

/**
 * The questions a stored request is read with on the desk: as the form, but a
 * 法律咨询 has every published slot (a booked day that has passed keeps its label).
 */
export function recordDef(id: RequestTypeId): FormDef {
  return id === 'consultation' ? CONSULTATION_RECORD_DEF : REQUEST_FORMS[id].def;
}

/** What a form may depend on besides its kind: the published service days and today (Beijing). */
export interface FormContext {
  schedule: readonly ServiceDayEntry[];
  today: string;
}

/**
 * The form a function validates a request with: the 法律咨询 form for this
 * schedule and day (its slots; a worker outlives midnight, so not the one made
 * when the module loaded), every other kind's fixed form.
 */
export function requestForm(id: RequestTypeId, ctx: FormContext): RequestForm {
  if (id !== 'consultation') return REQUEST_FORMS[id];
  return memoForm(ctx) as unknown as RequestForm;
}

const made = new WeakMap<readonly ServiceDayEntry[], { today: string; form: ReturnType<typeof consultationFormFor> }>();

function memoForm(ctx: FormContext) {
  const last = made.get(ctx.schedule);
  if (last && last.today === ctx.today) return last.form;
  const form = consultationFormFor(ctx.schedule, ctx.today);
  made.set(ctx.schedule, { today: ctx.today, form });
  return form;
}
