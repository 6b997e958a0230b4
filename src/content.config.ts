/**
 * Content collections, generated from the collections table
 * (src/schemas/collections.ts), which also drives `npm run check:content`:
 * each row becomes a loader and its schema. Astro needs this file to export
 * `collections`; what a collection is, and its rules, are in the table.
 */
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { COLLECTIONS, entryId, type CollectionSpec } from './schemas/collections.ts';

type Table = typeof COLLECTIONS;

function loaderFor(spec: CollectionSpec) {
  if (spec.kind === 'glob') {
    // The id is the file name as written (no slugging), so the check sees the same id the build uses.
    const generateId = ({ entry }: { entry: string }) => entryId(spec, entry)!;
    return glob({ pattern: `*.${spec.ext}`, base: `./${spec.dir}`, generateId });
  }
  const key = spec.key;
  return file(`./${spec.file}`, key ? { parser: (text) => parse(text)?.[key] } : undefined);
}

export const collections = Object.fromEntries(
  Object.entries(COLLECTIONS).map(([name, spec]) => [
    name,
    defineCollection({ loader: loaderFor(spec), schema: spec.schema }),
  ]),
) as { [K in keyof Table]: { loader: Loader; schema: Table[K]['schema'] } };
