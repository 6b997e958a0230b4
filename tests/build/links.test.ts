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
    const r = spawnSync('astro', ['build'], {
      cwd: projectRoot,
      // Vitest puts Vite's BASE_URL=/ (and MODE, DEV, PROD, SSR) into process.env; a child build
      // that inherits them ignores SITE_BASE in import.meta.env.BASE_URL, so leave them out.
      env: {
        ...process.env,
        BASE_URL: undefined,
        MODE: undefined,
        DEV: undefined,
        PROD: undefined,
        SSR: undefined,
        SITE_BASE: BASE,
        ASTRO_OUT_DIR: './dist-base',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
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
