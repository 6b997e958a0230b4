/**
 * The directory's collections, loaded once per build (on every request in
 * development, so an editor's change shows on the next reload). While no
 * village legal adviser is verified, `legalAdvisers` is empty and Astro logs
 * one warning (“does not exist or is empty”): expected, harmless, once instead
 * of per page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { officeTypesFrom, type OfficeType } from '../lib/directory.ts';

let advisers: Promise<CollectionEntry<'legalAdvisers'>[]> | undefined;
let types: Promise<OfficeType[]> | undefined;

export function getLegalAdvisers(): Promise<CollectionEntry<'legalAdvisers'>[]> {
  advisers ??= getCollection('legalAdvisers');
  return advisers;
}

/** The office types (content/directory/office-types.yaml), in the fixed order of OFFICE_TYPE_IDS. */
export function getOfficeTypes(): Promise<OfficeType[]> {
  const load = () => getCollection('officeTypes').then(officeTypesFrom);
  if (import.meta.env.DEV) return load();
  types ??= load();
  return types;
}
