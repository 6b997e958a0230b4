/**
 * Words for the staff desk and its CSV export: a decrypted application as
 * label/value rows (in the order of the form, with the labels the applicant
 * saw), and the export file. Pure: the desk script and the unit tests use the
 * same code. Imports every kind's form definition (which sits beside its zod
 * schema), so the desk loads this module when it first opens a record or
 * exports, not with the list (the labels the list needs: desk-labels.ts).
 */
import { allFields, optionLabel, type FieldDef } from '../forms/definitions.ts';
import { recordDef } from '../requests/forms.ts';
import type { PersonalData } from '../requests/record.ts';
import { REQUEST_TYPES, requestType, type RequestTypeId } from '../requests/registry.ts';
import { categoryLabel, langLabel, townLabel } from './desk-labels.ts';
import { BEIJING_ZONE, CALLBACK_WINDOWS } from '../forms/callback.ts';
import { beijingDateTime, callbackInBeijing, CALLBACK_ZONES, zoneDate } from '../time.ts';
import { toCsv } from './csv.ts';
import { deadlineWords } from './deadline.ts';
import type { RecordSummary } from './records.ts';

export { categoryLabel, langLabel, townLabel };

/**
 * A call-back time for staff, in Beijing time, with the caller's own words:
 * “北京时间 08:00–11:00（对方当地 19:00–22:00，美国东部（纽约））”. The hours
 * are converted on the caller's calendar day of `at` (when they applied), so
 * the zone's summer time then applies (callbackInBeijing, through Intl).
 */
export function callbackWords(zone: unknown, window: unknown, at: Date | string = new Date()): string {
  const w = CALLBACK_WINDOWS.find((x) => x.value === window);
  if (!w) return '';
  const z = CALLBACK_ZONES.find((x) => x.zone === (zone || BEIJING_ZONE));
  if (!z) return '';
  const day = zoneDate(z.zone, at);
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const from = callbackInBeijing(`${day}T${hh(w.from)}`, z.zone);
  const to = callbackInBeijing(`${day}T${hh(w.to)}`, z.zone);
  if (!from || !to) return '';
  const [fromDay, fromTime] = from.beijing.split(' ');
  const [toDay, toTime] = to.beijing.split(' ');
  // A window that ends at Beijing midnight ends at 24:00, not 次日00:00.
  const end = toDay === fromDay ? toTime : toTime === '00:00' ? '24:00' : `次日${toTime}`;
  const beijing = `北京时间 ${fromTime}–${end}`;
  return z.zone === BEIJING_ZONE ? beijing : `${beijing}（对方当地 ${hh(w.from)}–${hh(w.to)}，${z.label}）`;
}

function valueText(f: FieldDef, v: unknown, data: PersonalData = {}, at?: Date | string): string {
  if (f.name === 'callbackWindow') return callbackWords(data.callbackZone, v, at);
  if (v === undefined || v === null || v === '') return '';
  if (f.kind === 'checkbox') return v === true || v === 'yes' ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => optionLabel(f, String(x))).join('、');
  if (f.kind === 'radios' || f.kind === 'select') return optionLabel(f, String(v));
  return `${String(v)}${f.suffix && typeof v === 'number' ? ` ${f.suffix}` : ''}`;
}

export interface PersonalRow {
  name: string;
  label: string;
  value: string;
}

/**
 * A decrypted application as rows, in the form's order; fields the applicant
 * left empty are skipped. `at`: when it was submitted (call-back times).
 */
export function personalRows(formType: RequestTypeId, data: PersonalData, at?: Date | string): PersonalRow[] {
  return allFields(recordDef(formType))
    .map((f) => ({ name: f.name, label: f.short ?? f.label, value: valueText(f, data[f.name], data, at) }))
    .filter((r) => r.value !== '');
}

export interface ExportItem {
  summary: RecordSummary;
  /** Decrypted personal data, or null with the reason in `problem`. */
  data: PersonalData | null;
  problem?: string;
}

/**
 * The CSV of an export: one row per application, the plaintext columns first,
 * then every question of each form type present (labelled with the form type
 * when both are present), values as the applicant chose them.
 */
export function exportCsv(items: readonly ExportItem[], now: Date, withPersonal = true): string {
  const types = withPersonal
    ? REQUEST_TYPES.map((t) => t.id).filter((t) => items.some((i) => i.summary.formType === t))
    : [];
  const columns = types.flatMap((t) =>
    allFields(recordDef(t)).map((f) => ({
      type: t,
      f,
      label: types.length > 1 ? `${requestType(t).labels.name}：${f.short ?? f.label}` : (f.short ?? f.label),
    })),
  );
  const header = [
    '回执号',
    '申请类型',
    '镇（街）',
    '类别',
    '填写用字',
    '提交时间（北京时间）',
    '当前状态',
    '最近更新（北京时间）',
    '决定期限',
    '个人信息',
    ...columns.map((c) => c.label),
  ];
  const rows = items.map(({ summary: s, data, problem }) => [
    s.receipt,
    requestType(s.formType).labels.name,
    townLabel(s.town),
    categoryLabel(s.formType, s.category),
    langLabel(s.lang),
    beijingDateTime(s.createdAt),
    s.status,
    beijingDateTime(s.updatedAt),
    deadlineWords(s, now).text,
    data ? '已解密' : (problem ?? ''),
    ...columns.map((c) => (data && c.type === s.formType ? valueText(c.f, data[c.f.name], data, s.createdAt) : '')),
  ]);
  return toCsv(header, rows);
}

/** “申请导出-20261127-1403.csv” */
export function exportFileName(now: Date): string {
  return `申请导出-${beijingDateTime(now).replace(/[-:]/g, '').replace(' ', '-')}.csv`;
}
