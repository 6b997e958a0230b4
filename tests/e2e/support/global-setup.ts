/**
 * Serves the built site and the real functions with netlify-cli, offline, as
 * `npm start` does, on free ports, and tells the tests where (inject('baseURL')).
 * The functions' database is netlify dev's local one under .netlify/db: its
 * migrations are applied first (as `npm start` does), and its address, which
 * changes with every start, is given to the tests as inject('databaseURL').
 *
 * The staff desk's secrets are made fresh for every run, in a temporary
 * folder (never in the repository): a bureau key pair (the public key goes to
 * netlify dev as APPLICATIONS_PUBLIC_KEY, the private key file's path to the
 * tests as inject('staffKeyFile')) and two staff tokens (STAFF_TOKENS; the
 * tokens as inject('staffTokens')). Variables passed this way win over
 * keys/dev/netlify-dev.env.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../../support/ports.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';
import { localDatabaseUrl } from '../../../scripts/database.ts';
import { newStaff, writeKeyPair } from '../../../scripts/staff-keys.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    projectRoot: string;
    /** Path of the run's bureau private key file (.private.jwk.json). */
    staffKeyFile: string;
    /** Staff tokens of the run: a city-wide one and one for 都斛镇 only. */
    staffTokens: { city: string; duhu: string };
    /** The local database netlify dev serves the functions (tests/e2e/support/database.ts). */
    databaseURL: string;
  }
}

const root = join(import.meta.dirname, '..', '..', '..');

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`netlify dev 已退出（${child.exitCode}）：\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`netlify dev 在 ${timeoutMs / 1000} 秒内没有就绪：\n${log()}`);
}

let child: ChildProcess | undefined;

/** `netlify database migrations apply`, as `npm start` runs it before serving. */
async function migrate(): Promise<void> {
  const run = spawn('netlify', ['database', 'migrations', 'apply'], { cwd: root, env: { ...process.env, CI: 'true' } });
  let out = '';
  run.stdout!.on('data', (d) => (out += d));
  run.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => run.on('exit', r));
  if (code !== 0) throw new Error(`数据库迁移失败（${code}）：\n${out.slice(-2000)}`);
}
let keysDir: string | undefined;

/** Fresh keys and tokens for this run, in a temporary folder. */
async function staffSecrets(project: TestProject): Promise<Record<string, string>> {
  keysDir = mkdtempSync(join(tmpdir(), 'e2e-keys-'));
  const pair = await writeKeyPair(keysDir);
  const city = newStaff('测试管理员', '*');
  const duhu = newStaff('都斛测试', ['duhu']);
  project.provide('staffKeyFile', pair.privateFile);
  project.provide('staffTokens', { city: city.token, duhu: duhu.token });
  return { APPLICATIONS_PUBLIC_KEY: pair.publicKeyEnv, STAFF_TOKENS: `${city.line};${duhu.line}` };
}

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // fail first, and clearly, when the browser is missing
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ 不存在：请先运行 npm run build（npm test 会自动构建）。');
  }
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseURL', external.replace(/\/$/, ''));
    project.provide('projectRoot', root);
    // Against an external server, the staff tests need its key file and tokens.
    project.provide('staffKeyFile', process.env.E2E_STAFF_KEY_FILE ?? '');
    project.provide('staffTokens', {
      city: process.env.E2E_STAFF_TOKEN ?? '',
      duhu: process.env.E2E_STAFF_TOKEN_DUHU ?? '',
    });
    project.provide('databaseURL', process.env.E2E_DATABASE_URL ?? '');
    return;
  }
  await migrate();
  const secrets = await staffSecrets(project);
  const port = await freePort();
  const functionsPort = await freePort();
  let output = '';
  child = spawn(
    'netlify',
    [
      'dev',
      '--offline',
      '--no-open',
      '--internal-disable-edge-functions',
      '--framework',
      '#static',
      '--port',
      String(port),
      '--functions-port',
      String(functionsPort),
    ],
    {
      cwd: root,
      detached: true,
      env: { ...process.env, ...secrets, CI: 'true', BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseURL = `http://localhost:${port}`;
  await waitFor(`${baseURL}/`, child, () => output.slice(-4000));
  project.provide('baseURL', baseURL);
  project.provide('databaseURL', localDatabaseUrl(root) ?? '');
  project.provide('projectRoot', root);
}

export async function teardown(): Promise<void> {
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // the whole process group: netlify, its static server, function workers
  } catch {
    /* already gone */
  }
  await new Promise((r) => setTimeout(r, 1500));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}
