/**
 * No broken internal link or anchor, at the root and under a base path
 * (the site may be published as a channel of the city portal at /sfj/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, htmlFiles, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const distBase = join(projectRoot, 'dist-base');
const BASE = '/sfj/';

describe('links in the built site (base /)', () => {
  it('has pages', () => {
    expect(htmlFiles(dist).length).toBeGreaterThan(5);
  });
  it('has no broken internal link or anchor', () => {
    expect(checkLinks(dist, '/')).toEqual([]);
  });
});

describe(`links in a build with base ${BASE}`, () => {
  beforeAll(() => {
    rmSync(distBase, { recursive: true, force: true });
    // Vitest sets BASE_URL=/ in its workers and Astro lets it override the
    // configured base: without dropping it, SITE_BASE is silently ignored.
    const { BASE_URL: _viteBase, ...inherited } = process.env;
    const r = spawnSync('astro', ['build'], {
      cwd: projectRoot,
      env: { ...inherited, SITE_BASE: BASE, ASTRO_OUT_DIR: './dist-base', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`带基础路径的构建失败：\n${r.stdout}\n${r.stderr}`);
  });
  it('builds the same pages', () => {
    expect(existsSync(join(distBase, 'index.html'))).toBe(true);
    expect(htmlFiles(distBase).length).toBe(htmlFiles(dist).length);
  });
  it('has no broken internal link or anchor', () => {
    expect(checkLinks(distBase, BASE)).toEqual([]);
  });
});
