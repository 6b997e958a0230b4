/**
 * No broken internal link or anchor, at the root and under a base path
 * (the site may be published as a channel of the city portal at /sfj/; that
 * build is made once per run by tests/support/base-path-build.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { deferredScripts } from '../../src/lib/deferred-scripts.ts';
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
  it('loads the page scripts and preloads their imports under the base path too (src/lib/deferred-scripts.ts)', () => {
    const page = readFileSync(join(distBase, 'apply', 'status', 'index.html'), 'utf8');
    const { entries, preload } = deferredScripts(page);
    expect(entries).toHaveLength(1);
    expect(preload.length).toBeGreaterThan(10);
    const files = [...entries, ...preload];
    expect(files.filter((href) => !href.startsWith(`${BASE}_astro/`))).toEqual([]);
    expect(files.filter((href) => !existsSync(join(distBase, href.slice(BASE.length))))).toEqual([]);
  });
});
