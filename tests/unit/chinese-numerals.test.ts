import { describe, expect, it } from 'vitest';
import { parseChineseNumber, toChineseNumber, toHalfWidth } from '../../src/lib/chinese-numerals.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['三十一', 31],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一千零七十九', 1079],
    ['一千二百六十', 1260],
    ['两', 2],
    ['43', 43],
    ['４３', 43],
  ])('%s → %i', (text, n) => expect(parseChineseNumber(text)).toBe(n));
  it('rejects text that is not a number', () => {
    expect(parseChineseNumber('条')).toBeNaN();
    expect(parseChineseNumber('')).toBeNaN();
  });
});

describe('toChineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [43, '四十三'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1079, '一千零七十九'],
    [1001, '一千零一'],
  ])('%i → %s', (n, text) => expect(toChineseNumber(n)).toBe(text));
  it('round-trips 1…1300', () => {
    for (let n = 1; n <= 1300; n++) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
});

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and spaces', () => {
    expect(toHalfWidth('１３８　ＡＢｘ')).toBe('138 ABx');
  });
});
