/**
 * The content in content/ as it will be published: every file meets its
 * schema, cites only articles that exist, and uses real dates; the plan's
 * parts agree with their headings and cover the seven work lines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, checkFrontmatter } from '../../src/integrations/content-checks.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { findRestorations, firstHeading } from '../../src/lib/restorations.ts';
import { WORK_LINES } from '../../src/lib/taxonomy.ts';
import { projectRoot } from '../support/dist.ts';

const content = join(projectRoot, 'content');

describe('all content', () => {
  it('meets its schema and has the required sections', () => {
    expect(checkFrontmatter(projectRoot)).toEqual([]);
  });
  it('cites only articles that exist and writes only real dates', () => {
    expect(checkContent(content, join(content, 'laws'), projectRoot)).toEqual([]);
  });
});

describe('the plan', () => {
  const files = readdirSync(join(content, 'plan')).filter((f) => f.endsWith('.mdx')).sort();
  const parts = files.map((f) => ({ file: f, ...splitFrontmatter(readFileSync(join(content, 'plan', f), 'utf8')) }));

  it('has one part per work line, in the plan order', () => {
    const lines = parts.map((p) => p.data.workLine).filter(Boolean);
    expect(lines).toEqual(WORK_LINES.map((w) => w.id));
  });
  it('keeps each part heading in the frontmatter equal to the body heading', () => {
    for (const p of parts.filter((p) => p.data.heading)) {
      expect(firstHeading(p.body), p.file).toBe(p.data.heading);
    }
  });
  it('numbers restorations uniquely and restores every lost numeral', () => {
    const all = parts.flatMap((p) => findRestorations(p.body));
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(parts.some((p) => p.body.includes('()'))).toBe(false);
    expect(all.length).toBe(18);
  });
  it('keeps the historical text otherwise as extracted from the original page', () => {
    const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'plan-seed.txt'), 'utf8');
    const normalise = (s: string) => s.replace(/<R id="[^"]+">[^<]+<\/R>/g, '').replace(/^#+\s*/gm, '').replace(/\s+/g, '');
    const text = normalise(parts.map((p) => p.body).join('\n'));
    expect(text).toBe(normalise(seed));
  });
});
