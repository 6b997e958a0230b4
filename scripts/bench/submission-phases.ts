/**
 * Where the time of one submission goes, phase by phase (a part of `npm run
 * bench`: scripts/bench/submission.ts runs this in its own process).
 *
 *   node scripts/bench/submission-phases.ts [--iterations 100] [--json]
 *
 * Nothing in the production modules is changed or instrumented:
 *  - each step of the submit path (src/lib/requests/handlers/submit.ts,
 *    service.ts, store/requests.ts) is the real function, called directly N
 *    times, one call at a time, on the benchmark's bodies (bench/bodies.ts);
 *  - the database round trips are counted and timed by wrapping the store's
 *    `Sql` seam (requestStore(secret, sql)) around the real pool, while the
 *    real handler runs with its real dependencies (depsFor) but that store.
 * Netlify Database's local emulation runs in a child process, as in
 * scripts/bench-functions.ts. Wall time is the median per call; CPU time is
 * the process's user + system time over the N calls (all its threads: scrypt
 * and WebCrypto run on libuv's thread pool), divided by N.
 */
import { cpuUsage } from 'node:process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { depsFor } from '../../functions/_shared/deps.ts';
import { readForm } from '../../src/lib/requests/handlers/exchange.ts';
import { handleApplication } from '../../src/lib/requests/handlers/submit.ts';
import { REQUEST_FORMS } from '../../src/lib/requests/forms.ts';
import { toFormValues } from '../../src/lib/forms/render.ts';
import {
  canonicalJson,
  hmacHex,
  idempotencyHash,
  phoneCheck,
  PHONE_SCRYPT,
  receiptCandidates,
  recordMac,
  withdrawToken,
} from '../../src/lib/requests/keys.ts';
import { newRecord, type ApplicationRecord } from '../../src/lib/requests/record.ts';
import type { RequestTypeId } from '../../src/lib/requests/registry.ts';
import { generateKeyPair } from '../../src/lib/staff/crypto.ts';
import { closeDatabase, database, type Sql } from '../../src/lib/store/db.ts';
import { metadataOf, recordValues, requestStore } from '../../src/lib/store/requests.ts';
import { forkMemoryDatabase } from '../lib/database.ts';
import { benchSubmission, submissionRequest } from './bodies.ts';
import { load, treeSample } from './lib.ts';

const { values: args } = parseArgs({
  options: { iterations: { type: 'string', default: '100' }, json: { type: 'boolean', default: false } },
});
const N = Number(args.iterations);

export interface Phase {
  id: string;
  /** Median wall time of one call, ms. */
  wallMs: number;
  /** Process CPU time (all threads) per call, ms. */
  cpuMs: number;
}

export interface Query {
  label: string;
  ms: number;
}

