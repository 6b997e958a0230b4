/**
 * Content collections. Each collection's schema lives in src/schemas/ with its
 * fields documented; this file only wires loaders to schemas.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { lawSchema } from './schemas/laws.ts';
import { planDocumentSchema, planPartSchema } from './schemas/plan.ts';
import { serviceSchema } from './schemas/services.ts';
import { caseSchema } from './schemas/cases.ts';
import { townSchema } from './schemas/towns.ts';
import { legalAdviserSchema, officeSchema } from './schemas/directory.ts';
import { synonymEntrySchema } from './schemas/synonyms.ts';
import { englishSchema } from './schemas/english.ts';

export const collections = {
  laws: defineCollection({ loader: glob({ pattern: '*.md', base: './content/laws' }), schema: lawSchema }),
  plan: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/plan' }), schema: planPartSchema }),
  planDocument: defineCollection({ loader: file('./content/plan/document.yaml'), schema: planDocumentSchema }),
  cases: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/cases' }), schema: caseSchema }),
  services: defineCollection({ loader: glob({ pattern: '*.md', base: './content/services' }), schema: serviceSchema }),
  towns: defineCollection({ loader: file('./content/directory/towns.json'), schema: townSchema }),
  offices: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/directory/offices' }),
    schema: officeSchema,
  }),
  legalAdvisers: defineCollection({
    loader: file('./content/directory/legal-advisers.yaml'),
    schema: legalAdviserSchema,
  }),
  synonyms: defineCollection({ loader: file('./content/search/synonyms.yaml'), schema: synonymEntrySchema }),
  en: defineCollection({ loader: glob({ pattern: '*.md', base: './content/en' }), schema: englishSchema }),
};
