/**
 * The words a form uses about its own rules, in one place, so that the hint
 * before a field and the error after it say the same thing: how long an
 * answer may be, when a field is needed, and what was typed wrong. No zod
 * here: the renderer (render.ts) uses it on pages that do not validate.
 */
import { plainNumber, type NumberProblem, type NumberReading } from './numbers.ts';
import { BUREAU } from '../site.ts';

/** Length limits of a text answer, in characters as people count them. */
export interface TextLimits {
  min: number;
  max: number;
}

/**
 * “至少写20个字，最多2000个字”. A minimum of one or two characters goes
 * unsaid: any real answer meets it, and saying it would only add words.
 */
export function lengthHint(l: TextLimits): string {
  return l.min > 2 ? `至少写${l.min}个字，最多${l.max}个字` : `最多写${l.max}个字`;
}

export function tooShort(label: string, min: number, n: number): string {
  return `请再多写一点：${label}至少要写${min}个字，现在是${n}个字`;
}

export function tooLong(label: string, max: number, n: number): string {
  return `${label}最多${max}个字，现在是${n}个字，请删减一些`;
}

/** What was typed, as a message quotes it: trimmed, and cut short if long. */
export function quoted(typed: string): string {
  const t = typed.trim();
  const chars = [...t];
  return `“${chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : t}”`;
}

/** Why a number could not be taken, with what was typed and an example that would be. */
export function numberProblem(label: string, typed: string, problem: NumberProblem, r: NumberReading): string {
  switch (problem) {
    case 'negative':
      return `${label}不能是负数，请写一个数字，例如 ${r.example}`;
    case 'fraction':
      return `${label}要写整数，您填的是${quoted(typed)}，请写一个整数，例如 ${r.example}`;
    default:
      return `没看懂${quoted(typed)}，请写一个数字，例如 ${r.example}`;
  }
}

/** A number read but out of range: says what was understood, so a misread is seen at once. */
export function numberOutOfRange(
  label: string,
  typed: string,
  value: number,
  range: { min: number; max: number },
  r: NumberReading,
): string {
  const understood = typed.trim() === String(value) ? '' : `，我们读作${value}${r.unit}`;
  return `${label}应在${plainNumber(range.min)}到${plainNumber(range.max)}${r.unit}之间。您填的是${quoted(typed)}${understood}，请检查是否多写或少写了位数`;
}

/**
 * How many digits a wrong phone number has, for the message: “您填了10位数字，
 * 手机号码是11位”. Only for numbers written the mainland way (starting with 1
 * or 0, no +); anything else keeps the checker's own message.
 */
export function phoneDigitsMessage(typed: string): string | undefined {
  const t = typed.trim();
  if (t.startsWith('+') || t.startsWith('＋')) return undefined;
  const digits = t.replace(/\D/g, '');
  if (/^1/.test(digits) && digits.length !== 11)
    return `您填了${digits.length}位数字，手机号码是11位，请检查有没有漏写或多写`;
  if (/^0/.test(digits) && !/^00/.test(digits))
    return `您填了${digits.length}位数字：固定电话是区号（3到4位，以0开头）加7到8位号码，例如 ${BUREAU.phone}；手机号码是11位`;
  return undefined;
}
