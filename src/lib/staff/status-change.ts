/**
 * Changing an application's status at the staff desk: which statuses staff
 * may set, the note the applicant will read, and the checks on it. Used by the
 * desk (to tell staff at once) and by the function (the authority).
 *
 * The note is shown to the applicant on /apply/status/ and stored in plain
 * text (the status history is not encrypted: the applicant must be able to
 * read it with receipt + phone). So it must never contain personal details,
 * by design: the desk says so next to the box, and the function refuses text
 * that looks like an identity number or a phone number other than the
 * bureau's published ones.
 */
import type { ApplicationRecord } from '../requests/record.ts';
import { REQUEST_TYPES } from '../requests/registry.ts';
import type { Status } from '../requests/status.ts';
import { BUREAU } from '../site.ts';

/**
 * Every status staff may set on some kind of request (each kind lists its own:
 * RequestType.staffStatuses). 已收到 is set on submission, 已撤回 only by the applicant.
 */
export const STAFF_STATUSES: readonly Status[] = [...new Set(REQUEST_TYPES.flatMap((t) => t.staffStatuses))];

export const NOTE_MAX = 500;
export const MATERIAL_MAX = 100;
export const MATERIALS_MAX = 20;

export interface StatusChangeInput {
  status: string;
  note?: string;
  materials?: string[];
}

export interface StatusChangeError {
  field: 'status' | 'note' | 'materials';
  message: string;
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const FIXED = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const ALLOWED_NUMBERS = new Set([BUREAU.phone.replace(/\D/g, '')]);

/** Does this text look like it contains an identity number or someone's phone number? */
export function looksPersonal(text: string): boolean {
  const half = text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const compact = half.replace(/[\s\u3000-]/g, '');
  if (/\d{17}[\dXx]|(?<!\d)\d{15}(?!\d)/.test(compact)) return true;
  if (MOBILE.test(compact)) return true;
  for (const m of half.replace(/[\s\u3000]/g, '').matchAll(FIXED))
    if (!ALLOWED_NUMBERS.has(m[0].replace(/\D/g, ''))) return true;
  return false;
}

const PERSONAL_MESSAGE =
  '这段文字好像含有身份证号码或电话号码。申请人会在查询页面看到它，而且它不加密保存：请删去个人信息，只写办理上的说明。';

/** Checks a status change; on success returns the note exactly as the applicant will read it. */
export function checkStatusChange(
  input: StatusChangeInput,
  allowed: readonly Status[] = STAFF_STATUSES,
): { ok: true; status: Status; note: string } | { ok: false; errors: StatusChangeError[] } {
  const errors: StatusChangeError[] = [];
  const status = allowed.find((s) => s === input.status);
  if (!status) errors.push({ field: 'status', message: '请选择新的状态' });
  const note = (input.note ?? '').replace(/\r\n?/g, '\n').trim();
  const materials = (input.materials ?? []).map((m) => m.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (status === '需补充材料' && materials.length === 0)
    errors.push({
      field: 'materials',
      message: '请列出需要补充的全部材料：依照《中华人民共和国法律援助法》第四十三条，要一次性告知申请人',
    });
  if (status !== '需补充材料' && materials.length > 0)
    errors.push({ field: 'materials', message: '只有“需补充材料”才列材料；请清空材料，或者选择“需补充材料”' });
  if (materials.length > MATERIALS_MAX) errors.push({ field: 'materials', message: `材料最多列${MATERIALS_MAX}项` });
  if (materials.some((m) => m.length > MATERIAL_MAX))
    errors.push({ field: 'materials', message: `每项材料不超过${MATERIAL_MAX}个字` });
  if (materials.some(looksPersonal)) errors.push({ field: 'materials', message: PERSONAL_MESSAGE });
  if (status === '不予受理' && !note)
    errors.push({
      field: 'note',
      message: '请写明不予受理的理由：申请人会在查询页面看到（《中华人民共和国法律援助法》第四十三条要求说明理由）',
    });
  if ([...note].length > NOTE_MAX) errors.push({ field: 'note', message: `说明不超过${NOTE_MAX}个字` });
  if (note && looksPersonal(note)) errors.push({ field: 'note', message: PERSONAL_MESSAGE });
  if (errors.length || !status) return { ok: false, errors };
  const list = materials.length
    ? `请一次性补充以下材料：\n${materials.map((m, i) => `${i + 1}. ${m}`).join('\n')}`
    : '';
  return { ok: true, status, note: [list, note].filter(Boolean).join('\n') };
}

/** Why this record's status cannot be changed, or null when it can. */
export function cannotChange(r: Pick<ApplicationRecord, 'status' | 'purgedAt'>): string | null {
  if (r.status.current === '已撤回') return '申请人已经撤回这份申请，不能再更改状态。';
  if (r.purgedAt) return '这份申请的个人信息已经按保存期限删除，不能再更改状态。';
  return null;
}
