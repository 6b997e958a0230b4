/**
 * Where each millisecond of a submission goes: the phases of one submission
 * (scripts/bench/submission-phases.ts, in its own process) and one
 * `node --cpu-prof` of `npm run bench:functions` under load, its profiles
 * summarised by self time. Answers “what bounds submissions per second on
 * this machine, and would fewer database round trips help”.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { log, root, run, table } from './lib.ts';
import type { PhaseFigures } from './submission-phases.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** The benchmark's process, or the database emulation's. */
  process: 'functions' | 'database';
  seconds: number;
  /** ms of self time per entry, highest first. */
  top: { name: string; where: string; ms: number }[];
  idleMs: number;
  gcMs: number;
}

export interface SubmissionResult {
  phases: PhaseFigures;
  profiles: ProfileSummary[];
  /** The profiled load run's own figures (BENCH_JSON of bench:functions). */
  load: { requests: number; rps: number; p50: number; p99: number; seconds: number; window: number[] };
  profileSeconds: number;
}

/** A script's place, short: node_modules/<package>/…, src/…, node:internal/…. */
function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const here = `file://${root}/`;
  return url.startsWith(here) ? url.slice(here.length) : url;
}

/**
 * Self time per function (name + place), from the samples whose time falls in
 * the window (µs, the profile's monotonic clock): each sample's time delta
 * goes to its node. The window leaves out start-up and the read-back.
 */
export function summariseProfile(
  profile: CpuProfile,
  process: ProfileSummary['process'],
  [from, to]: number[],
): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; ms: number }>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from! || at > to!) return;
    const f = byNode.get(id)!.callFrame;
    const where = f.url ? `${shortUrl(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName}\u0000${where}`;
    const entry = self.get(key) ?? { name: f.functionName || '(anonymous)', where, ms: 0 };
    entry.ms += (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, entry);
  });
  const all = [...self.values()].sort((a, b) => b.ms - a.ms);
  const named = (n: string) => all.find((e) => e.name === n)?.ms ?? 0;
  return {
    process,
    seconds: (Math.min(to!, profile.endTime) - Math.max(from!, profile.startTime)) / 1e6,
    top: all.filter((e) => e.name !== '(idle)').slice(0, 15),
    idleMs: named('(idle)'),
    gcMs: named('(garbage collector)'),
  };
}

