/**
 * Phone numbers, the one parser every form, the status lookup and the
 * phone hash use:
 *  - mainland mobiles (11 digits, 13x–19x) and landlines with their area code
 *    (010, 02x + 8 digits; 0xxx + 7 or 8 digits, e.g. 0750-5524538); +86 / 0086
 *    in front is the same number;
 *  - overseas numbers with their country code, as people abroad write them
 *    (E.164, at most 15 digits): “+1 415 555 0123”, “001-415-555-0123”,
 *    “(852) 9123 4567”, “+44 20 7946 0000”, and for Hong Kong, Macao,
 *    Singapore, the UK, Australia and Taiwan also without + when the digits
 *    can only be that country's (“852 9123 4567”).
 * However it is typed, one number gives one `value` (what staff read:
 * 13800138000, 0750-5524538, +14155550123) and one `digits` (what the status
 * lookup hashes: mainland numbers as before, overseas ones with “+” so they
 * can never equal a mainland number).
 * A landline without its area code is refused with a hint: staff may be calling
 * from another city's exchange, and 台山's own code is easy to forget.
 */
import { compactCode } from './normalize.ts';
import { BUREAU } from '../site.ts';

export type PhoneProblem = 'empty' | 'characters' | 'noAreaCode' | 'invalid';

export type PhoneResult =
  | { ok: true; kind: 'mobile' | 'landline' | 'international'; value: string; digits: string }
  | { ok: false; problem: PhoneProblem };

export const PHONE_MESSAGES: Record<PhoneProblem, string> = {
  empty: '请填写联系电话，方便工作人员联系您',
  characters: '电话号码只能填数字，可以用空格、短横线或括号分隔，国外号码前面可以加“+”',
  noAreaCode: `固定电话请加上区号，例如 ${BUREAU.phone}`,
  invalid: `请填写11位手机号码、带区号的固定电话（例如 ${BUREAU.phone}），或者带国家/地区代码的海外号码（例如 +1 415 555 0123）`,
};

/**
 * Overseas numbers recognised without + or 00: country code → length of the
 * national number. Only codes whose numbers cannot be read as a mainland
 * number (a mainland mobile starts with 1, a landline with 0).
 */
const BARE: Record<string, readonly number[]> = {
  '852': [8],
  '853': [8],
  '65': [8],
  '44': [10],
  '61': [9],
  '886': [9],
};

function mainland(v: string): PhoneResult | undefined {
  const mobile = v.match(/^(?:0086|86)?(1[3-9]\d{9})$/);
  if (mobile) return { ok: true, kind: 'mobile', value: mobile[1]!, digits: mobile[1]! };
  const national = v.replace(/^(?:0086|86)(?=[1-9])/, '0');
  const land = national.match(/^(010|02\d)(\d{8})$/) ?? national.match(/^(0[3-9]\d{2})([2-9]\d{6,7})$/);
  if (land) return { ok: true, kind: 'landline', value: `${land[1]}-${land[2]}`, digits: land[1]! + land[2]! };
  return undefined;
}

/** E.164: a country code (not 0, not 86 here) and the national number, 8–15 digits in all. */
function overseas(e164: string): PhoneResult | undefined {
  if (!/^[1-9]\d{7,14}$/.test(e164) || e164.startsWith('86')) return undefined;
  return { ok: true, kind: 'international', value: `+${e164}`, digits: `+${e164}` };
}

export function checkPhone(input: string): PhoneResult {
  const trimmed = input.trim();
  let v = compactCode(input);
  if (!v) return { ok: false, problem: 'empty' };
  const plus = v.startsWith('+');
  if (plus) v = v.slice(1);
  if (!/^\d+$/.test(v)) return { ok: false, problem: 'characters' };
  // Written the international way: +…, 00…, or “(852) 9123 4567” with the country code in brackets.
  const bracketed = /^[(（]\s*\+?\s*(\d{1,3})\s*[)）]/.exec(trimmed);
  const international = plus ? v : v.startsWith('00') ? v.slice(2) : bracketed ? v : undefined;
  // +86 / 0086 / (86) are mainland numbers; so are bare digits that make one.
  if (international === undefined || international.startsWith('86')) {
    const home = mainland(international === undefined ? v : international);
    if (home) return home;
  }
  if (international !== undefined) {
    const r = overseas(international);
    return r ?? { ok: false, problem: 'invalid' };
  }
  for (const [code, lengths] of Object.entries(BARE)) {
    if (v.startsWith(code) && lengths.includes(v.length - code.length)) return overseas(v)!;
  }
  if (/^[2-9]\d{6,7}$/.test(v)) return { ok: false, problem: 'noAreaCode' };
  return { ok: false, problem: 'invalid' };
}
