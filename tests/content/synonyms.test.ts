/**
 * content/search/synonyms.yaml, the search page's everyday-words map: it meets
 * its schema (as a whole: no id or phrase twice), every page word it adds is
 * actually used by the content, and editors get readable messages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { synonymsFileSchema } from '../../src/schemas/synonyms.ts';
import { projectRoot } from '../support/dist.ts';

const file = join(projectRoot, 'content', 'search', 'synonyms.yaml');

/** The text of the content the site publishes as pages (not the statutes, not this map). */
function contentText(dir = join(projectRoot, 'content')): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'laws' || name === 'search' ? '' : contentText(path);
      return /\.(md|mdx|ya?ml|json)$/.test(name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

function messages(input: unknown): string[] {
  const r = synonymsFileSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('the synonym map', () => {
  const entries = synonymsFileSchema.parse(parse(readFileSync(file, 'utf8')));

  it('has entries for the everyday words the search issue names', () => {
    const find = (phrase: string) => entries.find((e) => e.phrases.includes(phrase))?.searchAlso;
    expect(find('讨薪')).toContain('劳动报酬');
    expect(find('欠薪')).toContain('劳动报酬');
    expect(find('工资拖欠')).toContain('劳动报酬');
    expect(find('打官司没钱')).toContain('法律援助');
    expect(find('请不起律师')).toContain('法律援助');
    expect(find('车祸')).toContain('交通事故');
    expect(find('离婚')).toContain('婚姻家庭');
    expect(find('抚养费')).toContain('婚姻家庭');
  });

  it('only adds words the content actually uses', () => {
    const text = contentText();
    const unused = entries.flatMap((e) => e.searchAlso.filter((w) => !text.includes(w)).map((w) => `${e.id}: ${w}`));
    expect(unused, '这些页面用词在内容里找不到，搜索它们什么也找不到').toEqual([]);
  });
});

describe('messages editors read', () => {
  const ok = { id: 'wages', phrases: ['讨薪'], searchAlso: ['劳动报酬'] };
  it('accepts a correct entry', () => {
    expect(messages([ok])).toEqual([]);
  });
  it('explains a missing or empty list', () => {
    expect(messages([{ id: 'x', phrases: [], searchAlso: ['劳动报酬'] }])).toEqual(['请至少写一个日常说法（phrases）']);
  });
  it('explains a word with a space in it', () => {
    expect(messages([{ ...ok, phrases: ['讨 薪'] }])).toEqual(['日常说法（phrases）里不能有空格：每个词单独写一项']);
  });
  it('explains a word listed on both sides', () => {
    expect(messages([{ ...ok, searchAlso: ['讨薪'] }])).toEqual(['“讨薪”同时写在了日常说法和页面用词里，请只保留一处']);
  });
  it('explains a bad id, a repeated id and a phrase in two entries', () => {
    expect(messages([{ ...ok, id: 'Wages 1' }])).toEqual(['id 只能用小写字母、数字和连字符，例如 wages']);
    expect(messages([ok, { ...ok, phrases: ['欠薪'] }])).toEqual(['id “wages”重复了']);
    expect(messages([ok, { ...ok, id: 'pay' }])).toEqual(['日常说法“讨薪”已经写在 wages 里了，请合并到一处']);
  });
});
