/**
 * The editing interface's field configuration (src/cms/config.yml) must agree
 * with the schemas of what it edits — the cases and service guides
 * (src/schemas/cases.ts, services.ts) and the office types' text
 * (src/schemas/office-types.ts): same fields, same required flags, same
 * options, same length limits and patterns. Otherwise an editor could save a
 * page the build rejects, or be stopped from saving a valid one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseSchema } from '../../src/schemas/cases.ts';
import { serviceSchema } from '../../src/schemas/services.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import { officeTypeSchema } from '../../src/schemas/office-types.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { compareFields, jsonSchemaOf, lengthFromPattern, type CmsField } from '../support/cms-drift.ts';
import { projectRoot } from '../support/dist.ts';

interface CmsFile {
  name: string;
  label: string;
  file: string;
  fields: (CmsField & { allow_add?: boolean; allow_remove?: boolean; allow_reorder?: boolean })[];
}
interface CmsConfig {
  locale: string;
  local_backend: boolean;
  publish_mode?: string;
  backend: { name: string; repo?: string; branch?: string };
  collections: {
    name: string;
    folder?: string;
    extension?: string;
    format?: string;
    create?: boolean;
    delete?: boolean;
    fields: CmsField[];
    files?: CmsFile[];
  }[];
}

const config = parse(readFileSync(join(projectRoot, 'src', 'cms', 'config.yml'), 'utf8')) as CmsConfig;
const cases = config.collections.find((c) => c.name === 'cases')!;
const services = config.collections.find((c) => c.name === 'services')!;
const schema = jsonSchemaOf(caseSchema);
const officeTypes = config.collections.flatMap((c) => c.files ?? []).find((f) => f.name === 'office-types')!;
const labels = (fields: CmsField[]): string[] =>
  fields.flatMap((f) => [f.label ?? '', ...labels(f.fields ?? []), ...(f.field ? labels([f.field]) : [])]);

/** The law names content/laws/ holds, which the citation pickers must offer exactly. */
function lawOptionsDrift(law: CmsField) {
  const lawsDir = join(projectRoot, 'content', 'laws');
  const shortTitles = readdirSync(lawsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => splitFrontmatter(readFileSync(join(lawsDir, f), 'utf8')).data.shortTitle as string);
  const options = (law.options ?? []).map(String);
  return {
    missing: shortTitles.filter((t) => !options.includes(t)),
    extra: options.filter((o) => !shortTitles.includes(o)),
  };
}

