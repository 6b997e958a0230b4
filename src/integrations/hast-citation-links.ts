/**
 * Inline citations in a case article's body become links to the article's
 * text in the page's 法条 section: 《中华人民共和国法律援助法》第四十三条 →
 * <a href="#law-legal-aid-law-43">…</a>. In the 法条 section each article is
 * a <details> whose text carries that id (src/components/LawArticle), and
 * browsers open a closed <details> when a link targets its content, so the
 * link works without JavaScript.
 *
 * Why a Sätteri hast plugin and not a transform at render time: it sees text
 * nodes, so it never rewrites text inside an existing link, an attribute or
 * markup, and the page receives finished HTML. It runs only on files in
 * content/cases/ (the only pages that have a 法条 section with these anchors;
 * service and plan pages list their articles differently).
 * The page builds its 法条 list with src/data/laws.ts citedArticles() from the
 * same citations, so every link has its target; tests/build checks that.
 */
import { fileURLToPath } from 'node:url';
import type { Element, Text } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { linkCitations } from '../lib/citation-links.ts';
import type { LawIndex } from '../lib/laws.ts';
import { loadLawIndex } from './content-checks.ts';

const CASES_DIR = /[\\/]content[\\/]cases[\\/][^\\/]+\.mdx?$/;

export function hastCitationLinks(lawsDir: string): HastPluginEntry {
  // Laws change rarely; one index per process (restart `npm run dev` after importing a law).
  let index: LawIndex | undefined;
  return (factory) => {
    if (!factory.fileURL || !CASES_DIR.test(fileURLToPath(factory.fileURL))) return null;
    index ??= loadLawIndex(lawsDir);
    const laws = index;
    return {
      name: 'taishan-citation-links',
      text(node, ctx) {
        // Leave text that is already a link (or inside one) alone.
        for (let p = ctx.parent(node); p && p.type === 'element'; p = ctx.parent(p)) {
          if ((p as Element).tagName === 'a') return;
        }
        const parts = linkCitations(node.value, laws);
        if (!parts.some((part) => part.anchor)) return;
        ctx.replaceNode(
          node,
          parts.map((part): Element | Text =>
            part.anchor
              ? {
                  type: 'element',
                  tagName: 'a',
                  properties: { href: `#${part.anchor}` },
                  children: [{ type: 'text', value: part.text }],
                }
              : { type: 'text', value: part.text },
          ),
        );
      },
    };
  };
}
