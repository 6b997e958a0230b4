/**
 * The audit trail: who did what, when, to which application. Append-only:
 *  - every entry is a new blob under a key made here from the time and 64
 *    random bits, written with onlyIfNew, so an entry is never overwritten;
 *  - no endpoint edits or deletes entries (the staff API has no such route,
 *    and the store interface has no such method);
 *  - each entry carries an HMAC (server secret) over its content, so an entry
 *    changed directly in the store shows as “校验不符” on the desk.
 * Entries hold no applicant's personal data: receipts, towns, form types,
 * statuses, staff names, and for failed sign-ins an HMAC of the address.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../applications/keys.ts';
import { beijingDate } from './deadline.ts';
import type { StaffMember } from './tokens.ts';

export const AUDIT_ACTIONS = ['sign-in', 'sign-in-failed', 'lockout', 'list', 'read', 'status-change', 'export', 'audit-view', 'retention'] as const;
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
  retention: '到期删除个人信息',
};

export interface AuditEntry {
  /** The storage key below entries/: "<Beijing date>/<ISO time>-<16 hex>". */
  id: string;
  at: string;
  /** Staff name; null for failed sign-ins; "system" for the retention job. */
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

function macOf(secret: string, e: Omit<AuditEntry, 'mac'>): string {
  return createHmac('sha256', secret).update(`audit\u0000${canonicalJson(e)}`).digest('hex');
}

export function newAuditEntry(secret: string, input: AuditInput, now: Date): AuditEntry {
  const at = now.toISOString();
  const id = `${beijingDate(now)}/${at}-${randomBytes(8).toString('hex')}`;
  const body: Omit<AuditEntry, 'mac'> = { id, at, ...input };
  return { ...body, mac: macOf(secret, body) };
}

export function auditKey(id: string): string {
  return `entries/${id}`;
}

/** Was this entry written by the functions, unchanged since? */
export function verifyAuditEntry(secret: string, e: AuditEntry): boolean {
  const { mac, ...body } = e;
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(macOf(secret, body), 'hex'));
}

/** City-wide staff see every entry; others see entries about their towns and their own actions. */
export function auditVisible(member: StaffMember, e: AuditEntry): boolean {
  if (member.cityWide) return true;
  if (e.actor === member.name) return true;
  return !!e.town && member.towns.includes(e.town);
}
