/** Splits a Markdown/MDX file into YAML frontmatter and body, as Astro's glob loader does. */
import { parse } from 'yaml';

export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = text.match(/^---\n([\s\S]*?)\n---(?:\n|$)/);
  if (!m) return { data: {}, body: text, bodyLine: 1 };
  const data = (parse(m[1]!) ?? {}) as Record<string, unknown>;
  return { data, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}
