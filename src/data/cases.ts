/**
 * The published 以案说法 articles, newest first, read once per build
 * (on every request in development).
 * Drafts (draft: true) are dropped here, so no page, feed or sitemap sees them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { published, sortNewestFirst } from '../lib/cases.ts';

export type CaseEntry = CollectionEntry<'cases'>;

let cases: Promise<CaseEntry[]> | undefined;

export function getPublishedCases(): Promise<CaseEntry[]> {
  const load = () => getCollection('cases').then((list) => sortNewestFirst(published(list)));
  // In `npm run dev` / `npm run cms` an editor's change must show on the next reload.
  if (import.meta.env.DEV) return load();
  cases ??= load();
  return cases;
}
