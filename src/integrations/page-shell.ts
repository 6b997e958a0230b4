/**
 * After the build: collect the page-shell templates (src/pages/shell/, one per
 * main-navigation section) into `<outDir>/_shell/shells.json`, which the
 * functions import (functions/_shared/shell.ts), and remove the template pages
 * so they are never published or indexed. The build fails if a template is
 * missing a marker, so a layout change cannot silently break function pages.
 * The templates carry the site's styles and the header's script inline; their
 * CSP hashes go into shells.json with them, so the functions' policy allows
 * exactly those.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHELL_MARKS, SHELL_SECTIONS, sectionKey, type ShellBundle } from '../lib/shell.ts';
import { createConverter, type Dictionary } from '../lib/i18n/convert.ts';
import { DICTIONARY_FILE } from '../lib/i18n/build.ts';
import { convertHtml } from '../lib/i18n/html.ts';
import { scriptHashesOf, styleHashesOf } from '../lib/http/csp.ts';

export const SHELL_DIR = 'shell';
export const SHELL_FILE = '_shell/shells.json';

export function collectShells(outDir: string, site: string, base: string): ShellBundle {
  const sections: Record<string, string> = {};
  for (const section of SHELL_SECTIONS) {
    const key = sectionKey(section);
    const file = join(outDir, SHELL_DIR, key, 'index.html');
    if (!existsSync(file)) throw new Error(`页面外壳：缺少 ${file}`);
    const page = readFileSync(file, 'utf8');
    const missing = Object.values(SHELL_MARKS).filter((m) => page.split(m).length !== 2);
    if (missing.length) throw new Error(`页面外壳 ${key}：标记 ${missing.join('、')} 应当恰好出现一次`);
    sections[key] = page;
  }
  const hant = zhHantShells(outDir, sections, site, base);
  const templates = [...Object.values(sections), ...Object.values(hant)];
  const styleHashes = [...new Set(templates.flatMap(styleHashesOf))].sort();
  const scriptHashes = [...new Set(templates.flatMap(scriptHashesOf))].sort();
  return { site, base, sections, languages: { 'zh-Hant': hant }, styleHashes, scriptHashes };
}

/**
 * The 繁體 templates, converted with the dictionary the zh-hant step wrote
 * (the one the functions convert their bodies with); the markers are ASCII
 * and comments, which the converter leaves alone, and the build checks it.
 */
function zhHantShells(outDir: string, sections: Record<string, string>, site: string, base: string) {
  const file = join(outDir, DICTIONARY_FILE);
  if (!existsSync(file)) throw new Error(`页面外壳：缺少 ${DICTIONARY_FILE}（繁體中文步骤应当先运行）`);
  const convert = createConverter(JSON.parse(readFileSync(file, 'utf8')) as Dictionary);
  const out: Record<string, string> = {};
  for (const [key, page] of Object.entries(sections)) {
    const hant = convertHtml(page, { convert, base, origin: new URL(site).origin });
    const missing = Object.values(SHELL_MARKS).filter((m) => hant.split(m).length !== 2);
    if (missing.length) throw new Error(`页面外壳 ${key}（繁體）：标记 ${missing.join('、')} 应当恰好出现一次`);
    out[key] = hant;
  }
  return out;
}

export default function pageShell(): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'page-shell',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? 'http://localhost:8888';
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const bundle = collectShells(outDir, site, base);
        mkdirSync(join(outDir, '_shell'), { recursive: true });
        writeFileSync(join(outDir, SHELL_FILE), JSON.stringify(bundle));
        rmSync(join(outDir, SHELL_DIR), { recursive: true, force: true });
        logger.info(`页面外壳：${Object.keys(bundle.sections).length} 个栏目，写入 ${SHELL_FILE}`);
      },
    },
  };
}
