/**
 * Global setup of the build and e2e projects: the site built once per test
 * run under the base path the city portal would give it (SITE_BASE=/sfj/),
 * with its search index, into dist-base/, for every test that needs a
 * non-root build (tests/build/links.test.ts, tests/e2e/search-base-path.test.ts;
 * they call `await basePathBuild()` from base-path.ts).
 *
 * Whichever project's setup runs first starts the build (global setups run in
 * Vitest's main process, so globalThis is shared between projects), and
 * neither waits for it, so other tests run meanwhile (handshake.ts).
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSiteOrThrow } from '../../scripts/lib/build.ts';
import { projectRoot } from '../../scripts/lib/root.ts';
import { announce, statusFile } from './handshake.ts';

export interface BasePathBuild {
  /** Absolute path of the built site. */
  dir: string;
  /** The base path it was built with, with slashes at both ends. */
  base: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    basePathBuild: BasePathBuild & { status: string };
  }
}

const BASE = '/sfj/';
const OUT_DIR = 'dist-base';

interface Started extends BasePathBuild {
  status: string;
  done: Promise<void>;
}

function startOnce(): Started {
  const shared = globalThis as typeof globalThis & { taishanBasePathBuild?: Started };
  if (!shared.taishanBasePathBuild) {
    const dir = join(projectRoot, OUT_DIR);
    const status = statusFile('base-path-build');
    rmSync(dir, { recursive: true, force: true });
    const done = announce(status, buildSiteOrThrow({ outDir: OUT_DIR, env: { SITE_BASE: BASE } }));
    shared.taishanBasePathBuild = { dir, base: BASE, status, done };
  }
  return shared.taishanBasePathBuild;
}

export function setup(project: TestProject): () => Promise<void> {
  const { dir, base, status, done } = startOnce();
  project.provide('basePathBuild', { dir, base, status });
  return async () => {
    await done; // never leave a build running behind
    rmSync(dirname(status), { recursive: true, force: true });
  };
}
