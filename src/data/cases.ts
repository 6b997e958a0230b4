/**
 * The published 以案说法 articles, newest first, read once per build.
 * Drafts (draft: true) are dropped here, so no page, feed or sitemap sees them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { published, sortNewestFirst } from '../lib/cases.ts';

export type CaseEntry = CollectionEntry<'cases'>;

let cases: Promise<CaseEntry[]> | undefined;

export function getPublishedCases(): Promise<CaseEntry[]> {
  cases ??= getCollection('cases').then((list) => sortNewestFirst(published(list)));
  return cases;
}
