/**
 * Building blocks shared by the two application schemas. Every builder takes
 * the raw value as a browser sends it (a string, an array of strings for
 * checkbox groups, nothing for an unticked box), cleans it (normalize.ts),
 * and explains in plain Chinese how to fix what is wrong.
 *
 */
import * as z from './zod.ts';
import { checkIdCard, idCardMessage } from './id-card.ts';
import { checkPhone, PHONE_MESSAGES } from './phone.ts';
import { charCount, cleanLine, cleanName, cleanText, compactCode, hasEmoji } from './normalize.ts';
import { readNumber, type NumberReading } from './numbers.ts';
import { numberOutOfRange, numberProblem, phoneDigitsMessage, tooLong, tooShort, type TextLimits } from './wording.ts';
import { TOWN_IDS } from '../towns.ts';
import { allFields, dropIrrelevant, type FieldError, type FormDef, type FormValues } from './definitions.ts';

export * from './definitions.ts';
export { PEOPLE, YUAN } from './numbers.ts';

const asString = (v: unknown): unknown => (v === undefined || v === null ? '' : v);

// ---------------------------------------------------------------- builders

type Check = (value: string) => string | undefined;

function stringField(clean: (s: string) => string, required: string | false, check: Check) {
  return z.pipe(
    z.transform((v: unknown) => {
      const s = asString(v);
      return typeof s === 'string' ? clean(s) : s;
    }),
    z.string({ error: required || '这一项的格式不对，请重新填写' }).check(
      z.superRefine((value, ctx) => {
        if (value === '') {
          if (required) ctx.addIssue({ code: 'custom', message: required });
          return;
        }
        const problem = check(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
  );
}

/** Empty strings of optional fields become undefined in the output. */
const optionalText = (schema: ReturnType<typeof stringField>) =>
  z.pipe(
    schema,
    z.transform((s: string) => (s === '' ? undefined : s)),
  );

// ---------------------------------------------------------------- limits

/**
 * The length limits of each text schema the builders below make, so the hint
 * before a field is generated from the same numbers the schema checks (one
 * source): describeLimits copies them into the form definition.
 */
const LIMITS = new WeakMap<object, TextLimits>();

function withLimits<T extends z.ZodMiniType>(schema: T, limits: TextLimits): T {
  LIMITS.set(schema, limits);
  return schema;
}

/** The length limits a builder gave a schema, if any. */
export function limitsOf(schema: unknown): TextLimits | undefined {
  return typeof schema === 'object' && schema !== null ? LIMITS.get(schema) : undefined;
}

/** The form definition with each text field's limits, read from the schema that checks them. */
export function describeLimits(def: FormDef, schema: { shape: Record<string, unknown> }): FormDef {
  return {
    ...def,
    sections: def.sections.map((s) => ({
      ...s,
      fields: s.fields.map((f) => {
        const limits = limitsOf(schema.shape[f.name]);
        return limits ? { ...f, limits } : f;
      }),
    })),
  };
}

/** A length check shared by the text builders: undefined when the length is right. */
function lengthProblem(label: string, v: string, l: TextLimits, short: (n: number) => string): string | undefined {
  const n = charCount(v);
  if (n < l.min) return short(n);
  if (n > l.max) return tooLong(label, l.max, n);
  return undefined;
}

/** A person's name: 2–30 characters, Chinese characters, letters and the middle dot. */
export function personName(label: string, required = true) {
  return optionalText(
    stringField(cleanName, required ? `请填写${label}` : false, (v) => {
      if (hasEmoji(v)) return `${label}里不能有表情符号，请只填写文字`;
      const bad = [...new Set(v.match(/[^\p{Script=Han}A-Za-z· ]/gu) ?? [])];
      if (bad.length)
        return `${label}只能有汉字、字母和间隔号“·”，“${bad.slice(0, 3).join('”“')}”不能填在这里，请检查有没有多写数字或符号`;
      if (/^·|·$|··/.test(v)) return `间隔号“·”只能写在${label}中间，例如：买买提·艾力`;
      const n = charCount(v);
      if (n < 2) return `${label}至少要有2个字`;
      if (n > 30) return `${label}最多30个字，现在是${n}个字`;
      return undefined;
    }),
  );
}

/** A person or an organisation, as the applicant knows it (“姓王的包工头”, “某某建筑公司”). */
export function partyName(label: string, required = true, max = 60) {
  const limits = { min: 2, max };
  const schema = optionalText(
    stringField(cleanLine, required ? `请填写${label}` : false, (v) => {
      if (hasEmoji(v)) return `${label}里不能有表情符号，请只填写文字`;
      if (/[<>]/.test(v)) return `${label}里不能有“<”或“>”符号，请删掉`;
      return lengthProblem(label, v, limits, () => `${label}至少要有2个字；不知道全名的，可以写“姓王的老板”这样的称呼`);
    }),
  );
  return withLimits(schema, limits);
}

export function idNumber(label = '居民身份证号码', required = true) {
  return optionalText(
    stringField(compactCode, required ? idCardMessage('', 'empty') : false, (v) => {
      const r = checkIdCard(v);
      return r.ok ? undefined : idCardMessage(v, r.problem).replace('身份证号码', label.replace('居民', ''));
    }),
  );
}

/** Mainland mobile, landline with area code, or an overseas number with its country code: 13800138000, 0750-5524538, +14155550123 (src/lib/forms/phone.ts). */
export function phone(required = true) {
  return z.pipe(
    stringField(
      (s) => s.trim(),
      required ? PHONE_MESSAGES.empty : false,
      (v) => {
        const r = checkPhone(v);
        if (r.ok) return undefined;
        // The digit count is added here, not in phone.ts, so the checker's own messages stay as they are.
        return (r.problem === 'invalid' && phoneDigitsMessage(v)) || PHONE_MESSAGES[r.problem];
      },
    ),
    z.transform((v: string) => {
      if (!v) return undefined;
      const r = checkPhone(v);
      return r.ok ? r.value : v;
    }),
  );
}

/** One-line text (address, court name): length limits, no emoji. */
export function line(label: string, min: number, max: number, required = true) {
  const limits = { min, max };
  const schema = optionalText(
    stringField(cleanLine, required ? `请填写${label}` : false, (v) => {
      if (hasEmoji(v)) return `${label}里不能有表情符号，请只填写文字`;
      return lengthProblem(label, v, limits, (n) => `${label}至少要写${min}个字，现在是${n}个字，请写得具体一些`);
    }),
  );
  return withLimits(schema, limits);
}

/** Free text (the facts, what the applicant wants). Emoji are kept: it is the person's own account. */
export function text(label: string, min: number, max: number, required = true) {
  const limits = { min, max };
  const schema = optionalText(
    stringField(cleanText, required ? `请填写${label}` : false, (v) =>
      lengthProblem(label, v, limits, (n) => tooShort(label, min, n)),
    ),
  );
  return withLimits(schema, limits);
}

/** One choice from a fixed list (radios or a select). */
export function choice<const T extends readonly [string, ...string[]]>(values: T, label: string, verb = '请选择') {
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' ? v.trim() : asString(v))),
    z.enum(values, {
      error: (iss) =>
        iss.input === '' || iss.input === undefined ? `${verb}${label}` : `${label}不在可选范围内，请从列表中重新选择`,
    }),
  );
}

/** An optional choice: empty becomes undefined. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)),
    z.optional(z.enum(values, { error: `${label}不在可选范围内，请从列表中重新选择` })),
  );
}

export function town(label = '所在镇（街）') {
  return choice(TOWN_IDS, label);
}

/** A ticked box is sent as “yes” (or “on”, or true in JSON); an unticked one is not sent at all. */
function ticked(v: unknown): boolean {
  return v === true || v === 'yes' || v === 'on' || v === 'true';
}

/** A statement the applicant must agree to (truthfulness pledge, authorisation, voluntariness). */
export function pledge(message: string) {
  return z.pipe(z.transform(ticked), z.literal(true, { error: message }));
}

export function flag() {
  return z.pipe(z.transform(ticked), z.boolean());
}

/** A group of checkboxes, at least one ticked; `none` (都不是) cannot be combined with others. */
export function multi<const T extends readonly [string, ...string[]]>(values: T, label: string, none?: T[number]) {
  return z.pipe(
    z.transform((v: unknown) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v])),
    z.pipe(
      z.array(z.string()).check(
        z.superRefine((arr, ctx) => {
          if (arr.length === 0)
            ctx.addIssue({
              code: 'custom',
              message: `请选择${label}；都不符合的，请选“${none ? '以上都不是' : '其他'}”`,
            });
          else if (arr.some((x) => !(values as readonly string[]).includes(x)))
            ctx.addIssue({ code: 'custom', message: `${label}中有不在可选范围内的选项，请重新选择` });
          else if (none && arr.includes(none) && arr.length > 1)
            ctx.addIssue({ code: 'custom', message: '选了“以上都不是”，就不能再选其他项；请去掉其中一种' });
        }),
      ),
      z.transform((arr: string[]) => [...new Set(arr)] as T[number][]),
    ),
  );
}

/**
 * A whole number as people type it: 3人, 三口人, ３, 一千五, 1500元, 1.5万,
 * 2,500 (numbers.ts reads it, the same way in the browser and the function).
 * Empty is undefined; the message for what cannot be read quotes it.
 */
export function wholeNumber(label: string, min: number, max: number, reading: NumberReading) {
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'number' ? String(v) : asString(v))),
    z.pipe(
      z.string({ error: `${label}请填写数字` }),
      z.transform((typed: string, ctx) => {
        const r = readNumber(typed, reading);
        if (r.ok && r.value >= min && r.value <= max) return r.value;
        if (!r.ok && r.problem === 'empty') return undefined;
        const message = r.ok
          ? numberOutOfRange(label, typed, r.value, { min, max }, reading)
          : numberProblem(label, typed, r.problem, reading);
        ctx.issues.push({ code: 'custom', message, input: typed });
        return z.NEVER;
      }),
    ),
  );
}

