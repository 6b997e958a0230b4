/**
 * Chinese numerals as used in statute article numbers (第一千零七十九条),
 * and full-width digits as typed by residents and editors (第３１条).
 */

/** Chinese digits, including 两 (as in 两千) and 〇 (as in 二〇二六). */
export const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** The units within a group of four digits; 万 and 亿 start a new group. */
export const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, full-width space) to half-width. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * Parses 一 … 九千九百九十九, 十一 (=11), 一百零五, or Arabic digits (half or full width).
 * Returns NaN when the text is not a number.
 */
export function parseChineseNumber(text: string): number {
  const t = toHalfWidth(text.trim());
  if (/^\d+$/.test(t)) return Number(t);
  if (!t || /[^零〇一二两三四五六七八九十百千]/.test(t)) return NaN;
  let total = 0;
  let digit = -1;
  for (const ch of t) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else {
      const unit = UNITS[ch]!;
      // 十 at the start means 一十 (十一 = 11).
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    }
  }
  if (digit > 0) total += digit;
  return total;
}

/** 1079 → 一千零七十九; 10 → 十; 110 → 一百一十. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`不支持的数字：${n}`);
  if (n === 0) return '零';
  const chars = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += chars[d] + unit;
  });
  // 一十 at the start reads 十 (十五, not 一十五), but 一百一十 keeps its 一.
  return out.startsWith('一十') ? out.slice(1) : out;
}
