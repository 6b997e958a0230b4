/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence, 1 check character (0–9 or X, ISO 7064 MOD 11-2).
 *
 * Only the first two digits (province) are checked against a list: the full
 * table of county codes has thousands of entries that change every year, and
 * a resident whose county was renamed must still be able to apply. The check
 * digit catches almost every typing mistake anyway.
 */
import { compactCode } from './normalize.ts';

/**
 * Province-level codes (GB/T 2260), plus 71 台湾 and 81/82/83 used by the
 * residence permits for 香港、澳门、台湾 residents, whose numbers follow the same rule.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdCardProblem =
  'empty' | 'length15' | 'length' | 'characters' | 'region' | 'birthDate' | 'future' | 'checkDigit';

export type IdCardResult = { ok: true; value: string; birthDate: string } | { ok: false; problem: IdCardProblem };

/** Messages that say how to fix the number, not only what is wrong. */
export const ID_CARD_MESSAGES: Record<IdCardProblem, string> = {
  empty: '请填写居民身份证号码（18位，在身份证有照片的一面）',
  length15: '这是15位的老身份证号码，请填写现在使用的18位身份证号码',
  length: '身份证号码应该是18位，请对照身份证检查有没有漏写或多写',
  characters: '身份证号码只能是数字，最后一位可以是字母X，请检查有没有写错',
  region: '身份证号码的前两位不是有效的省份代码，请对照身份证检查',
  birthDate: '身份证号码第7到14位是出生日期，这个日期不存在，请对照身份证检查',
  future: '身份证号码中的出生日期晚于今天，请对照身份证检查',
  checkDigit: '身份证号码有一位写错了（校验位对不上），请对照身份证逐位检查',
};

/**
 * Validates a number as typed (spaces, hyphens, full-width digits, lower-case x
 * are accepted) and returns it in canonical form. `today` is injectable so tests
 * and the browser agree on “the future”.
 */
export function checkIdCard(input: string, today: Date = new Date()): IdCardResult {
  const v = compactCode(input);
  if (!v) return { ok: false, problem: 'empty' };
  if (!/^[0-9X]+$/.test(v)) return { ok: false, problem: 'characters' };
  if (v.length === 15 && /^\d{15}$/.test(v)) return { ok: false, problem: 'length15' };
  if (v.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, problem: 'characters' };
  if (!PROVINCE_CODES.has(v.slice(0, 2))) return { ok: false, problem: 'region' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  if (y < 1900 || !isCalendarDate(y, m, d)) return { ok: false, problem: 'birthDate' };
  const date = new Date(Date.UTC(y, m - 1, d));
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) return { ok: false, problem: 'future' };
  if (idCheckChar(v) !== v[17]) return { ok: false, problem: 'checkDigit' };
  return { ok: true, value: v, birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` };
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 19650412 → 1965年4月12日 (as typed, so 19901301 reads 1990年13月1日). */
function spokenDate(yyyymmdd: string): string {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)];
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Letters that are easily typed for digits that look like them. */
const LOOKALIKES: Record<string, string> = { O: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', B: '8' };

/**
 * The message for a refused number that says what in it is wrong: how many
 * characters were typed, which one is not allowed, which date the birth-date
 * digits make. A wrong check character cannot tell which position is wrong
 * (any one of the 18 may be), so the message shows the number in its parts to
 * compare with the card, and never the check character that would fit: that
 * would invite “fixing” the last digit of a number that is wrong elsewhere.
 */
export function idCardMessage(input: string, problem: IdCardProblem): string {
  const v = compactCode(input);
  const chars = [...v];
  switch (problem) {
    case 'length':
      return `您填了${chars.length}位，身份证号码应该是18位，请对照身份证检查有没有漏写或多写`;
    case 'characters': {
      const i = chars.findIndex((c, k) => !/\d/.test(c) && !(c === 'X' && k === 17));
      const c = chars[i] ?? '';
      const like = LOOKALIKES[c] ? `（是不是数字${LOOKALIKES[c]}？）` : '';
      return `身份证号码第${i + 1}位是“${c}”${like}：只能是数字，最后一位可以是字母X，请对照身份证检查`;
    }
    case 'region':
      return `身份证号码前两位是“${v.slice(0, 2)}”，这不是省份代码（广东是44），请对照身份证检查`;
    case 'birthDate': {
      const [y, m, d] = [v.slice(6, 10), v.slice(10, 12), v.slice(12, 14)].map(Number) as [number, number, number];
      const when = y < 1900 && isCalendarDate(y, m, d) ? '早于1900年' : '这个日期不存在';
      return `身份证号码第7到14位是出生日期，您填的是${spokenDate(v.slice(6, 14))}，${when}，请对照身份证检查`;
    }
    case 'future':
      return `身份证号码第7到14位是出生日期，您填的是${spokenDate(v.slice(6, 14))}，晚于今天，请对照身份证检查`;
    case 'checkDigit':
      return `身份证号码有一位写错了（最后一位校验位和前17位对不上），但算不出是哪一位。您填的是 ${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14, 17)} ${v.slice(17)}，其中出生日期是${spokenDate(v.slice(6, 14))}；请对照身份证逐位检查`;
    default:
      return ID_CARD_MESSAGES[problem];
  }
}
