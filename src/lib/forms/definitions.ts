/**
 * Form definitions: labels, hints, options and conditions of each question,
 * which the renderer (render.ts) turns into HTML. No zod here, so pages that
 * only render (the status page) do not download the validation library.
 */
import { TOWNS } from '../towns.ts';
import type { RequestTypeId } from '../requests/registry.ts';
import type { TextLimits } from './wording.ts';

// ---------------------------------------------------------------- definitions

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export type FieldKind = 'text' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'checkbox';

export interface Condition {
  field: string;
  values: string[];
}

export interface FieldDef {
  name: string;
  kind: FieldKind;
  /** The question or label, as shown above the control. */
  label: string;
  /** Shorter name for the error summary and the check-your-answers list. */
  short?: string;
  hint?: string;
  options?: Option[];
  /** Never required: shown as （选填）. */
  optional?: boolean;
  /**
   * When a field is needed, if not always, in the reader's words: “替家人申请的可以不填”.
   * Shown after the label instead of （选填）, for fields the schema requires in
   * some cases (usually the common one) and not in others.
   */
  need?: string;
  /**
   * Shown only when another field (radios or a select) has one of these values: by the form's script,
   * and by CSS before it runs and without JavaScript (conditional-css.ts); by all where :has() is missing.
   */
  showIf?: Condition;
  inputmode?: 'numeric' | 'tel' | 'text';
  autocomplete?: string;
  /** CSS width class of text inputs: a 4-digit field should look like one. */
  width?: 'xs' | 's' | 'm' | 'l';
  /**
   * Length limits in characters, read from the field's schema (describeLimits in
   * fields.ts), never written here: the hint says them, a textarea counts to the maximum.
   */
  limits?: TextLimits;
  rows?: number;
  /** A select's value before the reader chooses (北京时间): no 请选择 then. */
  initial?: string;
  /** Text after the input, e.g. 元. */
  suffix?: string;
}

export interface SectionDef {
  id: string;
  title: string;
  intro?: string;
  showIf?: Condition;
  fields: FieldDef[];
}

export interface FormDef {
  type: RequestTypeId;
  /** 法律援助申请 */
  title: string;
  /** The function that receives the form: /api/legal-aid. */
  action: string;
  sections: SectionDef[];
}

export function allFields(def: FormDef): FieldDef[] {
  return def.sections.flatMap((s) => s.fields.map((f) => (s.showIf && !f.showIf ? { ...f, showIf: s.showIf } : f)));
}

export function fieldByName(def: FormDef, name: string): FieldDef | undefined {
  return allFields(def).find((f) => f.name === name);
}

export function optionLabel(field: FieldDef, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

/** Is a conditional field or section relevant for these values? */
export function conditionHolds(cond: Condition | undefined, values: FormValues): boolean {
  if (!cond) return true;
  const v = values[cond.field];
  return typeof v === 'string' && cond.values.includes(v);
}

export const TOWN_OPTIONS: Option[] = TOWNS.map((t) => ({ value: t.id, label: t.name }));

// ---------------------------------------------------------------- raw values

/** A form as the browser sends it: field name → string, or strings for checkbox groups. */
export type FormValues = Record<string, string | string[] | undefined>;

/**
 * Name/value pairs (URLSearchParams, FormData) as FormValues: a repeated name
 * becomes a list (checkbox groups). Linear in the number of pairs, and the
 * result has no prototype, so a field named `__proto__` is just a field.
 */
export function collectValues(
  pairs: Iterable<[string, unknown]>,
  keep: (name: string) => boolean = () => true,
): FormValues {
  const out = Object.create(null) as FormValues;
  for (const [k, v] of pairs) {
    if (typeof v !== 'string' || !keep(k)) continue;
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[k] = [prev, v];
  }
  return out;
}

/** Drops fields whose condition does not hold, so a hidden section never produces errors or data. */
export function dropIrrelevant(def: FormDef, values: FormValues): FormValues {
  const out: FormValues = { ...values };
  for (const f of allFields(def)) if (!conditionHolds(f.showIf, values)) delete out[f.name];
  return out;
}

export interface FieldError {
  field: string;
  message: string;
}
