/**
 * Serves the built site and the real functions with netlify dev
 * (scripts/lib/netlify-dev.ts: offline, as `npm start` does, on free ports,
 * after applying the database migrations) and tells the tests where
 * (inject('baseURL')). The functions' database is netlify dev's local one
 * under .netlify/db (tests/e2e/support/database.ts reads it). Setup waits neither for the
 * migrations nor for netlify dev to answer (about 10 s each), so other tests run meanwhile;
 * every browser test file waits for it first (server-ready.ts, a setup file).
 *
 * The staff desk's secrets are made fresh for every run (staff-secrets.ts):
 * the private key file's path goes to the tests as inject('staffKeyFile'),
 * the tokens as inject('staffTokens').
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../../scripts/lib/chromium.ts';
import { startNetlifyDev, type NetlifyDev } from '../../../scripts/lib/netlify-dev.ts';
import { freePort } from '../../../scripts/lib/ports.ts';
import { projectRoot as root } from '../../../scripts/lib/root.ts';
import { announce, statusFile } from '../../support/handshake.ts';
import { staffSecrets } from './staff-secrets.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    projectRoot: string;
    /** Path of the run's bureau private key file (.private.jwk.json). */
    staffKeyFile: string;
    /** Staff tokens of the run: a city-wide one and one for 都斛镇 only. */
    staffTokens: { city: string; duhu: string };
    /** Where setup says netlify dev answers, or why it failed (handshake.ts). */
    serverStatus: string;
  }
}

let server: NetlifyDev | undefined;
let starting: Promise<NetlifyDev> | undefined;
let keysDir: string | undefined;
let status: string | undefined;

/** Fresh keys and tokens for this run, in a temporary folder. */
async function runSecrets(project: TestProject): Promise<Record<string, string>> {
  const secrets = await staffSecrets();
  keysDir = secrets.dir;
  project.provide('staffKeyFile', secrets.privateFile);
  project.provide('staffTokens', secrets.tokens);
  return secrets.env;
}

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // fail first, and clearly, when the browser is missing
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ 不存在：请先运行 npm run build（npm test 会自动构建）。');
  }
  project.provide('projectRoot', root);
  status = statusFile('netlify-dev');
  project.provide('serverStatus', status);
  const external = process.env.E2E_BASE_URL;
  if (external) {
    await announce(status, Promise.resolve());
    project.provide('baseURL', external.replace(/\/$/, ''));
    // Against an external server, the staff tests need its key file and tokens.
    project.provide('staffKeyFile', process.env.E2E_STAFF_KEY_FILE ?? '');
    project.provide('staffTokens', {
      city: process.env.E2E_STAFF_TOKEN ?? '',
      duhu: process.env.E2E_STAFF_TOKEN_DUHU ?? '',
    });
    return;
  }
  // netlify dev starts in the background, the database's migrations first (about 10 s on a
  // busy 2-core machine): the tests that need no server run meanwhile, and the browser tests
  // wait for the status file (handshake.ts). Its address is known before it starts.
  const port = await freePort();
  project.provide('baseURL', `http://localhost:${port}`);
  const env = await runSecrets(project);
  starting = startNetlifyDev({ env, port });
  void announce(
    status,
    starting.then((s) => {
      server = s;
      return s.ready;
    }),
  );
}

export async function teardown(): Promise<void> {
  for (const dir of [keysDir, status && dirname(status)]) if (dir) rmSync(dir, { recursive: true, force: true });
  await starting?.catch(() => undefined);
  await server?.stop();
}
