/**
 * An audit-trail entry and the names of the actions it records: shared by the
 * functions (audit.ts, which also signs and checks entries with node:crypto)
 * and the staff desk's browser script (desk.ts), which only shows them.
 */

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'lockout',
  'list',
  'read',
  'status-change',
  'export',
  'audit-view',
  'retention-start',
  'retention',
  'answer',
  'read-answer',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  lockout: '锁定',
  list: '查看列表',
  read: '查看申请',
  'status-change': '更改状态',
  export: '导出',
  'audit-view': '查看操作记录',
  'retention-start': '准备到期删除',
  retention: '到期删除个人信息',
  answer: '答复咨询',
  'read-answer': '查看答复和评价',
};

export interface AuditEntry {
  /** Unique and sortable: "<Beijing date>/<ISO time>-<16 hex>". */
  id: string;
  at: string;
  /** Staff name; null for failed sign-ins; "system" for scheduled jobs. */
  actor: string | null;
  action: AuditAction;
  receipt?: string;
  /** Export: every receipt in the file. */
  receipts?: string[];
  /** The record's town (who may see this entry). */
  town?: string;
  /** Short facts: filters, counts, from/to status, HMAC of the address. Never personal data. */
  detail?: Record<string, string | number>;
  mac: string;
}

export type AuditInput = Omit<AuditEntry, 'id' | 'at' | 'mac'>;
