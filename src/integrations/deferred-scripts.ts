/**
 * After the build: every built page loads its own module scripts after its
 * first paint, with their whole static import graph at once
 * (src/lib/deferred-scripts.ts says why, with the figures). Scripts small
 * and self-contained enough to go into the page (src/lib/inline-scripts.ts:
 * the header's) are left for inlineScripts(), which runs later. Listed
 * before zhHant() in astro.config.mjs: the 繁體 copies are made from these
 * pages, and the page-shell templates (dist/shell/, collected by
 * pageShell()) are among them, so both carry the loader too. The CSP
 * (cspHeaders(), last) hashes the loader with the other inline scripts.
 * Pages that ask for their scripts at once (data-scripts-at-once: the staff
 * desk) get modulepreload links for their graph instead.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferPageScripts, wantsScriptsAtOnce, withModulePreloads } from '../lib/deferred-scripts.ts';
import { notInlinable } from '../lib/inline-scripts.ts';
import { moduleReader, publicPages } from './built-files.ts';

/** Defers the scripts of every HTML file under `outDir`; returns how many pages it changed. */
export function deferScripts(outDir: string, base: string): number {
  const read = moduleReader(outDir, base);
  const inlinable = (js: string) => notInlinable(js) === undefined;
  let pages = 0;
  for (const file of publicPages(outDir)) {
    const name = relative(outDir, file).split(sep).join('/');
    const page = readFileSync(file, 'utf8');
    const out = wantsScriptsAtOnce(page)
      ? withModulePreloads(page, read, name)
      : deferPageScripts(page, read, inlinable, name);
    if (out === page) continue;
    writeFileSync(file, out);
    pages++;
  }
  return pages;
}

/** `base`: the site's base path, as astro.config.mjs gives it to Astro ("/" or "/sfj/"). */
export default function deferredScripts(base: string): AstroIntegration {
  return {
    name: 'deferred-scripts',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const pages = deferScripts(fileURLToPath(dir), base);
        logger.info(`页面脚本：${pages} 个页面（首次绘制后加载；工作台立即加载，附预加载链接）`);
      },
    },
  };
}
