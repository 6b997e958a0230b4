/**
 * netlify dev serving the built site and the real functions, offline, as
 * `npm start` does (see docs/architecture.md for the flags), on free ports.
 * The functions' database is netlify dev's local one under .netlify/db: its
 * migrations are applied first, as `npm start` does (netlify dev itself never
 * applies them); files (Blobs) live under .netlify/ too.
 * Variables given in `env` win over the envFiles of netlify.toml [dev].
 * Its database answers without Nagle's delay (tcp-nodelay.ts, preloaded).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv } from './env.ts';
import { freePort } from './ports.ts';
import { stopProcessGroup, waitForHttp } from './processes.ts';
import { projectRoot } from './root.ts';

export interface NetlifyDev {
  /** http://localhost:PORT, no trailing slash. */
  origin: string;
  child: ChildProcess;
  /** Resolves once the home page answers 200; rejects with netlify dev's output if it exits or takes 3 minutes (about 10 s on a quiet 2-core machine). */
  ready: Promise<void>;
  /** What netlify dev printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

const netlifyCli = (cwd: string) => join(cwd, 'node_modules', 'netlify-cli', 'bin', 'run.js');

/** NODE_OPTIONS that preload tcp-nodelay.ts into netlify dev (kept: whatever the caller's NODE_OPTIONS had). */
export function noDelayNodeOptions(current = process.env.NODE_OPTIONS): string {
  const preload = `--import=${pathToFileURL(join(import.meta.dirname, 'tcp-nodelay.ts')).href}`;
  return [current, preload].filter(Boolean).join(' ');
}

/** `netlify database migrations apply` on this folder's local database, as `npm run db:migrate` does. */
export async function migrateLocalDatabase(cwd = projectRoot): Promise<void> {
  const run = spawn(process.execPath, [netlifyCli(cwd), 'database', 'migrations', 'apply'], {
    cwd,
    env: cleanEnv({ set: { CI: 'true' } }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  run.stdout!.on('data', (d) => (out += d));
  run.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => run.on('exit', r));
  if (code !== 0) throw new Error(`数据库迁移失败（${code}）：\n${out.slice(-2000)}`);
}

/**
 * Applies the migrations, starts netlify dev and returns at once; await `ready` before using it.
 * `migrate: false` when the caller applied them already (a test migrating while it builds).
 */
export async function startNetlifyDev({
  cwd = projectRoot,
  env = {},
  migrate = true,
  port: chosenPort,
}: {
  cwd?: string;
  env?: Record<string, string>;
  migrate?: boolean;
  /** The port to answer on (a caller that announces the address before the server starts); a free one by default. */
  port?: number;
} = {}): Promise<NetlifyDev> {
  if (migrate) await migrateLocalDatabase(cwd);
  const port = chosenPort ?? (await freePort());
  const functionsPort = await freePort();
  const args = [
    netlifyCli(cwd),
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
  ];
  const child = spawn(process.execPath, args, {
    cwd,
    detached: true,
    env: cleanEnv({ set: { ...env, CI: 'true', BROWSER: 'none', NODE_OPTIONS: noDelayNodeOptions() } }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const output = () => text;
  const origin = `http://localhost:${port}`;
  const stop = () => stopProcessGroup(child, 1_500);
  const ready = waitForHttp(`${origin}/`, { child, output, what: 'netlify dev', timeoutMs: 180_000 });
  ready.catch(() => stop());
  return { origin, child, ready, output, stop };
}
