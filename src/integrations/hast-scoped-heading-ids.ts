/**
 * Content pages such as /plan/ render several MDX files on one page. Each file
 * slugs its own headings, so two files with a heading “(1)工作目标” would give
 * the page duplicate ids. For files whose frontmatter has an `anchor`, this
 * Sätteri hast plugin sets the first heading's id to the anchor and numbers
 * the rest (anchor-2, anchor-3 …): stable, unique, independent of wording.
 * It runs before Astro's heading-id plugin, which keeps ids already set.
 */
import type { HastPluginEntry } from 'satteri';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export const hastScopedHeadingIds: HastPluginEntry = () => {
  let n = 0;
  return {
    name: 'taishan-scoped-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const anchor = (ctx.data as AstroData).astro?.frontmatter?.anchor;
        if (typeof anchor !== 'string') return;
        n += 1;
        ctx.setProperty(node, 'id', n === 1 ? anchor : `${anchor}-${n}`);
      },
    },
  };
};
