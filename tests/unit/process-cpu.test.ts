/**
 * The CPU a process tree used (src/lib/process-cpu.ts), which the build's
 * timing marks and the benchmarks both read: a child's time counts for its
 * parent once it has ended, and a process that is gone reads as nothing.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { treeUsage } from '../../src/lib/process-cpu.ts';

describe.runIf(process.platform === 'linux')('treeUsage', () => {
  it('counts this process and the CPU time of a child that has ended', () => {
    const before = treeUsage(process.pid)!;
    expect(before.rss).toBeGreaterThan(0);
    // Spins until it has itself used 0.3 s of CPU, however busy the machine is.
    const spin = 'const c=()=>{const u=process.cpuUsage();return u.user+u.system};while(c()<3e5);';
    expect(spawnSync(process.execPath, ['-e', spin]).status).toBe(0);
    const after = treeUsage(process.pid)!;
    expect(after.cpu - before.cpu).toBeGreaterThanOrEqual(0.29);
  });

  it('reads a process that has ended as undefined', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    expect(treeUsage(Number(child.stdout))).toBeUndefined();
  });
});