describe('src/cms/config.yml', () => {
  it('is in Simplified Chinese, with the local backend, editing the articles’ files where the site reads them', () => {
    expect(config.locale).toBe('zh_Hans');
    expect(config.local_backend).toBe(true);
    expect(cases).toMatchObject({
      folder: COLLECTIONS.cases.dir,
      extension: COLLECTIONS.cases.ext,
      format: 'frontmatter',
    });
  });

  it('has the fields of the cases schema, with the same required flags, options and limits', () => {
    expect(compareFields('', cases.fields, schema, ['body'])).toEqual([]);
  });

  it('edits the seven service guides (no new ones, none deleted) with the fields of the services schema', () => {
    expect(services).toMatchObject({ folder: 'content/services', extension: 'md', format: 'frontmatter' });
    expect(services.create).toBe(false);
    expect(services.delete).toBe(false);
    expect(compareFields('', services.fields, jsonSchemaOf(serviceSchema), ['body'])).toEqual([]);
  });

  it('works offline with decap-server, and online through the Git host with the editorial workflow', () => {
    // Locally (decap-server, MODE=fs) Decap switches to simple publishing by itself.
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend.name).toBe('github');
    // Never invented here: written at build time from the deploy environment.
    expect(config.backend.repo).toBeUndefined();
    expect(config.backend.branch).toBeUndefined();
  });

  it('offers the same review record fields on cases and services', () => {
    const review = (fields: CmsField[]) => fields.find((f) => f.name === 'review');
    expect(review(cases.fields)).toBeDefined();
    expect(review(services.fields)).toEqual(review(cases.fields));
  });

  it('has a required Markdown body', () => {
    const body = cases.fields.find((f) => f.name === 'body');
    expect(body).toMatchObject({ widget: 'markdown' });
    expect(body!.required).not.toBe(false);
  });

  it('offers exactly the laws in content/laws/ for citations', () => {
    const guide = services.fields.find((f) => f.name === 'guide')!;
    for (const list of [cases.fields.find((f) => f.name === 'laws')!, guide.fields!.find((f) => f.name === 'legalBasis')!]) {
      const law = list.fields!.find((f) => f.name === 'law')!;
      expect(lawOptionsDrift(law), '请在 src/cms/config.yml 的 laws → law 选项里增删这些法律名称').toEqual({ missing: [], extra: [] });
    }
  });

  it('labels every field in Chinese', () => {
    for (const label of [...labels(cases.fields), ...labels(services.fields)]) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('src/cms/config.yml: the office types’ text', () => {
  const types = officeTypes.fields.find((f) => f.name === 'types')!;

  it('edits content/directory/office-types.yaml, the file of the officeTypes collection', () => {
    expect(officeTypes.file).toBe(COLLECTIONS.officeTypes.file);
    expect(officeTypes.fields.map((f) => f.name)).toEqual([COLLECTIONS.officeTypes.key]);
  });

  it('has the fields of the office-type schema, with the same required flags, options and limits', () => {
    expect(types.widget).toBe('list');
    expect(compareFields('types', types.fields!, jsonSchemaOf(officeTypeSchema))).toEqual([]);
  });

  it('lets editors change the words but not add, remove or reorder types (their ids and order are fixed)', () => {
    expect(types).toMatchObject({ allow_add: false, allow_remove: false, allow_reorder: false });
  });

  it('offers exactly the laws in content/laws/ for citations', () => {
    const law = types.fields!.find((f) => f.name === 'law')!.fields!.find((f) => f.name === 'law')!;
    expect(lawOptionsDrift(law), '请在 src/cms/config.yml 的 types → law → law 选项里增删这些法律名称').toEqual({ missing: [], extra: [] });
  });

  it('labels every field in Chinese', () => {
    for (const label of labels(officeTypes.fields)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the drift check itself', () => {
  const clone = () => structuredClone(cases.fields);
  const field = (fields: CmsField[], name: string) => fields.find((f) => f.name === name)!;

  it('notices a missing field and an extra one', () => {
    const fields = clone().filter((f) => f.name !== 'summary');
    fields.push({ name: 'author', label: '作者', widget: 'string' });
    expect(compareFields('', fields, schema, ['body'])).toEqual([
      'summary：schema 有这个字段，CMS 配置里没有',
      'author：CMS 配置里有这个字段，schema 里没有',
    ]);
  });
  it('notices a changed required flag, option list, minimum and length limit', () => {
    const fields = clone();
    field(fields, 'tags').required = true;
    field(fields, 'topic').options!.pop();
    field(fields, 'audiences').min = 0;
    field(fields, 'title').pattern = ['^.{5,40}$', '5 到 40 个字'];
    const problems = compareFields('', fields, schema, ['body']);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/tags：schema 可不填，CMS 必填/);
    expect(problems.join('\n')).toMatch(/topic：选项不一致/);
    expect(problems.join('\n')).toMatch(/audiences：最少条数不一致/);
    expect(problems.join('\n')).toMatch(/title：字数限制不一致：schema 6–40，CMS 5–40/);
  });
  it('notices nested differences (laws → note)', () => {
    const fields = clone();
    field(field(fields, 'laws').fields!, 'note').pattern = ['^.{0,100}$', ''];
    expect(compareFields('', fields, schema, ['body'])).toEqual(['laws.note：字数限制不一致：schema 0–80，CMS 0–100']);
  });
  it('lets fields inside an optional object be optional in the CMS, but not the other way round', () => {
    const fields = clone();
    expect(field(field(fields, 'source').fields!, 'title').required).toBe(false);
    field(field(fields, 'source').fields!, 'url').required = true;
    expect(compareFields('', fields, schema, ['body'])).toEqual(['source.url：schema 可不填，CMS 必填']);
  });
  it('notices a reviewer rule the CMS does not check, and a changed number range', () => {
    const fields = clone();
    field(field(fields, 'review').fields!, 'by').pattern = ['^.{3,30}$', ''];
    expect(compareFields('', fields, schema, ['body'])).toEqual([
      expect.stringMatching(/^review\.by：规则不一致：CMS 的 pattern 应写成 \^\(\?=\.\{3,30\}\$\)\.\*\(\?:局/),
    ]);
    const serviceFields = structuredClone(services.fields);
    field(serviceFields, 'order').max = 8;
    expect(compareFields('', serviceFields, jsonSchemaOf(serviceSchema), ['body'])).toEqual([
      'order：数值范围不一致：schema 1–7，CMS 1–8',
    ]);
  });
  it('reads length patterns', () => {
    expect(lengthFromPattern('^.{6,40}$')).toEqual({ min: 6, max: 40 });
    expect(lengthFromPattern('^[\\s\\S]{30,160}$')).toEqual({ min: 30, max: 160 });
    expect(lengthFromPattern('^.{2,}$')).toEqual({ min: 2, max: undefined });
    expect(lengthFromPattern('^\\d+$')).toBeUndefined();
  });
});
