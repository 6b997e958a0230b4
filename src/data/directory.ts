/**
 * The directory's collections, loaded once per build. While no village legal
 * adviser is verified, `legalAdvisers` is empty and Astro logs one warning
 * (“does not exist or is empty”): expected, harmless, once instead of per page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

let advisers: Promise<CollectionEntry<'legalAdvisers'>[]> | undefined;

export function getLegalAdvisers(): Promise<CollectionEntry<'legalAdvisers'>[]> {
  advisers ??= getCollection('legalAdvisers');
  return advisers;
}
