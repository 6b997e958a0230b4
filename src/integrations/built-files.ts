/**
 * Reading the build's output in the after-build integrations: the public
 * pages, and the built scripts by the address a page gives them. Shared by
 * deferred-scripts.ts, inline-scripts.ts and csp-headers.ts, and by the page
 * weight (scripts/lib/page-weight.ts) and the tests that read dist/.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ReadModule } from '../lib/module-graph.ts';

/** Every HTML file under `dir`, at any depth (paths joined to `dir`). */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Every built HTML file outside /admin/ (Decap CMS, which has its own scripts and policy). */
export function publicPages(outDir: string): string[] {
  return htmlFiles(outDir).filter((f) => relative(outDir, f).split(sep)[0] !== 'admin');
}

/** A ReadModule over `outDir` for a site under `base` ("/" or "/sfj/"), reading each file once. */
export function moduleReader(outDir: string, base: string): ReadModule {
  const b = `/${base}/`.replace(/\/+/g, '/');
  const cache = new Map<string, string | undefined>();
  return (href) => {
    if (!cache.has(href)) {
      const path = href.startsWith(b) ? join(outDir, decodeURI(href.slice(b.length))) : undefined;
      cache.set(href, path && existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined);
    }
    return cache.get(href);
  };
}
