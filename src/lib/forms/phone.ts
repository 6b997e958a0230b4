/**
 * Mainland phone numbers: mobiles (11 digits, 13x–19x) and landlines with
 * their area code (010, 02x + 8 digits; 0xxx + 7 or 8 digits, e.g. 0750-5524538).
 * A landline without its area code is refused with a hint: staff may be calling
 * from another city's exchange, and 台山's own code is easy to forget.
 */
import { compactCode } from './normalize.ts';
import { BUREAU } from '../site.ts';

export type PhoneProblem = 'empty' | 'characters' | 'noAreaCode' | 'invalid';

export type PhoneResult =
  { ok: true; kind: 'mobile' | 'landline'; value: string; digits: string } | { ok: false; problem: PhoneProblem };

export const PHONE_MESSAGES: Record<PhoneProblem, string> = {
  empty: '请填写联系电话，方便工作人员联系您',
  characters: '电话号码只能填数字，可以用空格或短横线分隔',
  noAreaCode: `固定电话请加上区号，例如 ${BUREAU.phone}`,
  invalid: `请填写11位手机号码，或者带区号的固定电话（例如 ${BUREAU.phone}）`,
};

export function checkPhone(input: string): PhoneResult {
  let v = compactCode(input);
  if (!v) return { ok: false, problem: 'empty' };
  if (v.startsWith('+')) v = v.slice(1);
  if (!/^\d+$/.test(v)) return { ok: false, problem: 'characters' };
  const mobile = v.match(/^(?:0086|86)?(1[3-9]\d{9})$/);
  if (mobile) return { ok: true, kind: 'mobile', value: mobile[1]!, digits: mobile[1]! };
  const national = v.replace(/^(?:0086|86)(?=[1-9])/, '0');
  const land = national.match(/^(010|02\d)(\d{8})$/) ?? national.match(/^(0[3-9]\d{2})([2-9]\d{6,7})$/);
  if (land) return { ok: true, kind: 'landline', value: `${land[1]}-${land[2]}`, digits: land[1]! + land[2]! };
  if (/^[2-9]\d{6,7}$/.test(v)) return { ok: false, problem: 'noAreaCode' };
  return { ok: false, problem: 'invalid' };
}
