/**
 * Numbers as people type them on a phone: “3人”, “三口人”, “３”, “一千五”,
 * “1500元”, “1.5万”, “两千”, “一万二”, “2,500”, “一家三口”, “每月1500元左右”.
 * Pure and small: the field builder (fields.ts) runs it in the browser and in
 * the function, so both read the same number, and the check-answers page shows
 * the number that was understood (“一千五” → 1500 元).
 *
 * Spoken abbreviations are read as people mean them: 一千五 is 1500 and 一万二
 * is 12000 (the last digit counts in the next lower unit), but 一千零五 is 1005.
 * Anything else is refused rather than guessed: ranges (三四千, 3-4人),
 * halves (三口半), letters (3k). The caller's message then shows what was typed.
 */
import { DIGITS, UNITS, toHalfWidth } from '../chinese-numerals.ts';

/** How one kind of number is typed and shown. */
export interface NumberReading {
  /** The unit shown after the number: 口人, 元. */
  unit: string;
  /** Words people put before or after the number, removed before reading: 人, 口, 元, 块钱, 左右 … */
  words: readonly string[];
  /** People are whole; yuan are rounded to the yuan (大约数就行). */
  fractions: 'refuse' | 'round';
  /** The number the messages give as an example: 例如 3. */
  example: number;
}

/** Words around any number: approximations and “per month”. */
const COMMON_WORDS = ['大约', '大概', '差不多', '一共', '总共', '平均', '左右', '上下', '约', '共'];

export const PEOPLE: NumberReading = {
  unit: '口人',
  words: [...COMMON_WORDS, '一家', '全家', '我家', '家里', '口人', '个人', '口', '人', '位'],
  fractions: 'refuse',
  example: 3,
};

export const YUAN: NumberReading = {
  unit: '元',
  words: [
    ...COMMON_WORDS,
    '每个月',
    '一个月',
    '每月',
    '月均',
    '/月',
    '人民币',
    '块钱',
    '元钱',
    '块',
    '元',
    '圆',
    'rmb',
    '¥',
    '￥',
  ],
  fractions: 'round',
  example: 1500,
};

export type NumberProblem = 'empty' | 'unreadable' | 'negative' | 'fraction';

export type ReadNumber = { ok: true; value: number } | { ok: false; problem: NumberProblem };

/** Longer than any number a person types here: refused before any work is done. */
const MAX_LENGTH = 40;

/** Removes the reading's words from both ends, again and again: “每月约1500元左右” → “1500”. */
function stripWords(s: string, words: readonly string[]): string {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  let out = s;
  for (let changed = true; changed && out;) {
    changed = false;
    for (const w of sorted) {
      if (out.startsWith(w)) out = out.slice(w.length);
      else if (out.endsWith(w)) out = out.slice(0, -w.length);
      else continue;
      changed = true;
    }
  }
  return out;
}

const TOKENS = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]/g;
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** The state of reading 〈三万五千二百〉 token by token. */
interface Reading {
  total: number;
  /** The group below the last 万 or 亿. */
  group: number;
  /** A number read but not yet placed: 五 in 一千五. */
  pending: number | undefined;
  /** The pending number is one digit (一千五), not 1500 or 1.5. */
  single: boolean;
  /** The last 十, 百 or 千 in this group; 0 if none. */
  unit: number;
  /** The last 万 or 亿; 0 if none. */
  big: number;
  /** 零 since the last unit: 一千零五 is 1005, not 1500. */
  zero: boolean;
}

/** Where a pending number goes when the group ends; NaN when it fits nowhere. */
function placePending(r: Reading, atEnd: boolean): number {
  const d = r.pending!;
  if (r.single && !r.zero && r.unit) return (d * r.unit) / 10; // 一千五, 三百五, 十五
  if (r.single && !r.zero && atEnd && r.group === 0 && r.big) return (d * r.big) / 10; // 一万二
  if (!Number.isInteger(d) && (r.unit || r.big)) return NaN; // 1万1.5
  const limit = r.unit || (r.group === 0 ? r.big : 0);
  return limit && d >= limit ? NaN : d; // 1万2000 is fine, 1千1500 is not
}

function step(r: Reading, t: string): boolean {
  if (t === '零' || t === '〇') {
    if (r.pending !== undefined) return false;
    r.zero = true;
  } else if (t in DIGITS || /^\d/.test(t)) {
    if (r.pending !== undefined) return false; // 三四千, 五六
    r.pending = t in DIGITS ? DIGITS[t]! : Number(t);
    r.single = t in DIGITS || /^\d$/.test(t);
  } else if (t in UNITS) {
    const u = UNITS[t]!;
    if ((r.unit && u >= r.unit) || (r.pending === undefined && u !== 10)) return false; // 一百一千; 千 alone
    r.group += (r.pending ?? 1) * u; // 十 alone is 一十
    Object.assign(r, { pending: undefined, unit: u, zero: false });
  } else {
    const big = BIG_UNITS[t]!;
    if (r.big && big >= r.big) return false; // 一万一万
    const g = r.group + (r.pending === undefined ? 0 : placePending(r, false));
    if (!(g > 0)) return false; // 万 alone, 零万
    r.total += g * big;
    Object.assign(r, { group: 0, pending: undefined, unit: 0, big, zero: false });
  }
  return true;
}

/** Digits, Chinese numerals or both (1.5万, 一万二, 3千); NaN when the text is not one number. */
export function parseNumberWords(s: string): number {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  // 一五零零, 二〇二六: digit by digit. Two digits (五六) are a range, not 56.
  if (/^[零〇一二三四五六七八九]{3,}$/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  const tokens = s.match(TOKENS) ?? [];
  if (!tokens.length || tokens.join('') !== s) return NaN;
  const r: Reading = { total: 0, group: 0, pending: undefined, single: false, unit: 0, big: 0, zero: false };
  for (const t of tokens) if (!step(r, t)) return NaN;
  const last = r.pending === undefined ? 0 : placePending(r, true);
  return r.total + r.group + last;
}

/**
 * Reads a number as typed. Full-width digits and spaces, thousands separators
 * (2,500 or 2，500), the reading's words and approximations are accepted.
 */
export function readNumber(input: string, reading: NumberReading): ReadNumber {
  const s = toHalfWidth(input).replace(/\s+/g, '').toLowerCase();
  if (!s) return { ok: false, problem: 'empty' };
  if (s.length > MAX_LENGTH) return { ok: false, problem: 'unreadable' };
  const negative = /^[-−负]/.test(s);
  const body = stripWords((negative ? s.slice(1) : s).replace(/(?<=\d),(?=\d{3}(?!\d))/g, ''), reading.words);
  let value = parseNumberWords(body);
  if (!Number.isFinite(value)) return { ok: false, problem: 'unreadable' };
  if (negative && value !== 0) return { ok: false, problem: 'negative' };
  value = Math.round(value * 1e6) / 1e6; // 1.15万 is 11500, not 11500.000000000002
  if (!Number.isInteger(value)) {
    if (reading.fractions === 'refuse') return { ok: false, problem: 'fraction' };
    value = Math.round(value);
  }
  return { ok: true, value };
}

/** 10000000 → “1000万”; 2500 → “2500”: how a limit reads in a message. */
export function plainNumber(n: number): string {
  return n >= 1e4 && n % 1e4 === 0 ? `${n / 1e4}万` : String(n);
}
