/**
 * Every content collection, once: where its files are, how Astro loads them,
 * the schema each entry meets, the body sections it needs and the rules
 * across files. Two readers, so they cannot drift:
 *  - src/content.config.ts turns each row into an Astro collection;
 *  - src/integrations/content-checks.ts loads content/ the same way and checks
 *    it against the same rows (`npm run check:content`, and the build before
 *    any page renders), so the editor's check and the build agree.
 * Every collection is also checked by the generic rules in src/schemas/rules.ts
 * (parses, schema, sections, citations resolve, dates exist, …).
 * A new collection: add a row here, then a page that reads it (docs/architecture.md).
 */
import type { z } from 'astro/zod';
import {
  adviserRecordIds,
  caseFileName,
  incomeFigureYears,
  officeFileName,
  officeNamesUnique,
  officeNoHiddenPhone,
  officeTypePlanAnchor,
  officeTypesComplete,
  planDocumentOne,
  planHeadings,
  planRestorations,
  planWorkLines,
  serviceFileName,
  servicesComplete,
  synonymPhrasesOnce,
  bestBetPhrasesOnce,
  bestBetLinksExist,
  synonymWordsUsed,
} from './collection-rules.ts';
import { caseSchema } from './cases.ts';
import { englishSchema } from './english.ts';
import { legalAdviserSchema, officeSchema } from './directory.ts';
import { lawSchema } from './laws.ts';
import { incomeFigureSchema } from './legal-aid-standard.ts';
import { officeTypeSchema } from './office-types.ts';
import { planDocumentSchema, planPartSchema } from './plan.ts';
import { qaSchema } from './qa.ts';
import { serviceDaySchema } from './service-days.ts';
import type { ContentRule } from './rules.ts';
import { serviceSchema } from './services.ts';
import { synonymEntrySchema } from './synonyms.ts';
import { bestBetSchema } from './best-bets.ts';
import { townSchema } from './towns.ts';

interface BaseSpec<S extends z.ZodType> {
  /** What the collection holds, in the words of messages to editors: 方案的发布信息. */
  label: string;
  /** Each entry's schema: Astro validates with it, and so does the check. */
  schema: S;
  /** Rules of this collection beyond its schema (src/schemas/collection-rules.ts). */
  rules?: readonly ContentRule[];
}

/** One file per entry in a folder: the file name without extension is the entry's id. */
export interface FolderSpec<S extends z.ZodType = z.ZodType> extends BaseSpec<S> {
  kind: 'glob';
  /** Folder, from the project root: content/cases. Only its own files, not subfolders. */
  dir: string;
  ext: 'md' | 'mdx' | 'yaml';
  /** Level-2 headings the body must contain, in this order. */
  sections?: readonly string[];
}

/** Every entry in one data file. */
export interface FileSpec<S extends z.ZodType = z.ZodType> extends BaseSpec<S> {
  kind: 'file';
  /** The file, from the project root. */
  file: string;
  /** list: items with an `id`; map: `id: entry`. */
  shape: 'list' | 'map';
  /** The top-level key the entries sit under (office-types.yaml: types), if not at the top. */
  key?: string;
}

export type CollectionSpec<S extends z.ZodType = z.ZodType> = FolderSpec<S> | FileSpec<S>;

export const COLLECTIONS = {
  laws: { kind: 'glob', label: '法律条文', dir: 'content/laws', ext: 'md', schema: lawSchema },
  plan: {
    kind: 'glob',
    label: '“三进”实施方案的正文',
    dir: 'content/plan',
    ext: 'mdx',
    schema: planPartSchema,
    rules: [planWorkLines, planHeadings, planRestorations],
  },
  planDocument: {
    kind: 'file',
    label: '方案的发布信息（标题、发布机构、日期和法律变化说明）',
    file: 'content/plan/document.yaml',
    shape: 'list',
    schema: planDocumentSchema,
    rules: [planDocumentOne],
  },
  cases: {
    kind: 'glob',
    label: '以案说法文章',
    dir: 'content/cases',
    // Markdown, not MDX: the articles use no components, and Markdown takes a
    // stray < or { in an editor's text as text where MDX fails the build. At
    // 1,000 articles it also bundles 12 s of CPU less (one module per MDX file).
    ext: 'md',
    schema: caseSchema,
    sections: ['案情', '法律分析', '怎么办'],
    rules: [caseFileName],
  },
  qa: {
    kind: 'glob',
    label: '常见问答',
    dir: 'content/qa',
    ext: 'md',
    schema: qaSchema,
    sections: ['问题', '答复'],
  },
  serviceDays: {
    kind: 'file',
    label: '村居法律顾问服务日的安排',
    file: 'content/consult/service-days.json',
    shape: 'list',
    schema: serviceDaySchema,
  },
  services: {
    kind: 'glob',
    label: '办事指南',
    dir: 'content/services',
    ext: 'md',
    schema: serviceSchema,
    rules: [serviceFileName, servicesComplete],
  },
  towns: {
    kind: 'file',
    label: '镇（街道）名单',
    file: 'content/directory/towns.json',
    shape: 'list',
    schema: townSchema,
  },
  offices: {
    kind: 'glob',
    label: '机构名录的机构',
    dir: 'content/directory/offices',
    ext: 'yaml',
    schema: officeSchema,
    rules: [officeFileName, officeNamesUnique, officeNoHiddenPhone],
  },
  officeTypes: {
    kind: 'file',
    label: '机构类型的说明',
    file: 'content/directory/office-types.yaml',
    shape: 'list',
    key: 'types',
    schema: officeTypeSchema,
    rules: [officeTypesComplete, officeTypePlanAnchor],
  },
  legalAdvisers: {
    kind: 'file',
    label: '村（居）法律顾问名单',
    file: 'content/directory/legal-advisers.yaml',
    shape: 'map',
    schema: legalAdviserSchema,
    rules: [adviserRecordIds],
  },
  en: {
    kind: 'glob',
    label: '给海外乡亲的英文页面',
    dir: 'content/en',
    ext: 'md',
    schema: englishSchema,
  },
  legalAidStandard: {
    kind: 'file',
    label: '法律援助经济困难标准用到的江门市人均可支配收入',
    file: 'content/data/legal-aid-standard.yaml',
    shape: 'map',
    key: 'figures',
    schema: incomeFigureSchema,
    rules: [incomeFigureYears],
  },
  synonyms: {
    kind: 'file',
    label: '站内搜索的日常说法对照表',
    file: 'content/search/synonyms.yaml',
    shape: 'list',
    schema: synonymEntrySchema,
    rules: [synonymPhrasesOnce, synonymWordsUsed],
  },
  bestBets: {
    kind: 'file',
    label: '站内搜索的“最佳去处”',
    file: 'content/search/best-bets.yaml',
    shape: 'list',
    schema: bestBetSchema,
    rules: [bestBetPhrasesOnce, bestBetLinksExist],
  },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;

/**
 * The entry id of a file in a folder collection (the file name without the
 * collection's extension: unpaid-wages.md → unpaid-wages), or undefined when
 * the file is not one of its entries. The loader, the content check and every
 * script that reads the articles' files name entries this way.
 */
export function entryId(spec: FolderSpec, fileName: string): string | undefined {
  return fileName.endsWith(`.${spec.ext}`) ? fileName.slice(0, -(spec.ext.length + 1)) : undefined;
}

/** The file name of a folder collection's entry: entryFile(COLLECTIONS.cases, 'unpaid-wages') → unpaid-wages.md. */
export function entryFile(spec: FolderSpec, id: string): string {
  return `${id}.${spec.ext}`;
}
