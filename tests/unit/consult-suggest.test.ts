/**
 * “这些内容可能已经回答了您的问题”: the searches planned for a question and
 * how their results merge (src/lib/consult/suggest.ts).
 */
import { describe, expect, it } from 'vitest';
import { answersQuestions, MAX_SEARCHES, mergeSuggestions, suggestionQueries } from '../../src/lib/consult/suggest.ts';

const RULES = [
  { phrases: ['欠工资', '讨薪'], searchAlso: ['拖欠工资', '劳动报酬'] },
  { phrases: ['车祸'], searchAlso: ['交通事故'] },
];

describe('suggestionQueries', () => {
  it('searches the page words of the everyday phrases in a long question, then the topic', () => {
    const q = '我在工地干了三个月，老板一直欠工资，现在人也联系不上了，我该怎么办？';
    expect(suggestionQueries(q, '拖欠工资', RULES)).toEqual(['拖欠工资', '劳动报酬']);
    expect(suggestionQueries(q, undefined, RULES)).not.toContain(q);
  });
  it('searches page words the person wrote themselves', () => {
    expect(
      suggestionQueries('上个月发生交通事故，对方不肯赔钱，请问下一步应该怎么处理比较好', undefined, RULES),
    ).toEqual(['交通事故']);
  });
  it('searches a short question by its content words, and nothing for an empty one', () => {
    expect(suggestionQueries('车祸怎么赔', undefined, RULES)).toContain('交通事故');
    expect(suggestionQueries('   ', undefined, RULES)).toEqual([]);
    expect(suggestionQueries('', '婚姻家庭', RULES)).toEqual(['婚姻家庭']);
  });
  it('runs at most a few searches', () => {
    const rules = Array.from({ length: 10 }, (_, i) => ({ phrases: [`说法${i}`], searchAlso: [`词语${i}`] }));
    const q = rules.map((r) => r.phrases[0]).join('，');
    expect(suggestionQueries(q, '婚姻家庭', rules).length).toBe(MAX_SEARCHES);
  });
});

describe('mergeSuggestions and answersQuestions', () => {
  it('puts pages found by several searches first', () => {
    expect(
      mergeSuggestions([
        ['a', 'b'],
        ['b', 'c'],
      ])[0],
    ).toBe('b');
  });
  it('keeps guides and cases only', () => {
    expect(answersQuestions({ 类型: ['以案说法'] })).toBe(true);
    expect(answersQuestions({ 类型: ['服务指南'] })).toBe(true);
    expect(answersQuestions({ 类型: ['机构'] })).toBe(false);
    expect(answersQuestions({})).toBe(false);
  });
});
