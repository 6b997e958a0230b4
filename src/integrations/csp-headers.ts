/**
 * After the build (last, once the 繁體 pages and the page shells exist):
 * writes `<outDir>/_headers` with the site's Content-Security-Policy for
 * every path, its style-src listing the hash of every inline <style> of every
 * built page and shell template (src/lib/http/csp.ts says why the styles are
 * inline), its script-src the hash of every inline script of every page
 * (src/lib/inline-scripts.ts). Netlify applies `_headers` before netlify.toml's [[headers]], and
 * a later rule's value replaces an earlier one's: netlify.toml keeps the
 * other security headers for "/*" and its own policy for /admin/, which so
 * wins there (tests/e2e/csp.test.ts checks both through netlify dev).
 * /admin/ (Decap CMS, its own policy) is left out of the hashes.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, scriptHashesOf, styleHashesOf } from '../lib/http/csp.ts';
import { formatHeadersFile } from '../lib/http/headers-file.ts';
import type { ShellBundle } from '../lib/shell.ts';
import { SHELL_FILE } from './page-shell.ts';
import { publicPages } from './built-files.ts';

export const HEADERS_FILE = '_headers';

/**
 * The hashes of every inline style and script the site sends: its pages' and
 * the shell templates' (carried in shells.json).
 */
export function siteHashes(outDir: string): { styles: string[]; scripts: string[] } {
  const shells = JSON.parse(readFileSync(join(outDir, SHELL_FILE), 'utf8')) as ShellBundle;
  const styles = new Set(shells.styleHashes);
  const scripts = new Set(shells.scriptHashes);
  for (const file of publicPages(outDir)) {
    const page = readFileSync(file, 'utf8');
    for (const h of styleHashesOf(page)) styles.add(h);
    for (const h of scriptHashesOf(page)) scripts.add(h);
  }
  return { styles: [...styles].sort(), scripts: [...scripts].sort() };
}

export default function cspHeaders(): AstroIntegration {
  return {
    name: 'csp-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = siteHashes(outDir);
        const text = formatHeadersFile(
          [
            {
              for: '/*',
              values: { 'Content-Security-Policy': contentSecurityPolicy(hashes.styles, hashes.scripts) },
            },
          ],
          'Written by the build (src/integrations/csp-headers.ts): the hashes of the inline styles and scripts.\nThe other headers, and /admin/’s own policy, are in netlify.toml.',
        );
        writeFileSync(join(outDir, HEADERS_FILE), text);
        logger.info(
          `Content-Security-Policy：${hashes.styles.length} 段内联样式、${hashes.scripts.length} 段内联脚本的哈希，写入 ${HEADERS_FILE}`,
        );
      },
    },
  };
}
