/**
 * Install and start, as a newcomer does: `git clone` of this repository (its
 * committed HEAD) into a temporary folder, `npm ci` there, then `npm start`
 * (which builds and serves with netlify dev) until the home page answers 200.
 * The server gets free ports and its own process group, and the whole group is
 * stopped with SIGTERM afterwards. The folder is deleted at the end.
 * npm's cache on this machine is whatever it is (usually warm: packages
 * already downloaded once); a first install on a new machine also downloads
 * them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../../tests/support/ports.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MB, failIf, fmt, log, root, run, stat, table, treeSample, type RunResult } from './lib.ts';

/** PATH without this checkout's node_modules/.bin, so the clone uses only its own packages (and the system's npm). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((p) => !p.startsWith(root) && !/node_modules\/\.bin$/.test(p))
    .join(':');
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE_BASE', 'ASTRO_OUT_DIR', 'NODE', 'INIT_CWD'])
    delete env[k];
  return env;
}

export interface StartRun {
  seconds: number;
  peakRss: number;
}

/** `npm start` in `dir` until GET / answers 200; then stops the whole process group. */
async function timeStart(dir: string): Promise<StartRun> {
  const port = await freePort();
  const functionsPort = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--', '--port', String(port), '--functions-port', String(functionsPort)], {
    cwd: dir,
    detached: true,
    env: { ...cleanEnv(), BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  let peakRss = 0;
  try {
    while (true) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.slice(-3000)}`);
      if (performance.now() - started > 5 * 60_000)
        throw new Error(`npm start did not answer within 5 minutes:\n${output.slice(-3000)}`);
      if (child.pid) peakRss = Math.max(peakRss, treeSample(child.pid).rss);
      try {
        const res = await fetch(`http://localhost:${port}/`);
        if (res.status === 200) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return { seconds: (performance.now() - started) / 1000, peakRss };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* stopped cleanly */
    }
  }
}

export interface InstallResult {
  clone: RunResult;
  ci: RunResult[];
  start: StartRun[];
  head: string;
}

export async function installAndStart(ciRuns: number, startRuns: number): Promise<InstallResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-clone-'));
  const dir = join(tmp, 'site');
  try {
    const head = (await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })).stdout.trim();
    log(`install: git clone ${root} (${head})`);
    const clone = await run('git', ['clone', '--quiet', root, dir], { env: cleanEnv() });
    failIf(clone, 'git clone');
    const ci: RunResult[] = [];
    for (let i = 0; i < ciRuns; i++) {
      rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
      log(`install: npm ci (run ${i + 1}/${ciRuns})`);
      const r = await run('npm', ['ci', '--no-audit', '--no-fund'], {
        cwd: dir,
        env: cleanEnv(),
        timeoutMs: 15 * 60_000,
      });
      failIf(r, 'npm ci');
      ci.push(r);
    }
    const start: StartRun[] = [];
    for (let i = 0; i < startRuns; i++) {
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
      rmSync(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
      log(`install: npm start until the site answers (run ${i + 1}/${startRuns})`);
      start.push(await timeStart(dir));
    }
    return { clone, ci, start, head };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function installSection(r: InstallResult): string {
  return [
    table(
      ['step', 'runs', 'wall time', 'CPU time', 'peak memory'],
      [
        ['`git clone`', 1, fmt(stat([r.clone.seconds]), 1, ' s'), '—', '—'],
        [
          '`npm ci`',
          r.ci.length,
          fmt(stat(r.ci.map((x) => x.seconds)), 1, ' s'),
          fmt(stat(r.ci.map((x) => x.cpuSeconds)), 1, ' s'),
          fmt(stat(r.ci.map((x) => x.peakRss / MB)), 0, ' MB'),
        ],
        [
          '`npm start` until http://localhost:PORT/ answers 200',
          r.start.length,
          fmt(stat(r.start.map((x) => x.seconds)), 1, ' s'),
          '—',
          fmt(stat(r.start.map((x) => x.peakRss / MB)), 0, ' MB'),
        ],
      ],
    ),
    '',
    `From a clean clone of commit ${r.head} in a temporary folder. \`npm ci\` ran with \`--no-audit --no-fund\` and this machine's npm cache (packages downloaded before are not downloaded again; a first install on a new machine adds the download of about 660 MB of node_modules). Each \`npm start\` began without dist/ and without Astro's cache, so it includes the full build (content checks, Astro, search index) and netlify dev's start; the server was then stopped with SIGTERM to its process group.`,
  ].join('\n');
}
