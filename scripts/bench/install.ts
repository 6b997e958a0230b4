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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanEnv as baseEnv } from '../lib/env.ts';
import { freePort } from '../lib/ports.ts';
import { stopProcessGroup, waitForHttp } from '../lib/processes.ts';
import { MB, failIf, fmt, log, root, run, stat, table, treeSample, type RunResult } from './lib.ts';

/** Without this checkout's node_modules/.bin on PATH, so the clone uses only its own packages (and the system's npm). */
const cleanEnv = () => baseEnv({ outsideProject: true });

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
    await waitForHttp(`http://localhost:${port}/`, {
      child,
      output: () => output,
      what: 'npm start',
      timeoutMs: 5 * 60_000,
      onTick: () => {
        if (child.pid) peakRss = Math.max(peakRss, treeSample(child.pid).rss);
      },
    });
    return { seconds: (performance.now() - started) / 1000, peakRss };
  } finally {
    await stopProcessGroup(child, 10_000);
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
      // As .ci/run installs: packages already in npm's cache are not revalidated over the network.
      const r = await run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
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
    `From a clean clone of commit ${r.head} in a temporary folder. \`npm ci\` ran as .ci/run runs it, with \`--no-audit --no-fund --prefer-offline\` and this machine's npm cache (packages downloaded before are not downloaded again; a first install on a new machine adds the download of about 660 MB of node_modules). Each \`npm start\` began without dist/ and without Astro's cache, so it includes the full build (content checks, Astro, search index) and netlify dev's start; the server was then stopped with SIGTERM to its process group.`,
  ].join('\n');
}
