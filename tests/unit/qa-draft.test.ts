/**
 * 常见问答 drafts from the desk (src/lib/consult/qa-draft.ts): what the first
 * pass removes and keeps, and that a draft the editor has checked passes the
 * content check as an entry of content/qa/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blocking, checkAll } from '../../src/integrations/content-checks.ts';
import { anonymise, draftFileName, REMOVED } from '../../src/lib/consult/qa-draft.ts';
import { publishedQa, qaDraft } from '../fixtures/qa.ts';
import { projectRoot } from '../support/dist.ts';

describe('anonymise', () => {
  it('removes phones, identity numbers, plates, e-mail and the asker’s own 称呼 and phone', () => {
    const out = anonymise(
      '我是黄先生，电话137-1234-5678，身份证440781196504121234，车牌粤J12345，邮箱a.b@example.com。',
      { caller: '黄先生', phone: '13712345678' },
    );
    for (const s of ['黄', '137', '4407811965', '粤J12345', 'example.com']) expect(out).not.toContain(s);
    expect(out).toContain(REMOVED.number);
  });
  it('replaces a surname before a form of address, and places below town level', () => {
    const out = anonymise('隔壁的陈伯在大塘村住，包工头李老板在环城路18号开店，住在新华社区。');
    for (const s of ['陈伯', '李老板', '大塘村', '环城路', '新华社区']) expect(out).not.toContain(s);
    expect(out).toContain('某伯');
    expect(out).toContain(REMOVED.place);
  });
  it('keeps words that only look like places, and small numbers', () => {
    const out = anonymise('农村村民的宅基地，社区矫正对象，干了3个月。');
    expect(out).toBe('农村村民的宅基地，社区矫正对象，干了3个月。');
  });
});

describe('qaDraftMarkdown', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'qa-draft-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const draft = qaDraft();

  it('starts as a draft with the checklist unticked and nothing identifying', () => {
    expect(draft).toContain('draft: true');
    expect(draft).toMatch(/noNames: false/);
    for (const s of ['黄先生', '大塘村', '13712345678']) expect(draft).not.toContain(s);
    expect(draftFileName('2026-12-07T03:00:00Z', 'wages')).toBe('qa-2026-12-07-wages.md');
  });

  const write = (text: string) => {
    const dir = join(tmp, 'content', 'qa');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'unpaid-wages-boss-gone.md'), text);
    return blocking(checkAll(tmp, { lawsDir: join(projectRoot, 'content', 'laws'), only: ['qa'] }));
  };

  it('passes the content check as a draft, and once the editor has checked and published it', () => {
    expect(write(draft)).toEqual([]);
    const edited = publishedQa(draft);
    expect(write(edited)).toEqual([]);
  });

  it('refuses to publish with the checklist unticked or without an editor', () => {
    const problems = write(draft.replace('draft: true', 'draft: false'));
    const text = problems.map((p) => p.text).join('\n');
    expect(text).toContain('发布前请核对并改为 true');
    expect(text).toContain('发布前请写明审核人');
  });
});