/** Adds “required” issues for conditional fields whose condition holds. */
export function requireWhen(
  values: Record<string, unknown>,
  ctx: z.core.$RefinementCtx,
  field: string,
  cond: boolean,
  message: string,
): void {
  const v = values[field];
  if (cond && (v === undefined || v === '' || v === null)) ctx.addIssue({ code: 'custom', path: [field], message });
}

// ---------------------------------------------------------------- errors

/** Zod issues → one message per field, in the order the fields appear on the form. */
export function fieldErrors(def: FormDef, issues: readonly { path: PropertyKey[]; message: string }[]): FieldError[] {
  const order = allFields(def).map((f) => f.name);
  const seen = new Map<string, string>();
  for (const i of issues) {
    const field = String(i.path[0] ?? '');
    if (!seen.has(field)) seen.set(field, i.message);
  }
  return [...seen.entries()]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => (order.indexOf(a.field) >>> 0) - (order.indexOf(b.field) >>> 0));
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** A form's validation entry point: the same call in the browser and in the function. */
export function parseForm<T>(def: FormDef, schema: z.ZodMiniType<T>, values: FormValues): ParseResult<T> {
  const r = schema.safeParse(dropIrrelevant(def, values));
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrors(def, r.error.issues) };
}

export { cleanLine };
