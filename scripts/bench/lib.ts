/**
 * Shared pieces of `npm run bench`: running commands asynchronously with their
 * wall time and peak memory, statistics over repeated runs, the machine's
 * description, and Markdown tables.
 */
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

import { treeUsage, type TreeUsage } from '../../src/lib/process-cpu.ts';
import { projectRoot } from '../lib/root.ts';

export { projectRoot as root };

export function log(s: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
}

// ----------------------------------------------------------- processes ---

/**
 * Resident memory (bytes) and CPU time (seconds, user + system) of a process
 * and all its descendants (src/lib/process-cpu.ts); nothing once it has ended.
 */
export function treeSample(pid: number): TreeUsage {
  return treeUsage(pid) ?? { rss: 0, cpu: 0 };
}

export interface RunResult {
  code: number | null;
  seconds: number;
  /** Highest sum of resident memory of the command and its children, sampled every 200 ms. */
  peakRss: number;
  /** CPU time (user + system) of the command and its children, seconds; misses at most the last 200 ms. */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command asynchronously (never blocking this process's event loop),
 * measuring wall time and peak memory of its whole process tree.
 */
export function run(
  cmd: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number; echo?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d;
      if (options.echo) process.stderr.write(d);
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d;
      if (options.echo) process.stderr.write(d);
    });
    let peakRss = 0;
    let cpuSeconds = 0;
    const sample = () => {
      if (!child.pid) return;
      const t = treeSample(child.pid);
      peakRss = Math.max(peakRss, t.rss);
      cpuSeconds = Math.max(cpuSeconds, t.cpu);
    };
    const timer = setInterval(sample, 200);
    const killer = options.timeoutMs
      ? setTimeout(() => {
          stderr += `\n[bench] timed out after ${options.timeoutMs} ms\n`;
          child.kill('SIGTERM');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (e) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakRss, cpuSeconds, stdout, stderr });
    });
  });
}

/** `npm run …` inside the given folder (Node 24 from its node_modules/.bin comes first on PATH). */
export function npmRun(
  cwd: string,
  script: string,
  args: string[] = [],
  options: SpawnOptions & { timeoutMs?: number; echo?: boolean } = {},
): Promise<RunResult> {
  return run('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd, ...options });
}

export function failIf(r: RunResult, what: string): void {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${(r.stdout + r.stderr).slice(-3000)}`);
}

// ---------------------------------------------------------- statistics ---

export interface Stat {
  min: number;
  median: number;
  max: number;
  n: number;
}

export function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0] ?? NaN, median: s.length ? median : NaN, max: s.at(-1) ?? NaN, n: s.length };
}

/** "1.23 (1.10–1.40)" — median, then min–max; a single run shows only its value. */
export function fmt(s: Stat, digits = 1, unit = ''): string {
  const f = (x: number) => `${x.toFixed(digits)}${unit}`;
  if (!s.n) return '—';
  if (s.n === 1 || s.min === s.max) return `${f(s.median)}${s.n === 1 ? '' : ` (×${s.n})`}`;
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

export const MB = 1024 * 1024;

// -------------------------------------------------------------- machine ---

export function machine(): string[] {
  const cpu = cpus();
  return [
    `CPU: ${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length} cores`,
    `RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GB (${(freemem() / 1024 ** 3).toFixed(1)} GB free when written)`,
    `Node: ${process.version} (the pinned devDependency), ${process.platform} ${process.arch}`,
  ];
}

export function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

// ------------------------------------------------------------- markdown ---

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- git ---

/**
 * The commit whose site a part measured ("a5d72db, 2026-12-07: subject"),
 * and whether the work tree had uncommitted changes: so figures before and
 * after a change can be told apart in BENCHMARKS.md.
 */
export function measuredCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
  const head = git('log', '-1', '--format=%h, %cs: %s');
  const subject = head.length > 110 ? `${head.slice(0, 110)}…` : head;
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!BENCHMARKS.md') !== '';
  return `commit ${subject}${dirty ? ' (with uncommitted changes)' : ''}`;
}
