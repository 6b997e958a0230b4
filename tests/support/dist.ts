/** Reading the built site in tests: list pages, read HTML, check internal links and anchors. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inlineScripts } from '../../src/lib/http/csp.ts';
import { earlyScript } from '../../src/components/DisplaySettings/settings.ts';

export const projectRoot = join(import.meta.dirname, '..', '..');

import { htmlFiles } from '../../src/integrations/built-files.ts';

export { htmlFiles };

/** URL path of a built file: dist/plan/index.html → /plan/. */
export function pagePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return '/' + rel.replace(/index\.html$/, '');
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** A page's module scripts: those it loads as files (src) and the texts of those in the page (src/lib/inline-scripts.ts). */
export function pageScripts(html: string): { files: string[]; inline: string[] } {
  return {
    files: [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    inline: inlineScripts(html),
  };
}

/**
 * The header's script (display settings, 菜单, 朗读, print date), as the build
 * put it into every page: the one module of /privacy/, a page with nothing else
 * (its other script, in <head>, applies the stored display choices: earlyScript).
 */
export function headerScript(dist: string): string {
  const { files, inline } = pageScripts(readFileSync(join(dist, 'privacy', 'index.html'), 'utf8'));
  const modules = inline.filter((js) => js !== earlyScript());
  if (files.length || modules.length !== 1)
    throw new Error(`/privacy/ should carry the header's script only, inline: ${files.join(', ')}`);
  return modules[0]!;
}

/** Paths (without the base) served by Netlify Functions, not files: /stats/ (functions/stats.mts), in both scripts. */
export const FUNCTION_PAGES = new Set(['stats/', 'zh-hant/stats/']);

const LINK_ATTR = /\s(href|src|action)="([^"]*)"/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/**
 * Every internal href/src/action in every page must point at a built file
 * under the base path, and every #fragment at an id on the target page.
 */
export function checkLinks(dist: string, base = '/'): BrokenLink[] {
  const files = htmlFiles(dist);
  const cache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!cache.has(file)) cache.set(file, idsOf(readFileSync(file, 'utf8')));
    return cache.get(file)!;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const page = base.replace(/\/$/, '') + pagePath(dist, file);
    const html = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/g, (s) =>
      s.replace(/>[\s\S]*<\/script>$/, '></script>'),
    );
    for (const m of html.matchAll(LINK_ATTR)) {
      const raw = m[2]!.replace(/&amp;/g, '&');
      if (!raw || EXTERNAL.test(raw)) continue;
      const [pathPart, fragment] = raw.split('#') as [string, string | undefined];
      let target = file;
      if (pathPart) {
        const clean = decodeURI(pathPart.split('?')[0]!);
        if (!clean.startsWith('/')) {
          broken.push({ page, link: raw, reason: '站内链接必须以根路径开头' });
          continue;
        }
        if (!clean.startsWith(base)) {
          broken.push({ page, link: raw, reason: `没有带上基础路径 ${base}` });
          continue;
        }
        const rest = clean.slice(base.length);
        // Form actions to Netlify Functions (/api/…) are served by functions, not files;
        // tests/functions checks those endpoints.
        if (m[1] === 'action' && rest.startsWith('api/')) continue;
        // Pages rendered by a function on every request (no file in dist/); tests/functions checks them.
        if (FUNCTION_PAGES.has(rest)) continue;
        const candidates = rest === '' || rest.endsWith('/') ? [join(dist, rest, 'index.html')] : [join(dist, rest)];
        const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
        if (!found) {
          broken.push({ page, link: raw, reason: '目标页面或文件不存在' });
          continue;
        }
        target = found;
      }
      // A fragment starting with "/" is a route inside a single-page app (the
      // editing interface's /admin/#/collections/cases/entries/x), not an id.
      if (fragment?.startsWith('/')) continue;
      if (fragment && target.endsWith('.html') && !ids(target).has(decodeURIComponent(fragment))) {
        broken.push({ page, link: raw, reason: `目标页面没有 id="${fragment}"` });
      }
    }
  }
  return broken;
}
