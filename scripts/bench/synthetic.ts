/**
 * Synthetic 以案说法 articles for the build-scale benchmark, written into a
 * temporary copy of the project (never into content/, never committed).
 *
 * Each article starts from one of the real articles in content/cases
 * (taken in turn), so its frontmatter is valid for src/schemas/cases.ts and
 * every citation, in the frontmatter and inline, resolves to content/laws.
 * Varied per article, with a seeded random generator (the same corpus on every
 * run): the title (a reader's question form around the original), the
 * publication date (within the 600 days before the original's publication date),
 * and the 案情 section, which gets one more paragraph: the 案情 of another real
 * article, introduced as a second, similar story. Real sentences, so the text
 * has the length, vocabulary and markup of real articles (about 1,700
 * characters each, with their links and bold text) rather than filler.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, entryId } from '../../src/schemas/collections.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

interface Source {
  slug: string;
  text: string;
  title: string;
  anchor: string;
  story: string;
}

function section(body: string, heading: string): string {
  const start = body.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const rest = body.slice(start + heading.length + 4);
  const end = rest.search(/\n## /);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

export function loadSources(casesDir: string): Source[] {
  return readdirSync(casesDir)
    .sort()
    .flatMap((f) => {
      const slug = entryId(COLLECTIONS.cases, f);
      if (slug === undefined) return [];
      const text = readFileSync(join(casesDir, f), 'utf8');
      const { data, body } = splitFrontmatter(text);
      const anchor =
        data.published instanceof Date ? data.published.toISOString().slice(0, 10) : String(data.published);
      return [
        {
          slug,
          text,
          title: String(data.title),
          anchor,
          story: section(body, '案情'),
          draft: data.draft === true,
        },
      ];
    })
    .filter((s) => !s.draft && s.story);
}

/** Mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLE_FORMS: ((t: string) => string)[] = [
  (t) => t,
  (t) => `遇到这种事：${t}`,
  (t) => `${t}法律这样说`,
  (t) => `以案说法：${t}`,
  (t) => `邻居也问过：${t}`,
];
const SECOND_STORY = [
  '类似的事在别处也有：',
  '再看一个相近的例子：',
  '镇上还有一件类似的事：',
  '另一位读者问过差不多的问题：',
];

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;

/** The slug and file text of synthetic article number `i` (0-based). */
export function syntheticArticle(sources: Source[], i: number): { slug: string; text: string } {
  const r = random(i + 1);
  const base = sources[i % sources.length]!;
  const other = sources[(i * 7 + 3) % sources.length]!;
  let title = pick(TITLE_FORMS, r)(base.title);
  if ([...title].length > 40) title = base.title;
  const anchor = new Date(`${base.anchor}T00:00:00Z`);
  const published = new Date(anchor.getTime() - Math.floor(r() * 600) * 86_400_000).toISOString().slice(0, 10);
  const extra = other.slug === base.slug ? '' : `\n\n${pick(SECOND_STORY, r)}${other.story.split('\n\n')[0]}`;
  const text = base.text
    .replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)
    .replace(/^published: .*$/m, `published: ${published}`)
    .replace(/^draft: .*$/m, 'draft: false')
    .replace(
      /(## 案情\n[\s\S]*?)(\n+## 法律分析)/,
      (_m, story: string, next: string) => `${story.trimEnd()}${extra}\n${next}`,
    );
  return { slug: `bench-${String(i + 1).padStart(5, '0')}`, text };
}