export interface PhaseFigures {
  iterations: number;
  loadBefore: string;
  loadAfter: string;
  scrypt: { N: number; r: number; p: number };
  phases: Phase[];
  /** The real handler, one submission at a time. */
  handler: {
    wallMs: number;
    p90Ms: number;
    cpuOwnMs: number;
    /** CPU of the database's process (the emulation) per submission, ms (10 ms resolution over the run). */
    cpuDatabaseMs: number;
    queries: Record<string, { perSubmission: number; medianMs: number }>;
  };
  /** The same submission sent again (a retry, a double click). */
  duplicate: { wallMs: number; queries: Record<string, { perSubmission: number; medianMs: number }> };
  /** scrypt calls all started at once: how many this machine finishes per second. */
  scryptParallel: { calls: number; seconds: number; perSecond: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;

/**
 * Calls fn `calls` times, one at a time, after a few calls to warm up. Steps
 * of microseconds get more calls: CPU time is read over the whole loop.
 */
async function measure(id: string, fn: (i: number) => unknown, calls = N): Promise<Phase> {
  for (let i = 0; i < 5; i++) await fn(calls + i);
  const walls: number[] = [];
  const c0 = cpuUsage();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await fn(i);
    walls.push(performance.now() - t);
  }
  const c = cpuUsage(c0);
  return { id, wallMs: median(walls), cpuMs: (c.user + c.system) / 1000 / calls };
}

/** What kind of statement a query is, from its first words (the store's SQL is fixed text). */
function labelOf(text: string): string {
  if (text.startsWith('INSERT INTO requests')) return 'INSERT requests … ON CONFLICT DO NOTHING';
  if (text.startsWith('SELECT') && text.includes('FROM requests WHERE slot')) return 'SELECT requests WHERE slot';
  if (text.startsWith('WITH seat')) return 'booking: INSERT seat + INSERT requests';
  return text.slice(0, 40);
}

/** The store's `Sql` seam around the real pool: every query counted and timed. */
const queries: Query[] = [];
const timedSql: Sql = {
  async query<Row>(text: string, values?: readonly unknown[]) {
    const t = performance.now();
    try {
      return await database().query<Row>(text, values);
    } finally {
      queries.push({ label: labelOf(text), ms: performance.now() - t });
    }
  },
};

function perSubmission(qs: Query[], submissions: number) {
  const out: Record<string, { perSubmission: number; medianMs: number }> = {};
  for (const label of new Set(qs.map((q) => q.label))) {
    const ms = qs.filter((q) => q.label === label).map((q) => q.ms);
    out[label] = { perSubmission: ms.length / submissions, medianMs: median(ms) };
  }
  return out;
}

const loadBefore = load();
const db = await forkMemoryDatabase();
process.env.NETLIFY_DB_URL = db.url;
process.env.APPLICATIONS_PUBLIC_KEY ||= JSON.stringify((await generateKeyPair()).publicJwk);
const ctx = { requestId: 'bench', deploy: { context: 'dev', id: 'bench' } } as never;
const deps = { ...depsFor(ctx), log: () => {} };
const { secret, sealer } = deps;
const timedDeps = { ...deps, store: requestStore(secret, () => timedSql) };
await database().query('SELECT 1');

// Inputs of each step, made from the real outputs of the step before.
const kinds: RequestTypeId[] = ['legal-aid', 'mediation'];
const form = (i: number) => REQUEST_FORMS[kinds[i % 2]!];
const valuesOf = await Promise.all(kinds.map(async (_, k) => (await readForm(benchSubmission(k, 'v').request)).values));
const dataOf = kinds.map((_, k) => {
  const r = form(k).parse(valuesOf[k]!);
  if (!r.ok) throw new Error(`the bench body does not validate: ${JSON.stringify(r.errors)}`);
  return r.data;
});
const now = new Date();
const receiptOf = (k: number) => receiptCandidates(secret, kinds[k]!, idempotencyHash(secret, kinds[k]!, 'k'), now)[0]!;
const records: ApplicationRecord[] = await Promise.all(
  kinds.map(async (formType, k) =>
    newRecord({
      receipt: receiptOf(k),
      formType,
      now,
      meta: {
        ...form(k).routing(dataOf[k]!),
        phoneCheck: await phoneCheck(secret, form(k).routing(dataOf[k]!).phone),
        submissionHash: hmacHex(secret, 'content', `${formType}:${canonicalJson(dataOf[k])}`),
        idemHash: idempotencyHash(secret, formType, 'k'),
        lang: 'zh-Hans',
      },
      personal: await sealer.seal(dataOf[k]!, { receipt: receiptOf(k) }),
    }),
  ),
);
const MANY = N * 20;
const bodies = Array.from({ length: MANY + 5 }, (_, i) => benchSubmission(i, 'p').request);

const phases: Phase[] = [
  // Method, type, size, origin, then the JSON text into form values.
  await measure('parse', (i) => readForm(bodies[i]!), MANY),
  // The kind's zod schema (the one the page uses).
  await measure('validate', (i) => form(i).parse(valuesOf[i % 2]!), MANY),
  // Canonical values, routing, and the keyed hashes: idempotency, receipt numbers, withdraw secret, content hash.
  await measure(
    'normalise',
    (i) => {
      const k = i % 2;
      const formType = kinds[k]!;
      toFormValues(form(k).def, dataOf[k]!);
      form(k).routing(dataOf[k]!);
      const idem = idempotencyHash(secret, formType, `key-${i}`);
      receiptCandidates(secret, formType, idem, now);
      withdrawToken(secret, idem);
      return hmacHex(secret, 'content', `${formType}:${canonicalJson(dataOf[k])}`);
    },
    MANY,
  ),
  await measure('scrypt', (i) => phoneCheck(secret, i % 2 ? '13912345678' : '13800138000')),
  // Ephemeral ECDH P-256 key, ECDH, HKDF, AES-256-GCM over the padded JSON.
  await measure('seal', (i) => sealer.seal(dataOf[i % 2]!, { receipt: receiptOf(i % 2) })),
  await measure('mac', (i) => recordMac(secret, metadataOf(records[i % 2]!)), MANY),
  // Every column's value, the record MAC among them.
  await measure('row', (i) => recordValues(secret, records[i % 2]!), MANY),
];

// The real handler, one submission at a time, its queries counted through the store's seam.
async function submitAll(requests: { formType: RequestTypeId; request: Request }[]): Promise<number[]> {
  const walls: number[] = [];
  for (const { formType, request } of requests) {
    const t = performance.now();
    const res = await handleApplication(formType, request, timedDeps, 'bench');
    await res.text();
    walls.push(performance.now() - t);
    if (res.status !== 201 && res.status !== 200) throw new Error(`submission answered ${res.status}`);
  }
  return walls;
}
await submitAll(Array.from({ length: 5 }, (_, i) => benchSubmission(i, 'w')));
const fresh = Array.from({ length: N }, (_, i) => benchSubmission(i, 'h'));
queries.length = 0;
const tree0 = treeSample(process.pid).cpu;
const c0 = cpuUsage();
const walls = await submitAll(fresh);
const c = cpuUsage(c0);
const treeCpu = treeSample(process.pid).cpu - tree0;
const ownCpu = (c.user + c.system) / 1e6;
const handler = {
  wallMs: median(walls),
  p90Ms: p90(walls),
  cpuOwnMs: (ownCpu * 1000) / N,
  cpuDatabaseMs: (Math.max(0, treeCpu - ownCpu) * 1000) / N,
  queries: perSubmission(queries, N),
};

// The same submissions again: the create is refused, the record is read to answer with its receipt.
const again = Math.min(N, 20);
const firsts = Array.from({ length: again }, (_, i) => benchSubmission(i, 'd'));
await submitAll(firsts);
queries.length = 0;
const dupWalls = await submitAll(
  firsts.map((f) => ({ formType: f.formType, request: submissionRequest(f.formType, f.body) })),
);
const duplicate = { wallMs: median(dupWalls), queries: perSubmission(queries, again) };

// scrypt with every core busy: all calls started at once (libuv's 4 threads on this machine's cores).
const calls = 40;
const t = performance.now();
await Promise.all(Array.from({ length: calls }, () => phoneCheck(secret, '13800138000')));
const seconds = (performance.now() - t) / 1000;

await closeDatabase();
await db.stop();

const figures: PhaseFigures = {
  iterations: N,
  loadBefore,
  loadAfter: load(),
  scrypt: { ...PHONE_SCRYPT },
  phases,
  handler,
  duplicate,
  scryptParallel: { calls, seconds, perSecond: calls / seconds },
};
const print = (s: string) => process.stdout.write(`${s}\n`);
for (const p of phases)
  print(`${p.id.padEnd(10)} ${p.wallMs.toFixed(3)} ms wall (median), ${p.cpuMs.toFixed(3)} ms CPU`);
print(
  `handler    ${handler.wallMs.toFixed(1)} ms wall (median), p90 ${handler.p90Ms.toFixed(1)} ms; CPU ${handler.cpuOwnMs.toFixed(1)} ms + database ${handler.cpuDatabaseMs.toFixed(1)} ms`,
);
print(`queries    ${JSON.stringify(handler.queries)}`);
print(`duplicate  ${duplicate.wallMs.toFixed(1)} ms, queries ${JSON.stringify(duplicate.queries)}`);
print(`scrypt ×${calls} at once: ${(calls / seconds).toFixed(1)}/s`);
print(`load average ${loadBefore} before, ${figures.loadAfter} after`);
if (args.json) print(`BENCH_JSON ${JSON.stringify(figures)}`);
