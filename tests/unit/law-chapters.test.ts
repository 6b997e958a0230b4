import { describe, expect, it } from 'vitest';
import { parseArticles } from '../../src/lib/laws.ts';

describe('parseArticles chapters', () => {
  it('gives each article only its own chapter when chapters are ## without a # above', () => {
    const a = parseArticles('## 第一章 总则\n\n第一条 一。\n\n## 第四章 程序和实施\n\n第二条 二。\n');
    expect(a.get('1')!.chapter).toBe('第一章 总则');
    expect(a.get('2')!.chapter).toBe('第四章 程序和实施');
  });
  it('keeps the part (编) above a chapter, and drops a chapter when the part changes', () => {
    const a = parseArticles(
      '# 第一编 总则\n\n## 第一章 基本规定\n\n第一条 一。\n\n## 第二章 自然人\n\n第二条 二。\n\n# 第二编 物权\n\n第三条 三。\n',
    );
    expect(a.get('1')!.chapter).toBe('第一编 总则 · 第一章 基本规定');
    expect(a.get('2')!.chapter).toBe('第一编 总则 · 第二章 自然人');
    expect(a.get('3')!.chapter).toBe('第二编 物权');
  });
});
