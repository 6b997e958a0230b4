import { describe, expect, it } from 'vitest';
import { collectRefs, findInlineCitations, parseArticleRef, resolveRef, resolveText } from '../../src/lib/citations.ts';
import { LawIndex, parseArticles } from '../../src/lib/laws.ts';

// A small fake law with an 之一 article, so the tests do not depend on content/.
const body = `## 第一章 总则

第一条 第一条的内容。

第二条 第二条的第一款。

第二条第二款。

第三十一条 第三十一条。

第三十一条之一 插入的条文。

第四十三条 七日内作出决定。
`;
const index = LawIndex.fromEntries([
  { id: 'legal-aid-law', data: { title: '中华人民共和国法律援助法', shortTitle: '法律援助法' }, body },
  { id: 'civil-code', data: { title: '中华人民共和国民法典', shortTitle: '民法典' }, body: '第一千零七十九条 离婚。' },
]);

describe('parseArticles', () => {
  const articles = parseArticles(body);
  it('splits articles with their paragraphs and chapter', () => {
    expect([...articles.keys()]).toEqual(['1', '2', '31', '31-1', '43']);
    expect(articles.get('2')!.paragraphs).toEqual(['第二条的第一款。', '第二条第二款。']);
    expect(articles.get('2')!.chapter).toBe('第一章 总则');
    expect(articles.get('31-1')!.label).toBe('第三十一条之一');
  });
});

describe('findInlineCitations', () => {
  it('finds Chinese and Arabic article numbers', () => {
    const found = findInlineCitations('依照《中华人民共和国法律援助法》第三十一条和《法律援助法》第43条的规定');
    expect(found.map((f) => [f.lawName, f.keys])).toEqual([
      ['中华人民共和国法律援助法', ['31']],
      ['法律援助法', ['43']],
    ]);
  });
  it('reads lists, ranges, 款 and 项, and 之一 articles', () => {
    const [c] = findInlineCitations('《法律援助法》第一条、第二条第二款、第三十一条第（五）项至第四十三条');
    expect(c!.keys).toEqual(['1', '2', '31', ...Array.from({ length: 11 }, (_, i) => String(32 + i)), '43']);
    expect(findInlineCitations('《法律援助法》第三十一条之一')[0]!.keys).toEqual(['31-1']);
  });
  it('reads full-width digits and thousands', () => {
    expect(findInlineCitations('《民法典》第１０７９条')[0]!.keys).toEqual(['1079']);
    expect(findInlineCitations('《中华人民共和国民法典》第一千零七十九条')[0]!.keys).toEqual(['1079']);
  });
  it('ignores a law named without an article', () => {
    expect(findInlineCitations('参照《广东省法律援助条例》办理')).toEqual([]);
  });
});

describe('parseArticleRef', () => {
  it.each([
    [43, '43'],
    ['43', '43'],
    ['第四十三条', '43'],
    ['31之一', '31-1'],
    ['第三十一条之一', '31-1'],
    ['31-1', '31-1'],
    ['４３', '43'],
  ])('%s → %s', (input, key) => expect(parseArticleRef(input)).toBe(key));
  it.each([[0], [-1], [1.5], ['第条'], ['abc']])('rejects %s', (input) =>
    expect(parseArticleRef(input)).toBeUndefined(),
  );
});

describe('resolving', () => {
  it('resolves structured refs by short title, full title or id', () => {
    for (const law of ['法律援助法', '中华人民共和国法律援助法', 'legal-aid-law']) {
      const r = resolveRef(index, { law, article: 43 });
      expect(r.ok && r.value.citation).toBe('《中华人民共和国法律援助法》第四十三条');
      expect(r.ok && r.value.anchor).toBe('law-legal-aid-law-43');
    }
  });
  it('explains a missing article with the law and the fix', () => {
    const r = resolveRef(index, { law: '法律援助法', article: 99 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/没有第九十九条.*请核对条号/);
  });
  it('explains an unknown law', () => {
    const r = resolveText(index, '《广东省法律援助条例》第十条');
    expect(r.errors[0]).toMatch(/没有收录《广东省法律援助条例》/);
  });
  it('resolves every citation in a text', () => {
    const r = resolveText(index, '《法律援助法》第一条、第三十一条之一；《民法典》第一千零七十九条');
    expect(r.errors).toEqual([]);
    expect(r.resolved.map((a) => a.article.label)).toEqual(['第一条', '第三十一条之一', '第一千零七十九条']);
  });
});

describe('collectRefs', () => {
  it('finds {law, article} objects anywhere in data, with their path', () => {
    const refs = collectRefs({
      guide: { legalBasis: [{ law: '法律援助法', article: 43 }] },
      laws: [{ law: '民法典', article: '1079' }],
    });
    expect(refs.map((r) => r.path)).toEqual(['guide.legalBasis[0]', 'laws[0]']);
  });
});