export async function submissionBench(iterations: number, profileSeconds: number): Promise<SubmissionResult> {
  log(`submission: phases, ${iterations} submissions`);
  const p = await run(
    process.execPath,
    ['scripts/bench/submission-phases.ts', '--iterations', String(iterations), '--json'],
    {
      cwd: root,
      timeoutMs: 20 * 60_000,
    },
  );
  const line = p.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line)
    throw new Error(`submission-phases gave no figures (exit ${p.code}):\n${(p.stdout + p.stderr).slice(-3000)}`);
  const phases = JSON.parse(line.slice('BENCH_JSON '.length)) as PhaseFigures;

  log(`submission: node --cpu-prof of bench:functions, 20 clients, ${profileSeconds} s`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-cpuprof-'));
  try {
    // The database child is forked with the same flags, so it writes its own profile too.
    const r = await run(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        'scripts/bench-functions.ts',
        '--seconds',
        String(profileSeconds),
        '--json',
      ],
      { cwd: root, timeoutMs: (profileSeconds + 180) * 1000 },
    );
    const loadLine = r.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    if (!loadLine)
      throw new Error(`bench:functions gave no figures (exit ${r.code}):\n${(r.stdout + r.stderr).slice(-3000)}`);
    const load = JSON.parse(loadLine.slice('BENCH_JSON '.length)) as SubmissionResult['load'];
    const profiles = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => {
        const profile = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
        const ours = profile.nodes.some((n) => n.callFrame.url.endsWith('scripts/bench-functions.ts'));
        return summariseProfile(profile, ours ? 'functions' : 'database', load.window);
      })
      .sort((a, b) => a.process.localeCompare(b.process))
      .reverse();
    return { phases, profiles, load, profileSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PHASE_NAMES: Record<string, string> = {
  parse: 'Body parsing (`readForm`: method, type, size, origin, JSON)',
  validate: 'Validation (the form’s zod schema, `form.parse`)',
  normalise:
    'Normalisation and keyed hashes (`toFormValues`, routing, idempotency / receipt / withdraw HMACs, content hash)',
  scrypt: 'Phone check: scrypt (`phoneCheck`)',
  seal: 'Sealing the personal half (ECDH P-256 + HKDF + AES-256-GCM, `sealer.seal`)',
  mac: 'Record MAC (`recordMac` over `metadataOf`)',
  row: 'Row values (`recordValues`, the MAC included)',
};

const ms = (x: number, d = 2) => `${x.toFixed(d)} ms`;

function phaseTable(f: PhaseFigures): string {
  const rows = f.phases.map((p) => [PHASE_NAMES[p.id] ?? p.id, ms(p.wallMs, 3), ms(p.cpuMs, 3)]);
  for (const [label, q] of Object.entries(f.handler.queries))
    rows.push([
      `Database round trip: \`${label}\` (× ${q.perSubmission} per submission)`,
      ms(q.medianMs),
      `${ms(f.handler.cpuDatabaseMs, 1)} in the database process`,
    ]);
  rows.push([
    '**The whole handler** (`handleApplication`, one submission at a time)',
    `**${ms(f.handler.wallMs, 1)}** (p90 ${ms(f.handler.p90Ms, 1)})`,
    `**${ms(f.handler.cpuOwnMs, 1)}** + ${ms(f.handler.cpuDatabaseMs, 1)} database`,
  ]);
  return table(['Phase', 'Wall time (median of one call)', 'CPU time per call'], rows);
}

function profileList(p: ProfileSummary, submissions: number): string[] {
  const busy = p.seconds * 1000 - p.idleMs;
  const who =
    p.process === 'functions' ? 'The functions’ process (main thread)' : 'The database emulation’s process (PGlite)';
  return [
    `*${who}*: ${p.seconds.toFixed(1)} s of load profiled, ${(busy / 1000).toFixed(1)} s busy (${((100 * busy) / (p.seconds * 1000)).toFixed(0)} %, ${ms(busy / submissions, 1)} per submission), of which garbage collection ${(p.gcMs / 1000).toFixed(1)} s.`,
    '',
    table(
      ['Self time', 'Function', 'Where'],
      p.top
        .slice(0, p.process === 'functions' ? 12 : 6)
        .map((e) => [ms(e.ms, 0), `\`${e.name}\``, e.where ? `\`${e.where}\`` : '(native)']),
    ),
    '',
  ];
}

export function submissionSection(r: SubmissionResult): string {
  const f = r.phases;
  const scrypt = f.phases.find((p) => p.id === 'scrypt')!;
  const seal = f.phases.find((p) => p.id === 'seal')!;
  const cpu = f.handler.cpuOwnMs + f.handler.cpuDatabaseMs;
  const cores = cpus().length;
  const dup = Object.entries(f.duplicate.queries)
    .map(([l, q]) => `\`${l}\` (${ms(q.medianMs)})`)
    .join(' then ');
  const dbMs = Object.values(f.handler.queries).reduce((n, q) => n + q.perSubmission * q.medianMs, 0);
  const others = f.phases.filter((p) => !['scrypt', 'mac'].includes(p.id)).reduce((n, p) => n + p.cpuMs, 0);
  return [
    `\`node scripts/bench/submission-phases.ts --iterations ${f.iterations}\`: each step of the submit path is the real function called on its own, one call at a time (${f.iterations} calls; steps of microseconds ${f.iterations * 20}), then the real handler ${f.iterations} times in a row, its database queries counted and timed through the store’s \`Sql\` seam, against Netlify Database’s local emulation in a child process. Nothing in the production code is changed for it. Load average ${f.loadBefore} before, ${f.loadAfter} after (1 / 5 / 15 min, 2 cores): wall times of a busy machine include waiting for a core; CPU times do not.`,
    '',
    phaseTable(f),
    '',
    `The CPU column counts all of the process’s threads: scrypt and WebCrypto run on libuv’s thread pool, off the main thread. scrypt: N = 2^${Math.log2(f.scrypt.N)}, r = ${f.scrypt.r}, p = ${f.scrypt.p} (16 MiB per hash), a security requirement (the phone kept as a slow salted hash per record, src/lib/requests/keys.ts): it stays. A second submission of the same idempotency key (a retry, a double click) takes ${ms(f.duplicate.wallMs, 1)}: ${dup}.`,
    '',
    '**What bounds throughput.** ' +
      `scrypt alone is ${ms(scrypt.cpuMs, 1)} of CPU per submission, ${((100 * scrypt.cpuMs) / cpu).toFixed(0)} % of the ${ms(cpu, 1)} a submission costs in all (functions ${ms(f.handler.cpuOwnMs, 1)} + database ${ms(f.handler.cpuDatabaseMs, 1)}); every other step together (parsing, zod, hashes, sealing ${ms(seal.cpuMs, 2)}, the row and its MAC) ${ms(others, 1)}. ` +
      `On ${cores} cores with nothing else running that is at most ≈ ${((cores * 1000) / cpu).toFixed(0)} submissions/s for the whole machine (scrypt alone: ≈ ${((cores * 1000) / scrypt.cpuMs).toFixed(0)}/s), whatever the number of clients. ` +
      `Measured during this run with all scrypt calls started at once: ${f.scryptParallel.perSecond.toFixed(1)}/s (${f.scryptParallel.calls} calls in ${f.scryptParallel.seconds.toFixed(1)} s — the machine was shared). ` +
      `500 submissions/s needs 500 × ${ms(scrypt.cpuMs, 0)} ≈ ${((500 * scrypt.cpuMs) / 1000).toFixed(0)} CPU-seconds of scrypt every second, i.e. ≈ ${Math.ceil((500 * scrypt.cpuMs) / 1000)} cores busy with nothing else; one 2-core process cannot reach it without weakening the hash. On Netlify each function instance has its own CPU, so throughput scales with instances, not with this harness. ` +
      `The local emulation is a second limit of this harness only: PGlite (Postgres compiled to WebAssembly, one thread) spends ${ms(f.handler.cpuDatabaseMs, 1)} of CPU per INSERT, so it alone stops near ${(1000 / Math.max(f.handler.cpuDatabaseMs, 0.1)).toFixed(0)}/s; Netlify Database is a real Postgres server. ` +
      `p99 < 100 ms at 20 clients has the same bound: with 20 submissions in flight on ${cores} cores, each waits for ≈ 20 × ${ms(cpu, 0)} / ${cores} ≈ ${((20 * cpu) / cores).toFixed(0)} ms of CPU.`,
    '',
    '**Database round trips.** ' +
      `A new submission makes ${Object.values(f.handler.queries).reduce((n, q) => n + q.perSubmission, 0)} round trip (${Object.keys(
        f.handler.queries,
      )
        .map((l) => `\`${l}\``)
        .join(
          ', ',
        )}: ≈ ${ms(dbMs, 1)} wall, ${((100 * dbMs) / f.handler.wallMs).toFixed(0)} % of the handler) — the store already writes in one statement, so there is nothing to merge on the common path. ` +
      'A duplicate makes two (the refused INSERT, then the SELECT of the record to answer with its receipt); they could be one statement (`WITH ins AS (INSERT … ON CONFLICT DO NOTHING RETURNING …) SELECT … FROM ins UNION ALL SELECT … FROM requests WHERE slot = $2 AND NOT EXISTS (SELECT 1 FROM ins)`: the existing row was committed before the statement, so its snapshot sees it), but duplicates are rare and it would save one round trip of a few milliseconds. ' +
      'A booking (法律咨询 with a service-day slot) is one statement (`WITH seat AS (…), ins AS (…)`), plus an `UPDATE service_day_bookings` only when it lost a race for its receipt number on real Postgres. Fewer round trips are therefore not the lever the issue expected; the CPU of scrypt is.',
    '',
    `**CPU profile under load.** \`node --cpu-prof scripts/bench-functions.ts --seconds ${r.profileSeconds}\` (20 clients; the forked database writes its own profile): ${r.load.requests} submissions in ${r.load.seconds.toFixed(1)} s, ${r.load.rps.toFixed(0)}/s, p50 ${ms(r.load.p50, 0)}, p99 ${ms(r.load.p99, 0)} (with the profiler on). Self time by function during the load only (start-up and the read-back left out). V8 samples the JavaScript thread only: the scrypt and WebCrypto work on the thread pool shows as idle here (the phase table’s CPU column has it); what shows as \`scrypt\` and \`jobPromise\` is starting those jobs. A sample’s time is wall time: on a machine this busy it includes waiting for a core, so compare the entries with each other and take absolute costs from the CPU column above:`,
    '',
    ...r.profiles.flatMap((p) => profileList(p, r.load.requests)),
  ].join('\n');
}
