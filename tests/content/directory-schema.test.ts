/**
 * The directory schemas, rule by rule: valid fixtures pass, and each broken
 * fixture (tests/fixtures/directory/…, one rule broken per file) is rejected
 * on the field that breaks the rule, with a message an editor can act on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../src/integrations/content-checks.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import { calendarDate, officeSchema } from '../../src/schemas/directory.ts';
import { fieldPath } from '../../src/lib/validation-messages.ts';
import { projectRoot } from '../support/dist.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'directory');
const load = (dir: string, file: string) => parse(readFileSync(join(fixtures, dir, file), 'utf8'));
const yamlFiles = (dir: string) => readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.yaml')).sort();

/** Broken office fixture → the field it must be rejected on, and a word from the message. */
const BROKEN_OFFICES: Record<string, [field: string, says: string]> = {
  'missing-source': ['source', '依据什么'],
  'short-source': ['source', '至少 10 个字'],
  'missing-verified': ['verified', 'verified: true'],
  'phone-unverified': ['phone', '未核实的条目不能公布 phone'],
  'address-unverified': ['address', '未核实的条目不能公布 address'],
  'hours-unverified': ['openingHours', '未核实的条目不能公布 openingHours'],
  'email-unverified': ['email', '未核实的条目不能公布 email'],
  'verified-without-date': ['lastVerified', '核实日期'],
  'date-impossible': ['lastVerified', '不存在'],
  'date-future': ['lastVerified', '不能晚于今天'],
  'date-format': ['lastVerified', 'YYYY-MM-DD'],
  'verified-descriptive-name': ['descriptiveName', '正式名称'],
  'unknown-type': ['type', 'type 必须是'],
  'adviser-as-office': ['type', 'legal-advisers.yaml'],
  'unknown-town': ['towns', 'dajiang'],
  'empty-towns': ['towns', '全市'],
  'duplicate-towns': ['towns', '重复'],
  'unknown-service': ['services[0]', '工作条线'],
  'no-services': ['services', '至少写一项'],
  'duplicate-services': ['services', '重复'],
  'bad-phone': ['phone', '区号'],
  'phone-as-number': ['phone', '引号'],
  'bad-email': ['email', '邮箱格式'],
  'short-name': ['name', '至少 4 个字'],
  'bad-source-url': ['sourceUrl', 'https://'],
  'unknown-field': ['', '不认识的字段：phon'],
};

/** Broken legal-advisers.yaml → the field it must be rejected on (record id first), and a word from the message. */
const BROKEN_ADVISERS: Record<string, [field: string, says: string]> = {
  'adviser-name-unverified': ['dajiang-shili-cun.adviser', '未核实'],
  'phone-unverified': ['dajiang-shili-cun.phone', '未核实'],
  'place-unverified': ['dajiang-shili-cun.place', '未核实'],
  'village-format': ['dajiang-shili-cun.village', '以“村”或“社区”结尾'],
  'unknown-town': ['dajiang-shili-cun.town', '镇街编号'],
  'verified-without-date': ['dajiang-shili-cun.lastVerified', '核实日期'],
  'missing-source': ['dajiang-shili-cun.source', '依据什么'],
  'bad-id': ['Dajiang_Cun', '小写字母'],
};

/** What `npm run check:content` says about a legal-advisers.yaml, as {field, message}. */
function adviserProblems(dir: string, file: string) {
  const rel = `tests/fixtures/directory/${dir}/${file}`;
  const collections = { ...COLLECTIONS, legalAdvisers: { ...COLLECTIONS.legalAdvisers, file: rel } };
  return checkAll(projectRoot, { collections, only: ['legalAdvisers'] }).map((p) => {
    const m = p.text.match(/^[^：]+：字段 ([^：]+)：(.*)$/);
    return m ? { field: m[1]!, message: m[2]! } : { field: '', message: p.text };
  });
}

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => ({ field: fieldPath(i.path), message: i.message }));
}

