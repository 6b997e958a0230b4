/**
 * The desk's filter fields (申请列表, 操作记录), one definition each: the
 * page renders them with FilterFields.astro, the scripts find them by id
 * (desk.ts, queue.ts) and read them by name (the list query, the audit query).
 * Options come from the modules that own them: the request kinds
 * (registry.ts), the statuses, the towns.
 */
import { REQUEST_TYPES } from '../../lib/requests/registry.ts';
import { STATUSES } from '../../lib/requests/status.ts';
import { DUE_SOON_DAYS } from '../../lib/staff/deadline.ts';
import { TOWNS } from '../../lib/towns.ts';

interface FieldBase {
  id: string;
  name: string;
  label: string;
}
export interface SelectFilter extends FieldBase {
  /** The first option's words when choosing it means no filter (its value is ''). */
  any?: string;
  options: readonly { value: string; label: string }[];
}
export interface InputFilter extends FieldBase {
  /** A text box is wide (a receipt number) and never offers what was typed before (another resident's). */
  type: 'date' | 'text';
}
export type FilterField = SelectFilter | InputFilter;

/** The list's filters, in the order they appear. */
export const LIST_FILTERS: readonly FilterField[] = [
  {
    id: 'desk-f-type',
    name: 'formType',
    label: '申请类型',
    any: '全部',
    options: REQUEST_TYPES.map((t) => ({ value: t.id, label: t.labels.name })),
  },
  {
    id: 'desk-f-status',
    name: 'status',
    label: '状态',
    any: '全部',
    options: STATUSES.map((s) => ({ value: s, label: s })),
  },
  {
    id: 'desk-f-due',
    name: 'due',
    label: '决定期限',
    any: '全部',
    options: [
      { value: 'overdue', label: '已超期' },
      { value: 'soon', label: `${DUE_SOON_DAYS}天内到期` },
    ],
  },
  {
    id: 'desk-f-town',
    name: 'town',
    label: '镇（街）',
    any: '我负责的全部',
    options: TOWNS.map((t) => ({ value: t.id, label: t.name })),
  },
  { id: 'desk-f-from', name: 'from', label: '提交日期从', type: 'date' },
  { id: 'desk-f-to', name: 'to', label: '到', type: 'date' },
  {
    id: 'desk-f-sort',
    name: 'sort',
    label: '排列顺序',
    options: [
      { value: 'due', label: '按决定期限（超期、快到期的在前）' },
      { value: 'newest', label: '最新提交的在前' },
    ],
  },
];

/** The audit trail's filters. */
export const AUDIT_FILTERS: readonly FilterField[] = [
  { id: 'desk-a-from', name: 'from', label: '日期从', type: 'date' },
  { id: 'desk-a-to', name: 'to', label: '到', type: 'date' },
  { id: 'desk-a-receipt', name: 'receipt', label: '回执号（可不填）', type: 'text' },
];
