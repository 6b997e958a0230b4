/**
 * Compares a Decap CMS collection's fields with a zod schema and lists every
 * difference an editor would trip over: a field one side lacks, a required
 * flag that differs, select options that differ from the enum, a list minimum,
 * a length limit or a pattern the CMS pattern does not express the same way,
 * or a number's range.
 * The schema is read through zod's JSON Schema export (z.toJSONSchema), with
 * dates marked format: date.
 */
import { z } from 'astro/zod';

export interface CmsField {
  name: string;
  label?: string;
  widget: string;
  required?: boolean;
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: string;
  default?: unknown;
  options?: (string | { label: string; value: string })[];
  pattern?: [string, string];
  fields?: CmsField[];
  field?: CmsField;
  format?: string;
}

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  default?: unknown;
}

/** The schema as JSON Schema, as an editor's input sees it (defaults make a field optional). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === 'date')
        ctx.jsonSchema.format = 'date';
    },
  }) as JsonSchema;
}

function optionValues(f: CmsField): string[] {
  return (f.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
}

/** Reads {min,max} from a pattern like ^.{6,40}$ or ^[\s\S]{30,160}$; undefined if it has none. */
export function lengthFromPattern(pattern: string | undefined): { min?: number; max?: number } | undefined {
  const m = pattern?.match(/^\^(?:\.|\[\\s\\S\])\{(\d+),(\d*)\}\$$/);
  if (!m) return undefined;
  return { min: Number(m[1]), max: m[2] ? Number(m[2]) : undefined };
}

/**
 * The CMS pattern for a schema string with a length limit and a pattern:
 * a lookahead for the length, then the schema's pattern, e.g.
 * ^(?=.{3,30}$).*(?:局|处)$ for minLength 3, maxLength 30, pattern (?:局|处)$.
 */
export function lengthAndPattern(min: number, max: number | undefined, pattern: string): string {
  return `^(?=.{${min},${max ?? ''}}$)${pattern.startsWith('^') ? pattern.slice(1) : `.*${pattern}`}`;
}

function compareString(path: string, f: CmsField, s: JsonSchema, out: string[]): void {
  if (s.format === 'uri') {
    if (!f.pattern || !f.pattern[0].startsWith('^https?://'))
      out.push(`${path}：schema 要求网址，CMS 应该用 ^https?:// 开头的 pattern 检查`);
    return;
  }
  if (s.pattern) {
    const want =
      s.minLength === undefined && s.maxLength === undefined
        ? s.pattern
        : lengthAndPattern(s.minLength ?? 0, s.maxLength, s.pattern);
    if (f.pattern?.[0] !== want) out.push(`${path}：规则不一致：CMS 的 pattern 应写成 ${want}`);
    return;
  }
  if (s.minLength === undefined && s.maxLength === undefined) return;
  const len = lengthFromPattern(f.pattern?.[0]);
  const wantMin = s.minLength ?? 0;
  if (!len) {
    out.push(
      `${path}：schema 限制了字数（${s.minLength ?? 0}–${s.maxLength ?? '不限'}），CMS 的 pattern 应写成 ^.{${wantMin},${s.maxLength ?? ''}}$`,
    );
    return;
  }
  if ((len.min ?? 0) !== wantMin || len.max !== s.maxLength) {
    out.push(
      `${path}：字数限制不一致：schema ${wantMin}–${s.maxLength ?? '不限'}，CMS ${len.min}–${len.max ?? '不限'}`,
    );
  }
}

/**
 * `insideOptional`: the field belongs to an optional object. Decap checks the
 * fields of an object even when the object is left empty, so there a field
 * the schema requires may be optional in the CMS (the schema still requires
 * it whenever the object is given). The reverse is still a difference.
 */
