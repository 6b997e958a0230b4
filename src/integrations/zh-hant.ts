/**
 * After the build: the 繁體中文 copy of every public page under /zh-hant/ and
 * the cut-down dictionary for the functions and the browser
 * (src/lib/i18n/build.ts). Listed before pageShell() in astro.config.mjs: the
 * page shell converts its templates with the dictionary written here.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildZhHant, DICTIONARY_FILE } from '../lib/i18n/build.ts';

export default function zhHant(): AstroIntegration {
  let base = '/';
  let origin = '';
  let root = '';
  return {
    name: 'zh-hant',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        origin = new URL(config.site ?? 'http://localhost:8888').origin;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const r = buildZhHant({ outDir: fileURLToPath(dir), root, base, origin });
        const entries = r.dictionary.stages.reduce((n, s) => n + s.length, r.dictionary.exceptions.length);
        logger.info(
          `繁體中文：${r.pages} 个页面，字典 ${entries} 条（${(r.dictionaryBytes / 1024).toFixed(1)} KB，${DICTIONARY_FILE}），用时 ${(r.ms / 1000).toFixed(1)} 秒（CPU ${(r.cpuMs / 1000).toFixed(1)} 秒）`,
        );
      },
    },
  };
}
