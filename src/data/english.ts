/** The English pages (content/en/), read once per build (on every request in development). */
import { getCollection } from 'astro:content';
import type { EnglishPage } from '../lib/i18n/english.ts';

let pages: Promise<EnglishPage[]> | undefined;

export function getEnglishPages(): Promise<EnglishPage[]> {
  const load = () =>
    getCollection('en').then((list) => list.map((e) => ({ id: e.id, counterpart: e.data.counterpart })));
  if (import.meta.env.DEV) return load();
  pages ??= load();
  return pages;
}
