/**
 * Editors see readable errors. Each file in tests/fixtures/cases/ breaks one
 * rule (see its first comment line); the checks that `npm run check:content`
 * and the build run must name the file, the field and what to do about it.
 */
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../src/integrations/content-checks.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import { projectRoot } from '../support/dist.ts';

const dir = 'tests/fixtures/cases';
const collections = { ...COLLECTIONS, cases: { ...COLLECTIONS.cases, dir } };
const problems = checkAll(projectRoot, { collections, only: ['cases'] }).map((p) => p.text);
const problemsOf = (name: string) => problems.filter((p) => p.startsWith(`${dir}/${name}.md`));

describe('broken case fixtures', () => {
  it('missing summary: names the field and says how long a summary is', () => {
    expect(problemsOf('missing-summary')).toEqual([
      `${dir}/missing-summary.md：字段 summary：缺少摘要（summary）：请用 30 到 160 个字概括这篇文章讲了什么`,
    ]);
  });

  it('impossible date: names the line, the field and the real-date format', () => {
    expect(problemsOf('impossible-date')).toEqual([
      `${dir}/impossible-date.md:5：日期 2025-02-30 不存在（字段 published），请改成真实的日期（格式 YYYY-MM-DD）。`,
    ]);
  });

  it('unknown topic: names the field and lists the topics to choose from', () => {
    const [p, ...rest] = problemsOf('unknown-topic');
    expect(rest).toEqual([]);
    expect(p).toMatch(new RegExp(`^${dir}/unknown-topic\\.md：字段 topic：主题（topic）必须是以下之一：拖欠工资、工伤、`));
    expect(p).toContain('民间借贷');
  });

  it('citation of an article that does not exist: structured and inline, each with the fix', () => {
    expect(problemsOf('missing-article')).toEqual([
      expect.stringMatching(
        new RegExp(`^${dir}/missing-article\\.md（字段 laws\\[1\\]）：法律援助法 第 999 条：《中华人民共和国法律援助法》没有第九百九十九条（本站收录的文本共 \\d+ 条）。请核对条号。$`),
      ),
      expect.stringMatching(
        new RegExp(`^${dir}/missing-article\\.md:\\d+：《中华人民共和国法律援助法》第九百九十九条：《中华人民共和国法律援助法》没有第九百九十九条.*请核对条号。$`),
      ),
    ]);
  });

  it('missing ## 怎么办: names the section and the order the body needs', () => {
    expect(problemsOf('missing-section')).toEqual([
      `${dir}/missing-section.md：正文缺少“## 怎么办”一节（需要依次包含：案情、法律分析、怎么办）`,
    ]);
  });

  it('公开案例 without a source: names the field and what to write', () => {
    expect(problemsOf('public-case-without-source')).toEqual([
      `${dir}/public-case-without-source.md：字段 source：公开案例必须写明出处（source：title、publisher）`,
    ]);
  });

  it('reports nothing else: every fixture has exactly the problems above', () => {
    const files = new Set(problems.map((p) => p.match(/^[^:：（]+/)![0]));
    expect([...files].sort()).toEqual(
      ['impossible-date', 'missing-article', 'missing-section', 'missing-summary', 'public-case-without-source', 'unknown-topic'].map((n) => `${dir}/${n}.md`),
    );
    expect(problems.length).toBe(7);
  });
});
