/**
 * The content in content/ as it will be published: it breaks none of the
 * rules `npm run check:content` and the build check (schemas, file names,
 * citations, dates, the plan's parts against its work lines and headings: see
 * src/schemas/collections.ts), and the plan's text is the historical text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../src/integrations/content-checks.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { findRestorations } from '../../src/lib/restorations.ts';
import { WORK_LINES } from '../../src/lib/taxonomy.ts';
import { projectRoot } from '../support/dist.ts';

const content = join(projectRoot, 'content');

describe('all content', () => {
  it('breaks no content rule', () => {
    expect(checkAll(projectRoot).map((p) => p.text)).toEqual([]);
  });
});

describe('the plan', () => {
  const files = readdirSync(join(content, 'plan')).filter((f) => f.endsWith('.mdx')).sort();
  const parts = files.map((f) => ({ file: f, ...splitFrontmatter(readFileSync(join(content, 'plan', f), 'utf8')) }));

  it('has its work-line parts in the order of the work lines (rules plan.* check one part each)', () => {
    const lines = parts.map((p) => p.data.workLine).filter(Boolean);
    expect(lines).toEqual(WORK_LINES.map((w) => w.id));
  });
  it('has the 18 restorations of the extracted text', () => {
    expect(parts.flatMap((p) => findRestorations(p.body)).length).toBe(18);
  });
  it('keeps the historical text otherwise as extracted from the original page', () => {
    const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'plan-seed.txt'), 'utf8');
    const normalise = (s: string) => s.replace(/<R id="[^"]+">[^<]+<\/R>/g, '').replace(/^#+\s*/gm, '').replace(/\s+/g, '');
    const text = normalise(parts.map((p) => p.body).join('\n'));
    expect(text).toBe(normalise(seed));
  });
});
