import { describe, expect, it } from 'vitest';
import { linkCitations } from '../../src/lib/citation-links.ts';
import { LawIndex } from '../../src/lib/laws.ts';

// A small fake law, so the tests do not depend on content/.
const index = LawIndex.fromEntries([
  {
    id: 'legal-aid-law',
    data: { title: '中华人民共和国法律援助法', shortTitle: '法律援助法' },
    body: '第一条 一。\n\n第二条 二。\n\n第三条 三。\n\n第三十一条 三十一。\n\n第三十一条之一 插入。\n\n第四十三条 四十三。\n',
  },
  {
    id: 'wages',
    data: { title: '保障农民工工资支付条例', shortTitle: '保障农民工工资支付条例' },
    body: '第三十条 三十。\n\n第三十六条 三十六。\n',
  },
]);

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('linkCitations', () => {
  it('links a single citation, law name included, and keeps the text around it', () => {
    const text = '七日内作出决定（《中华人民共和国法律援助法》第四十三条）。';
    const parts = linkCitations(text, index);
    expect(parts).toEqual([
      { text: '七日内作出决定（' },
      { text: '《中华人民共和国法律援助法》第四十三条', anchor: 'law-legal-aid-law-43' },
      { text: '）。' },
    ]);
    expect(join(parts)).toBe(text);
  });

  it('links each article of a list to its own anchor', () => {
    const parts = linkCitations('《保障农民工工资支付条例》第三十条、第三十六条', index);
    expect(parts).toEqual([
      { text: '《保障农民工工资支付条例》第三十条', anchor: 'law-wages-30' },
      { text: '、' },
      { text: '第三十六条', anchor: 'law-wages-36' },
    ]);
  });

  it('keeps 款 and 项 inside the link, and reads Arabic and full-width numbers and 之一', () => {
    expect(linkCitations('《法律援助法》第31条第二款', index)).toEqual([
      { text: '《法律援助法》第31条第二款', anchor: 'law-legal-aid-law-31' },
    ]);
    expect(linkCitations('《法律援助法》第４３条', index)[0]!.anchor).toBe('law-legal-aid-law-43');
    expect(linkCitations('《法律援助法》第三十一条之一', index)[0]!.anchor).toBe('law-legal-aid-law-31-1');
  });

  it('links the two ends of a range', () => {
    const parts = linkCitations('《法律援助法》第一条至第三条', index);
    expect(parts.filter((p) => p.anchor).map((p) => p.anchor)).toEqual(['law-legal-aid-law-1', 'law-legal-aid-law-3']);
    expect(join(parts)).toBe('《法律援助法》第一条至第三条');
  });

  it('leaves unknown laws and articles as plain text', () => {
    expect(linkCitations('参照《广东省法律援助条例》第十条', index)).toEqual([
      { text: '参照《广东省法律援助条例》第十条' },
    ]);
    const parts = linkCitations('《法律援助法》第九十九条和《法律援助法》第一条', index);
    expect(parts).toEqual([
      { text: '《法律援助法》第九十九条和' },
      { text: '《法律援助法》第一条', anchor: 'law-legal-aid-law-1' },
    ]);
  });

  it('returns text without citations unchanged, in one part', () => {
    expect(linkCitations('没有引用法条的一段话。', index)).toEqual([{ text: '没有引用法条的一段话。' }]);
  });
});
