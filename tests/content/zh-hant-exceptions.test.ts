/**
 * content/i18n/zh-hant-exceptions.yaml: valid, explained, and in force, and the
 * schema's errors read well for editors (src/schemas/i18n.ts).
 */
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/lib/i18n/convert.ts';
import { exceptionEntries, exceptionProblems, readExceptions } from '../../src/lib/i18n/exceptions.ts';
import { openccDictionary } from '../../src/lib/i18n/opencc.ts';
import { projectRoot } from '../support/dist.ts';

const exceptions = readExceptions(projectRoot);
const convert = createConverter(openccDictionary(exceptionEntries(exceptions)));

describe('zh-hant exceptions', () => {
  it('hold wherever the words appear', () => {
    for (const e of exceptions) {
      expect(convert(e.simplified)).toBe(e.traditional);
      expect(convert(`我们在${e.simplified}办事`)).toContain(e.traditional);
    }
  });

  it('write 台山 and 台城 as the city does, in any phrase', () => {
    expect(convert('台山市司法局')).toBe('台山市司法局');
    expect(convert('住在台城街道，回台山签署委托书')).toBe('住在台城街道，回台山簽署委託書');
    expect(convert('赡养发生纠纷；劳动保护发生的争议')).toBe('贍養發生糾紛；勞動保護發生的爭議');
    expect(convert('年满十八周岁；死刑复核；回归社会')).toBe('年滿十八周歲；死刑覆核；回歸社會');
    expect(convert('签证、标签、签合同')).toBe('簽證、標籤、簽合同');
  });

  it('refuse a broken entry with a message an editor can act on', () => {
    expect(exceptionProblems([{ simplified: '台山', traditional: '臺山市', note: '测试说明' }])).toEqual([
      'content/i18n/zh-hant-exceptions.yaml：第 1 条的 traditional：“台山”和“臺山市”字数不同：繁體写法应当一字对一字',
    ]);
    expect(exceptionProblems([{ simplified: '台山', traditional: '台山' }])[0]).toContain('note（说明）');
    expect(exceptionProblems([{ simplified: 'abc', traditional: 'abc', note: '没有汉字的例外' }])[0]).toContain(
      '至少要有一个汉字',
    );
    const twice = { simplified: '台山', traditional: '台山', note: '重复的一条' };
    expect(exceptionProblems([twice, twice])[0]).toContain('重复了');
    expect(exceptionProblems([{ ...twice, extra: 1 }])[0]).toContain('不认识的字段 extra');
  });
});
