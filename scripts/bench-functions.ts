/**
 * Load benchmark of the application functions (not a test: timings are noisy).
 *
 *   npm run bench:functions [-- --seconds 10 --clients 20 --json]
 *   (--json adds one last line, `BENCH_JSON {…}`, for `npm run bench`)
 *
 * In-process, like tests/functions: the real function handlers called with
 * Request objects, against Netlify Database's local emulation (in memory,
 * with the real migrations, scripts/lib/database.ts). The database runs in a
 * child process, as the real one runs elsewhere: the function's process
 * spends no CPU serving its own storage. 20 clients submit
 * legal-aid and mediation applications (each with its own idempotency key) for
 * 10 seconds, then every acknowledged receipt is read back from the store and
 * looked up through /api/status. Prints requests/s, p50/p99 and the counts.
 * Target: zero lost. Throughput is bounded by design: every submission (and
 * every status lookup) computes one scrypt of the phone (src/lib/requests/keys.ts,
 * ≈ 40 ms of CPU on a quiet core), so about 25 submissions a second per core.
 * Phase by phase, and under `node --cpu-prof`: scripts/bench/submission.ts
 * (`npm run bench -- --only submission`).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import apply from '../functions/apply.mts';
import status from '../functions/status.mts';
import { generateKeyPair } from '../src/lib/staff/crypto.ts';
import { closeDatabase } from '../src/lib/store/db.ts';
import { requestStore } from '../src/lib/store/requests.ts';
import { DEV_SECRET } from '../functions/_shared/secrets.ts';
import { benchSubmission } from './bench/bodies.ts';
import { forkMemoryDatabase } from './lib/database.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);

// Function logs go to stdout in production; here they would drown the figures.
console.log = () => {};
const print = (s: string) => process.stdout.write(`${s}\n`);

const db = await forkMemoryDatabase();
process.env.NETLIFY_DB_URL = db.url;
// Submissions are encrypted to the bureau's public key: a throwaway key pair for the run.
process.env.APPLICATIONS_PUBLIC_KEY ||= JSON.stringify((await generateKeyPair()).publicJwk);

const ctx = { requestId: 'bench', deploy: { context: 'dev', id: 'bench' } } as never;

interface Ack {
  receipt: string;
  phone: string;
}
const latencies: number[] = [];
const acked: Ack[] = [];
const failures = new Map<number, number>();
let n = 0;

async function client(id: number, until: number): Promise<void> {
  while (performance.now() < until) {
    const { request: req, phone } = benchSubmission(n++, String(id));
    const started = performance.now();
    const res = await apply(req, ctx);
    const data = (await res.json()) as { receipt?: string };
    latencies.push(performance.now() - started);
    if ((res.status === 201 || res.status === 200) && data.receipt) acked.push({ receipt: data.receipt, phone });
    else failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
  }
}

// Timings depend on what else the machine is doing: say so next to the figures.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
print(
  `Benchmark: ${CLIENTS} concurrent clients, ${SECONDS} s, in-process functions against a local Postgres (PGlite)…`,
);
print(`machine: ${cpus().length} CPUs, load average ${load()} (1 / 5 / 15 min) before`);
// The load phase on the monotonic clock (µs) that `node --cpu-prof` profiles use (scripts/bench/submission.ts).
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const loadWindow = [monotonicUs()];
const start = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, start + SECONDS * 1000)));
const elapsed = (performance.now() - start) / 1000;
loadWindow.push(monotonicUs());

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;

// Every acknowledged submission must be in the store, and findable by receipt + phone.
const store = requestStore(DEV_SECRET);
let missing = 0;
let unfindable = 0;
for (let i = 0; i < acked.length; i += 50) {
  await Promise.all(
    acked.slice(i, i + 50).map(async (a) => {
      const stored = await store.getRecord(a.receipt);
      if (!stored || stored.record.receipt !== a.receipt) missing++;
      const res = await status(
        new Request('http://localhost/api/status', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ receipt: a.receipt, phone: a.phone }),
        }),
        ctx,
      );
      if (res.status !== 200) unfindable++;
    }),
  );
}
const distinct = new Set(acked.map((a) => a.receipt)).size;

await closeDatabase();
await db.stop();

const rps = latencies.length / elapsed;
const p50 = pct(50);
const p99 = pct(99);
print('');
print(`requests            ${latencies.length} in ${elapsed.toFixed(1)} s`);
print(`throughput          ${rps.toFixed(0)} req/s            (bounded by the phone's scrypt: ≈ 25/s per quiet core)`);
print(`latency p50 / p99   ${p50.toFixed(1)} ms / ${p99.toFixed(1)} ms`);
print(`latency max         ${latencies.at(-1)?.toFixed(1)} ms`);
print(`acknowledged        ${acked.length} (${distinct} distinct receipts)`);
print(`not acknowledged    ${[...failures].map(([s, c]) => `${c} × ${s}`).join(', ') || '0'}`);
print(`lost (not stored)   ${missing}`);
print(`not found by status ${unfindable}`);
print(`load average after  ${load()}`);
const ok = acked.length > 0 && missing === 0 && unfindable === 0 && distinct === acked.length;
print(ok ? '\nAll targets met.' : '\nTargets NOT met.');
if (args.json) {
  const figures = {
    clients: CLIENTS,
    seconds: elapsed,
    requests: latencies.length,
    rps,
    p50,
    p99,
    max: latencies.at(-1) ?? NaN,
    acknowledged: acked.length,
    distinct,
    notAcknowledged: Object.fromEntries(failures),
    missing,
    unfindable,
    window: loadWindow,
  };
  print(`BENCH_JSON ${JSON.stringify(figures)}`);
}
process.exitCode = missing || unfindable || distinct !== acked.length ? 1 : 0;
