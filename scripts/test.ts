/**
 * `npm test`: every check and every test, with the time of each phase.
 *
 *   lint ─────────────────────────────────────┐  (in parallel: it reads files only)
 *   content check → astro check → build → vitest run (unit, content, functions, build, e2e)
 *
 * astro check and the builds run one after another, never together: both
 * write Astro's generated types and content cache (.astro/, node_modules/.astro).
 * Output of a phase that runs beside another is shown when it ends; vitest's
 * is shown live. Every phase runs even when an earlier one failed (except that
 * vitest needs the build), so one run reports every problem; the exit code is
 * non-zero when any phase failed.
 */
import { spawn } from 'node:child_process';
import { projectRoot } from './lib/root.ts';

interface Phase {
  name: string;
  command: string[];
  /** Shown live (only one phase at a time may be). */
  live?: boolean;
}

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
}

function run({ name, command, live = false }: Phase): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd: projectRoot,
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const done = (ok: boolean) => {
      const seconds = (performance.now() - started) / 1000;
      if (!live)
        process.stdout.write(`\n── ${name} (${seconds.toFixed(1)} s) ${ok ? '✓' : '✗'}\n${output.trimEnd()}\n`);
      resolve({ name, ok, seconds });
    };
    child.on('error', (e) => {
      output += String(e);
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

const npm = (script: string): string[] => ['npm', 'run', '--silent', script];
const started = performance.now();

const lint = run({ name: 'lint (eslint, prettier)', command: npm('lint') });
const site = (async () => {
  const outcomes = [
    await run({ name: 'content check', command: npm('check:content') }),
    await run({ name: 'astro check', command: npm('check') }),
  ];
  const build = await run({ name: 'build (astro, search index)', command: npm('build') });
  outcomes.push(build);
  if (build.ok) outcomes.push(await run({ name: 'vitest run', command: ['vitest', 'run'], live: true }));
  else outcomes.push({ name: 'vitest run (not run: the build failed)', ok: false, seconds: 0 });
  return outcomes;
})();

const outcomes = [await lint, ...(await site)];
const total = (performance.now() - started) / 1000;
const width = Math.max(...outcomes.map((o) => o.name.length));
process.stdout.write(
  [
    '',
    'npm test 各阶段耗时 / phases (lint runs beside the others)',
    ...outcomes.map((o) => `  ${o.ok ? '✓' : '✗'} ${o.name.padEnd(width)}  ${o.seconds.toFixed(1).padStart(6)} s`),
    `    ${'total'.padEnd(width)}  ${total.toFixed(1).padStart(6)} s`,
    '',
  ].join('\n'),
);
if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
