/**
 * The application functions under load: `npm run bench:functions` (the
 * in-process harness of the applications work: real handlers, a local Blobs
 * server in a child process) at 1 and 20 concurrent clients, several runs
 * each, then every acknowledged receipt read back from the store.
 */
import { fmt, log, npmRun, root, stat, table } from './lib.ts';

interface Figures {
  clients: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  acknowledged: number;
  distinct: number;
  notAcknowledged: Record<string, number>;
  missing: number;
  unfindable: number;
}

export interface FunctionsResult {
  clients: number;
  runs: Figures[];
}

export async function functionsBench(
  clientCounts: number[],
  runs: number,
  seconds: number,
): Promise<FunctionsResult[]> {
  const results: FunctionsResult[] = clientCounts.map((clients) => ({ clients, runs: [] }));
  for (let i = 0; i < runs; i++) {
    for (const res of results) {
      log(`functions: ${res.clients} client(s), ${seconds} s (run ${i + 1}/${runs})`);
      const r = await npmRun(
        root,
        'bench:functions',
        ['--clients', String(res.clients), '--seconds', String(seconds), '--json'],
        { timeoutMs: (seconds + 120) * 1000 },
      );
      const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
      if (!line)
        throw new Error(`bench:functions gave no figures (exit ${r.code}):\n${(r.stdout + r.stderr).slice(-3000)}`);
      res.runs.push(JSON.parse(line.slice('BENCH_JSON '.length)) as Figures);
    }
  }
  return results;
}

export function functionsSection(results: FunctionsResult[], seconds: number): string {
  const rows = results.map((res) => {
    const acked = res.runs.reduce((n, r) => n + r.acknowledged, 0);
    const stored = res.runs.reduce((n, r) => n + r.acknowledged - r.missing, 0);
    const refused = res.runs.reduce((n, r) => n + Object.values(r.notAcknowledged).reduce((a, b) => a + b, 0), 0);
    return [
      res.clients,
      res.runs.length,
      fmt(stat(res.runs.map((r) => r.rps)), 0),
      fmt(stat(res.runs.map((r) => r.p50)), 1, ' ms'),
      fmt(stat(res.runs.map((r) => r.p99)), 1, ' ms'),
      fmt(stat(res.runs.map((r) => r.max)), 0, ' ms'),
      acked.toLocaleString('en'),
      `${stored.toLocaleString('en')}${stored === acked ? ' ✓' : ' ✗'}`,
      refused,
      res.runs.reduce((n, r) => n + r.unfindable, 0),
    ];
  });
  return [
    table(
      [
        'concurrent clients',
        'runs',
        'requests/s',
        'p50',
        'p99',
        'max',
        'acknowledged (all runs)',
        'found in the store',
        'not acknowledged',
        'not found by /api/status',
      ],
      rows,
    ),
    '',
    `Each run: \`npm run bench:functions -- --clients N --seconds ${seconds} --json\` — the legal-aid and mediation functions called in-process, alternately, each submission with its own idempotency key, against Netlify Database's local emulation (PGlite) in a child process (so the functions' process does not also serve the store); afterwards every acknowledged receipt is read back from the store and looked up through the status function. Target: nothing acknowledged and lost. Throughput is bounded by design: every submission computes one scrypt of the phone (≈ 40 ms of CPU on a quiet core), so about 25 submissions a second per core in one process; on Netlify each call has its own. Where each millisecond of one submission goes, and what the profile shows under load: the next section. With one client, requests/s is simply 1 / latency. Through \`netlify dev\` (a new worker per request) throughput is about 5 requests/s; that is the local tool, not the functions.`,
  ].join('\n');
}
