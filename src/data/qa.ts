/**
 * The published 常见问答 (content/qa/, schema src/schemas/qa.ts), newest
 * answer first. Drafts (draft: true) are dropped here, so no page, feed or
 * sitemap sees an entry an editor has not checked.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type QaEntry = CollectionEntry<'qa'>;

export async function getPublishedQa(): Promise<QaEntry[]> {
  const all = await getCollection('qa');
  return all
    .filter((e) => !e.data.draft)
    .sort((a, b) => b.data.answered.getTime() - a.data.answered.getTime() || (a.id < b.id ? -1 : 1));
}
