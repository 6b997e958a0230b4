/**
 * Which built pages go into the sitemap (@astrojs/sitemap, whole site):
 * everything except the staff desk (/staff/), the editing interface
 * (/admin/), the bureau's review list (/review/), the 404 page, and 以案说法
 * filter pages that have no articles yet (they exist so links never break,
 * but are noindex and not worth a crawl).
 * Runs in astro.config.mjs, before content collections exist, so it reads
 * content/cases/ frontmatter itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyFilterPaths, type CaseLike } from '../lib/cases.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { withoutBase } from '../lib/paths.ts';
import { COLLECTIONS, entryId } from '../schemas/collections.ts';

export const SITEMAP_EXCLUDED_PREFIXES = ['/staff/', '/admin/', '/review/', '/shell/'];

function readCases(casesDir: string): CaseLike[] {
  let names: string[];
  try {
    names = readdirSync(casesDir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const id = entryId(COLLECTIONS.cases, name);
    if (id === undefined) return [];
    try {
      const { data } = splitFrontmatter(readFileSync(join(casesDir, name), 'utf8'));
      return [
        {
          id,
          data: { ...data, audiences: Array.isArray(data.audiences) ? data.audiences : [] },
        } as unknown as CaseLike,
      ];
    } catch {
      return []; // a broken file fails the build with its own message
    }
  });
}

/** A sitemap `filter` for the site at `base`, reading cases from `casesDir`. */
export function sitemapFilter(casesDir: string, base: string): (page: string) => boolean {
  let empty: Set<string> | undefined;
  return (page) => {
    empty ??= new Set(emptyFilterPaths(readCases(casesDir)));
    const path = withoutBase(new URL(page).pathname, base);
    if (SITEMAP_EXCLUDED_PREFIXES.some((p) => path.startsWith(p))) return false;
    if (/^\/404(?:\.html|\/)?$/.test(path)) return false;
    return !empty.has(path);
  };
}
