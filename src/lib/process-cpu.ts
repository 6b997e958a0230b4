/**
 * CPU time and resident memory of a process and all its descendants, read
 * from Linux's /proc: a Node process's own cpuUsage() never sees the work of
 * the processes it starts (pagefind indexes in one of its own), and the
 * benchmarks measure commands they start. One reader for the build's timing
 * marks (src/integrations/build-timings.ts) and the benchmarks
 * (scripts/bench/lib.ts), so both count CPU the same way.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (100 on Linux for x86 and arm). */
const CLK_TCK = 100;

export interface TreeUsage {
  /** Resident memory, bytes. */
  rss: number;
  /** CPU time, user + system, seconds. */
  cpu: number;
}

interface ProcStat extends TreeUsage {
  ppid: number;
}

function procStat(pid: string): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, and cutime, cstime: the time of the children it has waited for.
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    return { ppid: Number(f[1]), rss: Number(f[21]) * 4096, cpu: ticks / CLK_TCK };
  } catch {
    // The process ended while we read it, or there is no /proc.
    return undefined;
  }
}

/**
 * The process `pid` (all its threads) and its descendants, live or ended:
 * the kernel adds a waited-for child's time to its parent's cutime/cstime,
 * and the parent is still in the tree. Undefined where `pid` cannot be read
 * (it has ended, or the system has no /proc).
 */
export function treeUsage(pid: number): TreeUsage | undefined {
  const root = procStat(String(pid));
  if (!root) return undefined;
  const children = new Map<number, number[]>();
  const usage = new Map<number, TreeUsage>([[pid, root]]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === pid) continue;
    const s = procStat(name);
    if (!s) continue;
    const p = Number(name);
    usage.set(p, s);
    const siblings = children.get(s.ppid);
    if (siblings) siblings.push(p);
    else children.set(s.ppid, [p]);
  }
  const total = { rss: 0, cpu: 0 };
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total.rss += usage.get(p)?.rss ?? 0;
    total.cpu += usage.get(p)?.cpu ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
