/**
 * The content check (`npm run check:content`, run by the build too) on small
 * broken project roots in tests/fixtures/content-rules/: every rule of the
 * collections table and every generic rule is broken by at least one fixture,
 * and the problem names the broken file, in Chinese, with the fix.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocking, checkAll, report } from '../../src/integrations/content-checks.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import { GENERIC_RULES, type Problem } from '../../src/schemas/rules.ts';
import { projectRoot } from '../support/dist.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'content-rules');
const lawsDir = join(projectRoot, 'content', 'laws');
const cache = new Map<string, Problem[]>();
const problemsIn = (scenario: string) => {
  if (!cache.has(scenario)) cache.set(scenario, checkAll(join(fixtures, scenario), { lawsDir }));
  return cache.get(scenario)!;
};

/** Rule → the fixture project that breaks it, and the file its problem must name. */
const BROKEN: Record<string, [scenario: string, file: string]> = {
  'file-present': ['missing-files', 'content/plan/document.yaml'],
  syntax: ['cases', 'content/cases/bad-yaml.md'],
  'stray-file': ['cases', 'content/cases/saved-as-mdx.mdx'],
  'entry-id': ['synonyms', 'content/search/synonyms.yaml'],
  schema: ['offices', 'content/directory/offices/missing-source.yaml'],
  sections: ['cases', 'content/cases/missing-section.md'],
  citations: ['offices', 'content/directory/offices/missing-article.yaml'],
  dates: ['offices', 'content/directory/offices/impossible-date.yaml'],
  'plan.work-lines': ['plan', 'content/plan/02-two.mdx'],
  'plan.headings': ['plan', 'content/plan/02-two.mdx'],
  'plan.restorations': ['plan', 'content/plan/01-one.mdx'],
  'planDocument.one-entry': ['plan', 'content/plan/document.yaml'],
  'cases.file-name': ['cases', 'content/cases/page.md'],
  'services.file-name': ['services', 'content/services/legal_aid.md'],
  'services.complete': ['services', 'content/services/legal-aid.md'],
  'offices.file-name': ['offices', 'content/directory/offices/Dajiang_Office.yaml'],
  'offices.unique-names': ['offices', 'content/directory/offices/same-name-b.yaml'],
  'offices.no-hidden-phone': ['offices', 'content/directory/offices/phone-in-notes.yaml'],
  'officeTypes.complete': ['office-types', 'content/directory/office-types.yaml'],
  'officeTypes.plan-anchor': ['office-types', 'content/directory/office-types.yaml'],
  'legalAdvisers.record-id': ['legal-advisers', 'content/directory/legal-advisers.yaml'],
  'legalAidStandard.years': ['legal-aid-standard', 'content/data/legal-aid-standard.yaml'],
  'synonyms.phrases-once': ['synonyms', 'content/search/synonyms.yaml'],
  'synonyms.words-used': ['synonyms', 'content/search/synonyms.yaml'],
  'bestBets.phrases-once': ['best-bets', 'content/search/best-bets.yaml'],
  'bestBets.links-exist': ['best-bets', 'content/search/best-bets.yaml'],
};

const tableRules = [
  ...GENERIC_RULES,
  ...Object.values(COLLECTIONS).flatMap((spec) => ('rules' in spec ? [...spec.rules] : [])),
];

describe('the rules table', () => {
  it('has a broken fixture for every rule, and every fixture names a rule of the table', () => {
    expect(Object.keys(BROKEN).sort()).toEqual(tableRules.map((r) => r.id).sort());
  });
  it('names each rule once', () => {
    const ids = tableRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(Object.entries(BROKEN))('%s: rejects its fixture, naming the file', (rule, [scenario, file]) => {
    const found = problemsIn(scenario).filter((p) => p.rule === rule);
    expect(found.length, `${scenario} 应当违反 ${rule}`).toBeGreaterThan(0);
    expect(
      found.some((p) => p.text.startsWith(`${file}：`) || p.text.startsWith(`${file}:`)),
      found.map((p) => p.text).join('\n'),
    ).toBe(true);
    // Messages are for editors: Chinese, no markup.
    for (const p of found) expect(p.text).toMatch(/[\u4e00-\u9fff]/);
    for (const p of found) expect(p.text).not.toMatch(/\*\*/);
  });
});

describe('file names the build would reject or publish at a surprising address', () => {
  it('a service file not named by its work line: says which names are allowed', () => {
    const found = problemsIn('services').filter((p) => p.rule === 'services.file-name');
    expect(found.map((p) => p.text)).toEqual([
      'content/services/legal_aid.md：文件名必须是工作条线的编号：publicity.md（法制宣传）、mediation.md（人民调解）、resettlement.md（安置帮教）、community-correction.md（社区矫正）、legal-aid.md（法律援助）、lawyers.md（律师）、notary.md（公证）。文件名就是网址 /services/<编号>/，请把文件改成其中一个名字。',
    ]);
  });
  it('an office file with capitals or a reserved name: says how to rename it', () => {
    const found = problemsIn('offices').filter((p) => p.rule === 'offices.file-name');
    expect(found.map((p) => p.text)).toEqual([
      'content/directory/offices/Dajiang_Office.yaml：文件名只能用小写英文字母、数字和短横线（-）：文件名就是机构编号，也是网址 /directory/<编号>/。请改名，例如 justice-office-dajiang.yaml。',
      'content/directory/offices/type.yaml：文件名不能是 town、type、index：这些是名录自己的网址（/directory/town/ 等）。请换个名字，例如 law-firm-xxx.yaml。',
    ]);
  });
  it('a case named like a list page', () => {
    expect(problemsIn('cases').filter((p) => p.rule === 'cases.file-name').map((p) => p.text)).toEqual([
      'content/cases/page.md：文件名不能是 page、audience、topic、line、rss.xml（列表页要用这些网址）：请给 page.md 换个名字。',
    ]);
  });
});

describe('the legal-aid income figures', () => {
  it('are keyed by year, and published after the year they are for', () => {
    const found = problemsIn('legal-aid-standard').filter((p) => p.rule === 'legalAidStandard.years');
    // A year key sorts first in a YAML map, as in any JavaScript object.
    expect(found.map((p) => p.text)).toEqual([
      'content/data/legal-aid-standard.yaml：2025年的数字不会在2025年内发布：请检查年份（写数字所属的年份）和发布日期（published）',
      'content/data/legal-aid-standard.yaml：“今年”不是年份：figures 下面每一项以数字所属的年份开头，例如 2025:',
    ]);
  });
});

describe('reminders', () => {
  it('an advisory rule (a search word no page uses) is listed as a reminder and does not stop the build', () => {
    const problems = problemsIn('synonyms');
    const words = problems.filter((p) => p.rule === 'synonyms.words-used');
    expect(words.every((p) => p.advisory)).toBe(true);
    expect(blocking(problems)).toEqual(problems.filter((p) => p.rule !== 'synonyms.words-used'));
    expect(report(words)).toMatch(/^内容检查有 3 处提醒（不影响发布，但请尽快改）：\n {2}- content\/search\/synonyms\.yaml：/);
    expect(report(problems)).toMatch(/^内容检查发现 \d+ 处问题：[\s\S]*\n另有 3 处提醒/);
  });
});

describe('checking a part of the content', () => {
  it('with `only`, reports just those collections', () => {
    const found = checkAll(join(fixtures, 'offices'), { lawsDir, only: ['offices'] });
    expect(new Set(found.map((p) => p.text.split(/[:：]/)[0]!.replace(/\/[^/]+$/, '')))).toEqual(
      new Set(['content/directory/offices']),
    );
  });
});
