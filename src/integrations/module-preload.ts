/**
 * After the build: every built page announces the whole static import graph
 * of its module scripts with `<link rel="modulepreload">`, so the browser
 * fetches the chunks at once rather than one import level per round trip
 * (src/lib/module-preload.ts says why, with the figures). Listed before
 * zhHant() in astro.config.mjs: the 繁體 copies are made from these pages and
 * the page-shell templates (dist/shell/, collected by pageShell()) are among
 * them, so both carry the links too. The CSP (cspHeaders(), last) hashes
 * inline styles and scripts, which the links leave alone.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withModulePreloads } from '../lib/module-preload.ts';
import { moduleReader, publicPages } from './built-files.ts';

/** Adds the links to every HTML file under `outDir`; returns how many pages got some, and how many links. */
export function preloadModules(outDir: string, base: string): { pages: number; links: number } {
  const read = moduleReader(outDir, base);
  let pages = 0;
  let links = 0;
  for (const file of publicPages(outDir)) {
    const page = readFileSync(file, 'utf8');
    const out = withModulePreloads(page, read, relative(outDir, file));
    if (out === page) continue;
    writeFileSync(file, out);
    pages++;
    links += out.split('rel="modulepreload"').length - page.split('rel="modulepreload"').length;
  }
  return { pages, links };
}

/** `base`: the site's base path, as astro.config.mjs gives it to Astro ("/" or "/sfj/"). */
export default function modulePreload(base: string): AstroIntegration {
  return {
    name: 'module-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { pages, links } = preloadModules(fileURLToPath(dir), base);
        logger.info(`模块预加载：${pages} 个页面加了 ${links} 个 modulepreload 链接`);
      },
    },
  };
}