function compareField(
  path: string,
  f: CmsField,
  s: JsonSchema,
  required: boolean,
  out: string[],
  insideOptional = false,
): void {
  const cmsRequired = f.required !== false;
  if (cmsRequired !== required && !(insideOptional && required && !cmsRequired)) {
    out.push(`${path}：schema ${required ? '必填' : '可不填'}，CMS ${cmsRequired ? '必填' : '可不填'}`);
  }

  if (s.format === 'date') {
    if (f.widget !== 'datetime' || f.format !== 'YYYY-MM-DD')
      out.push(`${path}：schema 是日期，CMS 应该用 datetime 组件，format: YYYY-MM-DD`);
    return;
  }
  if (s.anyOf) {
    // e.g. article: a number or text ("42之一"); the CMS writes text, which the schema accepts.
    const str = s.anyOf.find((x) => x.type === 'string');
    if (!str) out.push(`${path}：schema 不接受文字，CMS 却用 ${f.widget}`);
    else if (f.widget !== 'string') out.push(`${path}：schema 接受文字，CMS 应该用 string 组件`);
    return;
  }
  switch (s.type) {
    case 'string':
      if (s.enum) {
        if (f.widget !== 'select' || f.multiple)
          out.push(`${path}：schema 是单选（${s.enum.join('、')}），CMS 应该用 select 组件`);
        else if (JSON.stringify(optionValues(f)) !== JSON.stringify(s.enum)) {
          out.push(`${path}：选项不一致：schema [${s.enum.join('、')}]，CMS [${optionValues(f).join('、')}]`);
        }
        return;
      }
      if (!['string', 'text', 'select'].includes(f.widget))
        out.push(`${path}：schema 是文字，CMS 却用 ${f.widget} 组件`);
      if (f.widget !== 'select') compareString(path, f, s, out);
      return;
    case 'integer':
    case 'number':
      if (f.widget !== 'number') out.push(`${path}：schema 是数字，CMS 应该用 number 组件`);
      if (s.type === 'integer' && f.value_type !== 'int') out.push(`${path}：schema 是整数，CMS 应设 value_type: int`);
      if (s.minimum !== f.min || s.maximum !== f.max)
        out.push(
          `${path}：数值范围不一致：schema ${s.minimum ?? '不限'}–${s.maximum ?? '不限'}，CMS ${f.min ?? '不限'}–${f.max ?? '不限'}`,
        );
      return;
    case 'boolean':
      if (f.widget !== 'boolean') out.push(`${path}：schema 是是/否，CMS 应该用 boolean 组件`);
      if (s.default !== undefined && f.default !== s.default)
        out.push(`${path}：默认值不一致：schema ${String(s.default)}，CMS ${String(f.default)}`);
      return;
    case 'object':
      if (f.widget !== 'object' || !f.fields) {
        out.push(`${path}：schema 是一组字段，CMS 应该用 object 组件`);
        return;
      }
      out.push(...compareFields(path, f.fields, s, [], !required));
      return;
    case 'array': {
      const items = s.items ?? {};
      if ((s.minItems ?? 0) !== (f.min ?? 0))
        out.push(`${path}：最少条数不一致：schema ${s.minItems ?? 0}，CMS ${f.min ?? 0}`);
      if (s.maxItems !== f.max)
        out.push(`${path}：最多条数不一致：schema ${s.maxItems ?? '不限'}，CMS ${f.max ?? '不限'}`);
      if (items.type === 'string' && items.enum) {
        if (f.widget !== 'select' || !f.multiple)
          out.push(`${path}：schema 是多选，CMS 应该用 select 组件并设 multiple: true`);
        else if (JSON.stringify(optionValues(f)) !== JSON.stringify(items.enum)) {
          out.push(`${path}：选项不一致：schema [${items.enum.join('、')}]，CMS [${optionValues(f).join('、')}]`);
        }
      } else if (items.type === 'object') {
        if (f.widget !== 'list' || !f.fields) out.push(`${path}：schema 是一组条目，CMS 应该用 list 组件和 fields`);
        else out.push(...compareFields(path, f.fields, items));
      } else if (items.type === 'string') {
        if (f.widget !== 'list' || !f.field) out.push(`${path}：schema 是一串文字，CMS 应该用 list 组件和 field`);
        else compareField(`${path}[]`, f.field, items, true, out);
      } else {
        out.push(`${path}：不认识的数组类型`);
      }
      return;
    }
    default:
      out.push(`${path}：不认识的 schema 类型 ${s.type}`);
  }
}

/** Every difference between a CMS `fields` list and an object schema. `extra` names CMS-only fields (body). */
export function compareFields(
  prefix: string,
  fields: CmsField[],
  schema: JsonSchema,
  extra: string[] = [],
  insideOptional = false,
): string[] {
  const out: string[] = [];
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  for (const name of Object.keys(props)) {
    if (!fields.some((f) => f.name === name)) out.push(`${at(name)}：schema 有这个字段，CMS 配置里没有`);
  }
  for (const f of fields) {
    if (extra.includes(f.name)) continue;
    const s = props[f.name];
    if (!s) {
      out.push(`${at(f.name)}：CMS 配置里有这个字段，schema 里没有`);
      continue;
    }
    compareField(at(f.name), f, s, required.has(f.name), out, insideOptional);
  }
  return out;
}
