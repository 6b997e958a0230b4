/**
 * Which schema validates which files, for checks that run outside Astro
 * (npm run check:content and tests/content). Keep in step with src/content.config.ts.
 * Markdown/MDX files are checked by their frontmatter; YAML/JSON data files
 * (the directory) as a whole.
 */
import type { z } from 'astro/zod';
import { caseSchema } from './cases.ts';
import { englishSchema } from './english.ts';
import { legalAdvisersFileSchema, officeSchema } from './directory.ts';
import { lawSchema } from './laws.ts';
import { planPartSchema } from './plan.ts';
import { serviceSchema } from './services.ts';

export interface FrontmatterCollection {
  dir: string;
  pattern: RegExp;
  schema: z.ZodType;
  /** Level-2 headings the body must contain, in this order. */
  requiredSections?: string[];
}

export const FRONTMATTER_COLLECTIONS: Record<string, FrontmatterCollection> = {
  laws: { dir: 'content/laws', pattern: /\.md$/, schema: lawSchema },
  plan: { dir: 'content/plan', pattern: /\.mdx$/, schema: planPartSchema },
  services: { dir: 'content/services', pattern: /\.md$/, schema: serviceSchema },
  cases: {
    dir: 'content/cases',
    pattern: /\.mdx$/,
    schema: caseSchema,
    requiredSections: ['案情', '法律分析', '怎么办'],
  },
  en: { dir: 'content/en', pattern: /\.md$/, schema: englishSchema },
  offices: { dir: 'content/directory/offices', pattern: /\.yaml$/, schema: officeSchema },
  legalAdvisers: { dir: 'content/directory', pattern: /^legal-advisers\.yaml$/, schema: legalAdvisersFileSchema },
};
