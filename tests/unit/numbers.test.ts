/**
 * Numbers as people type them (src/lib/forms/numbers.ts): household sizes and
 * incomes written with digits, Chinese numerals, units, spaces and separators,
 * and what is refused rather than guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseNumberWords, plainNumber, readNumber, PEOPLE, YUAN } from '../../src/lib/forms/numbers.ts';

describe('household size, as typed', () => {
  it.each([
    ['3', 3],
    ['3人', 3],
    ['3 人', 3],
    ['三口人', 3],
    ['三口', 3],
    ['三个人', 3],
    ['一家三口', 3],
    ['我家3口人', 3],
    ['３', 3],
    ['３人', 3],
    ['　４　', 4],
    ['两口人', 2],
    ['十一', 11],
    ['十', 10],
    ['1', 1],
  ])('%j → %i', (typed, n) => expect(readNumber(typed, PEOPLE)).toEqual({ ok: true, value: n }));

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['三口半', 'unreadable'],
    ['3-4人', 'unreadable'],
    ['三四口', 'unreadable'],
    ['五六', 'unreadable'],
    ['很多', 'unreadable'],
    ['人', 'unreadable'],
    ['2.5人', 'fraction'],
    ['-3', 'negative'],
    ['负三', 'negative'],
  ])('refuses %j (%s)', (typed, problem) => expect(readNumber(typed, PEOPLE)).toEqual({ ok: false, problem }));
});

describe('monthly income, as typed', () => {
  it.each([
    ['1500', 1500],
    ['1500元', 1500],
    ['1500 元', 1500],
    ['一千五', 1500],
    ['一千五百', 1500],
    ['一千五百元', 1500],
    ['1.5万', 15000],
    ['1.5万元', 15000],
    ['两千', 2000],
    ['两千块', 2000],
    ['两千块钱', 2000],
    ['一万二', 12000],
    ['一万二千', 12000],
    ['1万2', 12000],
    ['1万2000', 12000],
    ['2,500', 2500],
    ['2，500', 2500],
    ['１，５００', 1500],
    ['1 500', 1500],
    ['¥1500', 1500],
    ['每月1500元左右', 1500],
    ['大约3000', 3000],
    ['3000元/月', 3000],
    ['3千', 3000],
    ['2.5千', 2500],
    ['0', 0],
    ['零', 0],
    ['〇', 0],
    ['没有', NaN],
  ])('%j → %d', (typed, n) => {
    const r = readNumber(typed, YUAN);
    if (Number.isNaN(n)) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: n });
  });

  it('rounds yuan to the yuan: 大约数就行', () => {
    expect(readNumber('1500.4', YUAN)).toEqual({ ok: true, value: 1500 });
    expect(readNumber('1500.00元', YUAN)).toEqual({ ok: true, value: 1500 });
    expect(readNumber('1.15万', YUAN)).toEqual({ ok: true, value: 11500 });
  });

  it('reads huge values as numbers and leaves the range to the field', () => {
    expect(readNumber('一亿', YUAN)).toEqual({ ok: true, value: 100_000_000 });
    expect(readNumber('99999999999', YUAN)).toEqual({ ok: true, value: 99_999_999_999 });
    expect(readNumber('9'.repeat(41), YUAN)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it.each(['3k', '1e5', '三四千', '1千1500', '一百一千', '万', '千五', '一万一万', '1万1.5', '1,50', '2..5', '五毛'])(
    'refuses %j rather than guess',
    (typed) => expect(readNumber(typed, YUAN)).toMatchObject({ ok: false, problem: 'unreadable' }),
  );
});

describe('Chinese numerals with 十百千万亿 and the spoken abbreviations', () => {
  it.each([
    ['零', 0],
    ['十一', 11],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['三百五', 350],
    ['一千零五', 1005],
    ['一千零五十', 1050],
    ['一千五', 1500],
    ['十万', 100_000],
    ['二十万', 200_000],
    ['三万五', 35_000],
    ['三万五千二百', 35_200],
    ['三万五千二', 35_200],
    ['一万零五百', 10_500],
    ['一万零二', 10_002],
    ['一千万', 10_000_000],
    ['两千五百万', 25_000_000],
    ['一亿五千万', 150_000_000],
    ['一亿五', 150_000_000],
    ['一五零零', 1500],
    ['二〇二六', 2026],
  ])('%s → %i', (text, n) => expect(parseNumberWords(text)).toBe(n));
});

describe('plainNumber', () => {
  it('writes round ten-thousands as 万', () => {
    expect(plainNumber(10_000_000)).toBe('1000万');
    expect(plainNumber(2500)).toBe('2500');
    expect(plainNumber(0)).toBe('0');
  });
});
