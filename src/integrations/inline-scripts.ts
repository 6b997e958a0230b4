/**
 * After the build (once the 繁體 pages exist, before the page-shell templates
 * are collected and the CSP hashes written): puts each page's small
 * self-contained module scripts into the page (src/lib/inline-scripts.ts says
 * which and why), the shell templates' too, so the pages the functions render
 * are the static pages' twins; their hashes travel in shells.json. /admin/
 * (Decap CMS) is left alone.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inlineSmallScripts } from '../lib/inline-scripts.ts';
import { moduleReader, publicPages } from './built-files.ts';

/** `base`: the site's base path, as astro.config.mjs gives it to Astro ("/" or "/sfj/"). */
export default function inlineScripts(base: string): AstroIntegration {
  return {
    name: 'inline-scripts',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const read = moduleReader(outDir, base);
        let changed = 0;
        for (const file of publicPages(outDir)) {
          const page = readFileSync(file, 'utf8');
          const inlined = inlineSmallScripts(page, read);
          if (inlined !== page) {
            writeFileSync(file, inlined);
            changed++;
          }
        }
        logger.info(`内联脚本：${changed} 个页面`);
      },
    },
  };
}
