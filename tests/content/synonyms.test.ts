/**
 * content/search/synonyms.yaml, the search page's everyday-words map: it has
 * the words residents use, and editors get readable messages, from the entry
 * schema (one entry) and the content rules (across entries, against the
 * content). The published file itself is checked with all content
 * (tests/content/content.test.ts).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkAll } from '../../src/integrations/content-checks.ts';
import { synonymEntrySchema, type SynonymEntry } from '../../src/schemas/synonyms.ts';
import { projectRoot } from '../support/dist.ts';

const file = join(projectRoot, 'content', 'search', 'synonyms.yaml');

function messages(entry: unknown): string[] {
  const r = synonymEntrySchema.safeParse(entry);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

/** The check's messages for a synonyms file with these entries, in a scratch project that uses 劳动报酬 and 法律援助. */
const scratch = mkdtempSync(join(tmpdir(), 'taishan-synonyms-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let run = 0;
function checked(entries: unknown[]): string[] {
  const root = join(scratch, String(run++));
  mkdirSync(join(root, 'content', 'search'), { recursive: true });
  mkdirSync(join(root, 'content', 'cases'), { recursive: true });
  writeFileSync(join(root, 'content', 'search', 'synonyms.yaml'), stringify(entries));
  writeFileSync(join(root, 'content', 'cases', 'page-words.md'), '---\n---\n劳动报酬、法律援助\n');
  const lawsDir = join(projectRoot, 'content', 'laws');
  return checkAll(root, { lawsDir, only: ['synonyms'] }).map((p) => p.text.replace(/^content\/search\/synonyms\.yaml：/, ''));
}

describe('the synonym map', () => {
  const entries = (parse(readFileSync(file, 'utf8')) as unknown[]).map((e) => synonymEntrySchema.parse(e)) as SynonymEntry[];

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
});

describe('messages editors read', () => {
  const ok = { id: 'wages', phrases: ['讨薪'], searchAlso: ['劳动报酬'] };
  it('accepts a correct entry', () => {
    expect(messages(ok)).toEqual([]);
    expect(checked([ok])).toEqual([]);
  });
  it('explains a missing or empty list', () => {
    expect(messages({ id: 'x', phrases: [], searchAlso: ['劳动报酬'] })).toEqual(['请至少写一个日常说法（phrases）']);
  });
  it('explains a word with a space in it', () => {
    expect(messages({ ...ok, phrases: ['讨 薪'] })).toEqual(['日常说法（phrases）里不能有空格：每个词单独写一项']);
  });
  it('explains a word listed on both sides', () => {
    expect(messages({ ...ok, searchAlso: ['讨薪'] })).toEqual(['“讨薪”同时写在了日常说法和页面用词里，请只保留一处']);
  });
  it('explains a bad id, a repeated id and a phrase in two entries, naming the entry', () => {
    expect(messages({ ...ok, id: 'Wages 1' })).toEqual(['id 只能用小写字母、数字和连字符，例如 wages']);
    expect(checked([ok, { ...ok, phrases: ['欠薪'] }])).toEqual(['id“wages”重复了：每一项的 id 要不同。']);
    expect(checked([ok, { ...ok, id: 'pay' }])).toEqual(['字段 pay.phrases：日常说法“讨薪”已经写在 wages 里了，请合并到一处']);
  });
  it('explains a page word that no content uses', () => {
    expect(checked([{ ...ok, searchAlso: ['劳动报酬', '工钱'] }])).toEqual([
      '字段 wages.searchAlso：页面用词“工钱”在网站内容里找不到，搜索它什么也找不到。请先在网站里搜一下，换成页面上实际用的词。',
    ]);
  });
});
