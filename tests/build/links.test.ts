/**
 * No broken internal link or anchor, at the root and under a base path
 * (the site may be published as a channel of the city portal at /sfj/; that
 * build is made once per run by tests/support/base-path-build.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { basePathBuild } from '../support/base-path.ts';
import { checkLinks, htmlFiles, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const BASE = inject('basePathBuild').base;
let distBase = '';

describe('links in the built site (base /)', () => {
  it('has pages', () => {
    expect(htmlFiles(dist).length).toBeGreaterThan(5);
  });
  it('has no broken internal link or anchor', () => {
    expect(checkLinks(dist, '/')).toEqual([]);
  });
});

describe(`links in a build with base ${BASE}`, () => {
  beforeAll(async () => {
    distBase = (await basePathBuild()).dir;
  });
  it('builds the same pages', () => {
    expect(existsSync(join(distBase, 'index.html'))).toBe(true);
    expect(htmlFiles(distBase).length).toBe(htmlFiles(dist).length);
  });
  it('has no broken internal link or anchor', () => {
    expect(checkLinks(distBase, BASE)).toEqual([]);
  });
  it('preloads the page scripts’ imports under the base path too (src/lib/module-preload.ts)', () => {
    const page = readFileSync(join(distBase, 'apply', 'status', 'index.html'), 'utf8');
    const links = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((href) => !href.startsWith(`${BASE}_astro/`))).toEqual([]);
  });
});