describe('office schema', () => {
  it.each(yamlFiles('valid'))('accepts valid/%s', (file) => {
    const r = officeSchema.safeParse(load('valid', file));
    expect(issuesOf(r)).toEqual([]);
  });

  it('has a broken fixture for every rule, and a rule for every broken fixture', () => {
    expect(yamlFiles('broken').map((f) => f.replace(/\.yaml$/, ''))).toEqual(Object.keys(BROKEN_OFFICES).sort());
  });

  it.each(Object.entries(BROKEN_OFFICES))('rejects broken/%s.yaml on its field', (name, [field, says]) => {
    const issues = issuesOf(officeSchema.safeParse(load('broken', `${name}.yaml`)));
    expect(issues.length, JSON.stringify(issues)).toBeGreaterThan(0);
    const hit = issues.find((i) => i.field === field);
    expect(hit, `应在字段“${field}”报错，实际：${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.message).toContain(says);
    // The messages are for editors: Chinese, without the markup Astro's raw errors carry.
    expect(hit!.message).not.toMatch(/\*\*/);
  });

  it('keeps the verified entry’s contacts and turns its date into a Date', () => {
    const r = officeSchema.parse(load('valid', 'verified-office.yaml'));
    expect(r.phone).toBe('0750-0000000');
    expect(r.lastVerified?.toISOString().slice(0, 10)).toBe('2025-03-03');
    expect(r.descriptiveName).toBe(false);
  });
});

describe('legal advisers schema', () => {
  it('accepts the valid file', () => {
    expect(adviserProblems('advisers-valid', 'legal-advisers.yaml')).toEqual([]);
  });
  it('accepts an empty file ({}), as published while no adviser is verified', () => {
    expect(parse(readFileSync(join(projectRoot, COLLECTIONS.legalAdvisers.file), 'utf8'))).toEqual({});
    expect(checkAll(projectRoot, { only: ['legalAdvisers'] })).toEqual([]);
  });
  it('has a broken fixture for every rule', () => {
    expect(yamlFiles('advisers-broken').map((f) => f.replace(/\.yaml$/, ''))).toEqual(Object.keys(BROKEN_ADVISERS).sort());
  });
  it.each(Object.entries(BROKEN_ADVISERS))('rejects advisers-broken/%s.yaml on its field', (name, [field, says]) => {
    const issues = adviserProblems('advisers-broken', `${name}.yaml`);
    const hit = issues.find((i) => i.field === field);
    expect(hit, `应在字段“${field}”报错，实际：${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.message).toContain(says);
  });
});

describe('dates', () => {
  it('accepts the Date objects Astro’s YAML parser produces', () => {
    expect(calendarDate.parse(new Date(Date.UTC(2025, 2, 3))).toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });
  it('rejects invalid Date objects', () => {
    expect(calendarDate.safeParse(new Date('nonsense')).success).toBe(false);
  });
  it('catches an unquoted impossible date that YAML would roll over (content checks)', () => {
    const collections = { ...COLLECTIONS, offices: { ...COLLECTIONS.offices, dir: 'tests/fixtures/directory/dates' } };
    const problems = checkAll(projectRoot, { collections, only: ['offices'] }).filter((p) => p.rule === 'dates');
    expect(problems.map((p) => p.text)).toEqual([
      expect.stringMatching(/unquoted-impossible-date\.yaml:9：日期 2025-02-30 不存在/),
    ]);
  });
});

describe('npm run check:content on directory files', () => {
  it('names the file and the field of every problem', () => {
    const collections = { ...COLLECTIONS, offices: { ...COLLECTIONS.offices, dir: 'tests/fixtures/directory/broken' } };
    const problems = checkAll(projectRoot, { collections, only: ['offices'] })
      .map((p) => p.text)
      .filter((t) => t.startsWith('tests/fixtures/directory/broken/phone-unverified.yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tests\/fixtures\/directory\/broken\/phone-unverified\.yaml：字段 phone：未核实的条目不能公布 phone/);
  });
});
