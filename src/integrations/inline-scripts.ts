/**
 * After the build (once the 繁體 pages exist, before the page-shell templates
 * are collected and the CSP hashes written): puts each page's small
 * self-contained module scripts into the page (src/lib/inline-scripts.ts says
 * which and why), the shell templates' too, so the pages the functions render
 * are the static pages' twins; their hashes travel in shells.json. /admin/
 * (Decap CMS) is left alone.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineSmallScripts } from '../lib/inline-scripts.ts';
import { publicPages } from './csp-headers.ts';

export default function inlineScripts(): AstroIntegration {
  let base = '/';
  return {
    name: 'inline-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const texts = new Map<string, string | undefined>();
        const read = (src: string) => {
          if (!texts.has(src)) {
            const file = src.startsWith(base) ? join(outDir, src.slice(base.length)) : undefined;
            texts.set(src, file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
          }
          return texts.get(src);
        };
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
