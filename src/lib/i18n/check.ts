/**
 * Simplified-only characters: what must never be left on a 繁體 page. A
 * character is simplified-only when OpenCC converts it and it is not itself
 * written in traditional text (干, 台, 后, 里 are both: 干預, 台山, 皇后, 公里).
 * Used by the tests of the built site and of the functions' pages.
 */
import type { Dictionary } from './convert.ts';

export function simplifiedOnlyCharacters(full: Dictionary): Set<string> {
  const traditional = new Set<string>();
  for (const entries of [full.exceptions, ...full.stages])
    for (const [, replacement] of entries) for (const ch of replacement) traditional.add(ch);
  const out = new Set<string>();
  for (const [source, replacement] of full.stages[0] ?? []) {
    if ([...source].length === 1 && source !== replacement && !traditional.has(source)) out.add(source);
  }
  return out;
}

/** The simplified-only characters in `texts`, each with a little context. */
export function leftovers(texts: readonly string[], simplifiedOnly: Set<string>): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const chars = [...t];
    chars.forEach((ch, i) => {
      if (simplifiedOnly.has(ch)) out.push(`${ch}（${chars.slice(Math.max(0, i - 4), i + 5).join('')}）`);
    });
  }
  return out;
}
