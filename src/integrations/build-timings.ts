/**
 * Where a build's time goes, for the build-scale benchmark
 * (scripts/bench/build-scale.ts). Off unless BUILD_TIMINGS names a file: then
 * each mark appends one JSON line to it (the process, the mark's name, the
 * wall clock and the CPU time used so far), and a phase is the time between
 * two marks of one process. Without the variable the integrations below have
 * no hooks and `mark` does nothing, so a normal build is unchanged.
 *
 * In astro.config.mjs a `timingMark(name)` integration placed after another
 * integration marks the end of that integration's work in every hook they
 * share (content checks in astro:config:setup; the sitemap, CMS files, 繁體
 * copy and page shell in astro:build:done); `astroPhases()` marks Astro's own
 * steps (content sync, bundling, page generation). scripts/build-search-index.ts
 * marks its steps with `mark`.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync } from 'node:fs';
import { treeUsage } from '../lib/process-cpu.ts';

export const TIMINGS_ENV = 'BUILD_TIMINGS';

export interface TimingMark {
  pid: number;
  name: string;
  /** Epoch milliseconds. */
  wall: number;
  /** CPU milliseconds (user + system) of this process and its child processes so far. */
  cpu: number;
}

/**
 * CPU time of this process (all its threads) and of its child processes, live
 * or ended: pagefind indexes in a process of its own, whose time a Node
 * process's cpuUsage() never sees. Linux's /proc; elsewhere this process only.
 */
function cpuMs(): number {
  const tree = treeUsage(process.pid);
  // Whole milliseconds: /proc counts in hundredths of a second.
  if (tree) return Math.round(tree.cpu * 1000);
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

let started = false;

/** Records a mark when BUILD_TIMINGS is set; a process's first mark is preceded by its start (no CPU used yet). */
export function mark(name: string): void {
  const file = process.env[TIMINGS_ENV];
  if (!file) return;
  const write = (m: TimingMark) => appendFileSync(file, JSON.stringify(m) + '\n');
  if (!started) write({ pid: process.pid, name: 'process start', wall: Math.round(performance.timeOrigin), cpu: 0 });
  started = true;
  write({ pid: process.pid, name, wall: Date.now(), cpu: cpuMs() });
}

/** Marks `name` in one hook, after the integrations listed before it have run theirs. */
export function timingMark(name: string, hook: 'astro:config:setup' | 'astro:build:done'): AstroIntegration {
  const integration = { name: `taishan:timing:${name}`, hooks: {} };
  if (process.env[TIMINGS_ENV]) integration.hooks = { [hook]: () => mark(name) };
  return integration;
}

/**
 * Astro's own steps, listed first in astro.config.mjs: start-up (Node, Astro,
 * the config) ends at the first astro:config:setup; content sync and Vite's
 * set-up end at astro:build:start; bundling ends where page generation starts
 * (a Vite buildApp hook that runs just before Astro's own, which generates the
 * pages); generation ends at astro:build:generated; astro:build:done marks the
 * start of the integrations' after-build work.
 */
export function astroPhases(): AstroIntegration {
  if (!process.env[TIMINGS_ENV]) return { name: 'taishan:timing', hooks: {} };
  return {
    name: 'taishan:timing',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        mark('astro start-up');
        updateConfig({
          vite: {
            plugins: [{ name: 'taishan:timing', buildApp: { order: 'post', handler: async () => mark('bundling') } }],
          },
        });
      },
      'astro:build:start': () => mark('content sync'),
      'astro:build:generated': () => mark('page generation'),
      'astro:build:done': () => mark('after generation'),
    },
  };
}
