/**
 * Servers started as child processes (netlify dev, `npm start` in a clone):
 * waiting until they answer, and stopping them with everything they started.
 * They run in their own process group (spawn with `detached: true`), so one
 * signal to the group reaches netlify, its static server and its function workers.
 */
import type { ChildProcess } from 'node:child_process';

export interface WaitOptions {
  /** Fails early when the server exits, with what it printed. */
  child: ChildProcess;
  output: () => string;
  what: string;
  timeoutMs?: number;
  /** Called between attempts (the bench samples memory here). */
  onTick?: () => void;
  intervalMs?: number;
}

/** Resolves once GET `url` answers 200. */
export async function waitForHttp(
  url: string,
  { child, output, what, timeoutMs = 90_000, onTick, intervalMs = 200 }: WaitOptions,
): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${what} 已退出（${child.exitCode}）：\n${output().slice(-4000)}`);
    onTick?.();
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${what} 在 ${timeoutMs / 1000} 秒内没有就绪：\n${output().slice(-4000)}`);
}

/** SIGTERM to the child's process group; SIGKILL to what is left after `graceMs`. */
export async function stopProcessGroup(child: ChildProcess | undefined, graceMs = 5_000): Promise<void> {
  if (!child?.pid) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  try {
    process.kill(-child.pid, 'SIGKILL'); // stragglers: function workers, the static server
  } catch {
    /* the whole group is gone */
  }
}
