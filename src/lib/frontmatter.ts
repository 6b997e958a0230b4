/** Splits a Markdown/MDX file into YAML frontmatter and body, as Astro's glob loader does. */
import { parse } from 'yaml';

/**
 * Parsed frontmatter by its YAML text. A build reads every article twice in
 * one process, in the content check and for the sitemap's empty filter pages
 * (src/integrations/sitemap-filter.ts), and parsing the YAML was most of
 * both: at 1,000 articles, 1.8 s of CPU each (the sitemap's check fell from
 * 1.0 to 0.2 s with the cache). A long-lived process would keep every version
 * of every file it ever read, so the content check's integration empties it
 * first (forgetParsedFrontmatter): it then holds one reading of content/, the
 * one the sitemap reads again. A count limit would not do: the check reads
 * every file before the sitemap reads the articles again, so any limit below
 * the number of files (5,000 articles in the build-scale benchmark) would
 * drop exactly the ones the sitemap wants.
 */
const parsed = new Map<string, Record<string, unknown>>();

/** Empties the cache of parsed frontmatter, before a reading of the whole of content/. */
export function forgetParsedFrontmatter(): void {
  parsed.clear();
}

export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = text.match(/^---\n([\s\S]*?)\n---(?:\n|$)/);
  if (!m) return { data: {}, body: text, bodyLine: 1 };
  let data = parsed.get(m[1]!);
  if (!data) parsed.set(m[1]!, (data = (parse(m[1]!) ?? {}) as Record<string, unknown>));
  // A copy: callers may change what they get.
  return { data: structuredClone(data), body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}
