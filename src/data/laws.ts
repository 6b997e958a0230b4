/**
 * The `laws` collection as a lookup index, built once per build.
 * Citations were already checked by src/integrations/content-checks.ts, so a
 * failure here means a bug, not an editor's typo: it throws.
 */
import { getCollection } from 'astro:content';
import { LawIndex } from '../lib/laws.ts';
import { resolveRef, resolveText, uniqueArticles, type ArticleRef, type ResolvedArticle } from '../lib/citations.ts';

let index: Promise<LawIndex> | undefined;

export function getLawIndex(): Promise<LawIndex> {
  index ??= getCollection('laws').then((entries) =>
    LawIndex.fromEntries(entries.map((e) => ({ id: e.id, data: e.data, body: e.body ?? '' }))),
  );
  return index;
}

export interface CitedArticle extends ResolvedArticle {
  note?: string;
}

/** Resolves structured refs and the inline citations of a text, de-duplicated, refs first. */
export async function citedArticles(refs: (ArticleRef & { note?: string })[], text = ''): Promise<CitedArticle[]> {
  const idx = await getLawIndex();
  const fromRefs = refs.map((ref) => {
    const r = resolveRef(idx, ref);
    if (!r.ok) throw new Error(r.error);
    return { ...r.value, note: ref.note };
  });
  const fromText = resolveText(idx, text);
  if (fromText.errors.length) throw new Error(fromText.errors.join('\n'));
  return uniqueArticles([...fromRefs, ...fromText.resolved]);
}
