/**
 * Editors write site links as "/apply/legal-aid/"; when the site is published
 * under a base path (/sfj/), those links must become "/sfj/apply/legal-aid/".
 */
import type { HastPluginEntry } from 'satteri';
import { withBase } from '../lib/paths.ts';

export function hastBaseLinks(base: string): HastPluginEntry {
  if (base === '/') return null;
  return {
    name: 'taishan-base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const value = node.properties?.href;
        if (typeof value === 'string' && value.startsWith('/')) ctx.setProperty(node, 'href', withBase(value, base));
      },
    },
  };
}
