/**
 * The back office at scale (`npm run bench -- --only database`): 100,000
 * requests over two years in 17 towns (scripts/seed-requests.ts) in Netlify
 * Database's local emulation (PGlite behind a Postgres server, in a child
 * process), then, through the real code:
 *  - the desk's first page and counts (the staff API's GET /records, sign-in
 *    check and audit entry included), several filters, p95 ≤ 300 ms;
 *  - a month's export, every page (each under 4 MB), ≤ 5 s;
 *  - freezing the statistics of every closed month and year, ≤ 5 s;
 *  - retention over a year of closed requests, in batches, each ≤ 25 s;
 *  - submissions at 20 clients (`npm run bench:functions`, its own database);
 *  - the query plans (EXPLAIN) at this size.
 * Not part of `npm test`: the figures depend on the machine and its load.
 */
import { performance } from 'node:perf_hooks';
import { DEV_SECRET } from '../../functions/_shared/secrets.ts';
import { newAuditEntry } from '../../src/lib/staff/audit.ts';
import { handleStaff, type StaffDeps } from '../../src/lib/staff/api/index.ts';
import { retentionRun } from '../../src/lib/staff/retention.ts';
import { refreshStats } from '../../src/lib/staff/stats-refresh.ts';
import { newToken, parseStaffTokens, staffLine } from '../../src/lib/staff/tokens.ts';
import { closeDatabase, database } from '../../src/lib/store/db.ts';
import { DUE, retentionStore } from '../../src/lib/store/retention.ts';
import { auditSql, countSql, listSql, staffStore } from '../../src/lib/store/staff.ts';
import { jobStore, MONTH, statsStore } from '../../src/lib/store/stats.ts';
import { beijingDate } from '../../src/lib/time.ts';
import { forkMemoryDatabase } from '../lib/database.ts';
import { planSummary } from '../explain.ts';
import { insertAuditEntries, insertRecords, syntheticRecords } from '../seed-requests.ts';
import { log, npmRun, root, table } from './lib.ts';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

export interface DatabaseResult {
  records: number;
  seedSeconds: number;
  desk: { what: string; p50: number; p95: number; rows: number; total: number }[];
  deskP95: number;
  export: { records: number; pages: number; maxPageBytes: number; seconds: number };
  stats: { periods: number; seconds: number };
  retention: { batches: number; purged: number; maxBatchSeconds: number; seconds: number };
  submissions: { rps: number; p50: number; p99: number; acknowledged: number; missing: number } | null;
  plans: { what: string; plan: string }[];
}

const TOKEN = newToken();

function deps(now: Date): StaffDeps {
  return {
    store: staffStore(DEV_SECRET),
    staff: parseStaffTokens(staffLine('基准测试', '*', TOKEN, '2099-12-31')).staff,
    secret: DEV_SECRET,
    now: () => now,
    log: () => {},
    deadlineMs: 60_000,
    perCallMs: 60_000,
    retryAfter: 30,
    configured: true,
  };
}

async function staffCall(
  d: StaffDeps,
  path: string,
  body?: unknown,
): Promise<{ ms: number; json: Record<string, unknown> }> {
  const req = new Request(`http://bench${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const t = performance.now();
  const res = await handleStaff(req, d, { ip: '198.51.100.1' });
  const json = (await res.json()) as Record<string, unknown>;
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return { ms, json };
}

async function deskFigures(d: StaffDeps, runs: number): Promise<DatabaseResult['desk']> {
  const first = await staffCall(d, '/api/staff/records');
  const variants: [string, string][] = [
    ['全市，按期限（第一页）', '/api/staff/records'],
    ['全市，按期限（第二页）', `/api/staff/records?after=${first.json.next}`],
    ['全市，最新在前', '/api/staff/records?sort=newest'],
    ['一个镇（街）', '/api/staff/records?town=duhu'],
    ['一种状态', `/api/staff/records?status=${encodeURIComponent('审查中')}`],
    ['已超期', '/api/staff/records?due=overdue'],
    ['一个月、法律援助', '/api/staff/records?formType=legal-aid&from=2026-10-01&to=2026-10-31'],
    ['按回执号', `/api/staff/records?receipt=${(first.json.records as { receipt: string }[])[7]!.receipt}`],
  ];
  const out: DatabaseResult['desk'] = [];
  for (const [what, path] of variants) {
    const ms: number[] = [];
    let last: Record<string, unknown> = {};
    for (let i = 0; i < runs; i++) {
      const r = await staffCall(d, path);
      ms.push(r.ms);
      last = r.json;
    }
    out.push({
      what,
      p50: pct(ms, 50),
      p95: pct(ms, 95),
      rows: (last.records as unknown[]).length,
      total: last.total as number,
    });
  }
  return out;
}

async function exportFigures(d: StaffDeps): Promise<DatabaseResult['export']> {
  const filters = { from: '2026-10-01', to: '2026-10-31' };
  const t = performance.now();
  let after: string | null = null;
  let records = 0;
  let pages = 0;
  let maxPageBytes = 0;
  do {
    const r = await staffCall(d, '/api/staff/export', { filters, ...(after ? { after } : {}) });
    const bytes = JSON.stringify(r.json).length;
    maxPageBytes = Math.max(maxPageBytes, bytes);
    records += (r.json.records as unknown[]).length;
    pages++;
    after = r.json.next as string | null;
  } while (after);
  return { records, pages, maxPageBytes, seconds: (performance.now() - t) / 1000 };
}

async function plans(now: Date): Promise<DatabaseResult['plans']> {
  const base = {
    filters: {},
    scope: { cityWide: true, towns: [] },
    today: beijingDate(now),
    sort: 'due' as const,
    limit: 50,
  };
  const viewer = { name: '基准测试', cityWide: true, towns: [] };
  const queries: [string, { text: string; values: unknown[] }][] = [
    ['工作台第一页（全市，按期限）', listSql(base)],
    ['工作台第一页（一个镇）', listSql({ ...base, filters: { town: 'duhu' } })],
    ['各状态数量（全市）', countSql(base)],
    ['操作记录一页', auditSql({ from: '2026-01-01T00:00:00Z', to: now.toISOString(), viewer, limit: 100 })],
    ['到期删除：找出到期的', { text: DUE, values: [new Date(now.getTime() - 365 * 86_400_000), new Date(0), 500] }],
    ['统计：一个月', { text: MONTH, values: ['2026-10-31T16:00:00Z', '2026-11-30T16:00:00Z'] }],
  ];
  const out: DatabaseResult['plans'] = [];
  for (const [what, q] of queries) out.push({ what, plan: (await planSummary(database(), q.text, q.values)).text });
  return out;
}

async function submissions(): Promise<DatabaseResult['submissions']> {
  const r = await npmRun(root, 'bench:functions', ['--clients', '20', '--seconds', '5', '--json'], {
    timeoutMs: 300_000,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) {
    log(`bench:functions gave no figures (exit ${r.code})`);
    return null;
  }
  const f = JSON.parse(line.slice('BENCH_JSON '.length)) as Record<string, number>;
  return { rps: f.rps!, p50: f.p50!, p99: f.p99!, acknowledged: f.acknowledged!, missing: f.missing! };
}

export async function databaseBench(count: number, deskRuns: number): Promise<DatabaseResult> {
  const db = await forkMemoryDatabase();
  process.env.NETLIFY_DB_URL = db.url;
  try {
    const now = new Date('2026-12-07T02:00:00Z');
    const from = new Date(now.getTime() - 730 * 86_400_000);
    log(`database: seeding ${count} requests over two years`);
    const t = performance.now();
    const records = await syntheticRecords({ count, from, to: now, secret: DEV_SECRET });
    await insertRecords(database(), DEV_SECRET, records);
    await insertAuditEntries(
      database(),
      records.map((r) =>
        newAuditEntry(
          DEV_SECRET,
          { actor: '基准测试', action: 'read', receipt: r.receipt, town: r.meta.town },
          new Date(r.updatedAt),
        ),
      ),
    );
    await database().query('VACUUM ANALYZE');
    const seedSeconds = (performance.now() - t) / 1000;
    const d = deps(now);
    log('database: desk queries');
    const desk = await deskFigures(d, deskRuns);
    const planList = await plans(now);
    log('database: a month’s export');
    const exported = await exportFigures(d);
    log('database: statistics refresh');
    const ts = performance.now();
    const frozen = await refreshStats(statsStore(), jobStore(), now, 'bench');
    const stats = { periods: frozen?.length ?? 0, seconds: (performance.now() - ts) / 1000 };
    log('database: retention over a year');
    const tr = performance.now();
    const report = await retentionRun(
      retentionStore(DEV_SECRET, () => new Date()),
      { days: 365, maxAgeDays: 730 },
      now,
      {
        batchSize: 1000,
        budgetMs: Infinity,
      },
    );
    const retention = {
      batches: report.batches,
      purged: report.purged.length,
      maxBatchSeconds: Math.max(0, ...report.batchMs) / 1000,
      seconds: (performance.now() - tr) / 1000,
    };
    await closeDatabase();
    await db.stop();
    log('database: submissions at 20 clients');
    return {
      records: count,
      seedSeconds,
      desk,
      deskP95: Math.max(...desk.map((x) => x.p95)),
      export: exported,
      stats,
      retention,
      submissions: await submissions(),
      plans: planList,
    };
  } finally {
    await closeDatabase();
    await db.stop().catch(() => undefined);
  }
}

const ok = (good: boolean) => (good ? '✓' : '✗');

export function databaseSection(r: DatabaseResult): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const s = (x: number) => `${x.toFixed(2)} s`;
  return [
    `${r.records.toLocaleString('en')} synthetic requests over two years in 17 towns (scripts/seed-requests.ts), each with a status history and a sealed half of a real record's size, plus one audit entry each, in Netlify Database's local emulation (PGlite 0.3.16 behind its Postgres server, in a child process), seeded in ${s(r.seedSeconds)}. Every figure goes through the real code: the staff API handler (sign-in check, query, audit entry), the retention job, the statistics refresh. Targets from the issue in brackets.`,
    '',
    `**Desk** — GET /api/staff/records, first page of 50 and the counts per status, p95 over the runs: worst ${ms(r.deskP95)} [≤ 300 ms] ${ok(r.deskP95 <= 300)}`,
    '',
    table(
      ['Query', 'p50', 'p95', 'Rows', 'Matching'],
      r.desk.map((x) => [x.what, ms(x.p50), ms(x.p95), x.rows, x.total.toLocaleString('en')]),
    ),
    '',
    table(
      ['Task', 'Figure', 'Target', ''],
      [
        [
          'A month’s export (every page)',
          `${s(r.export.seconds)} for ${r.export.records.toLocaleString('en')} records in ${r.export.pages} pages, largest ${(r.export.maxPageBytes / 1e6).toFixed(2)} MB`,
          '≤ 5 s, pages < 5 MB',
          ok(r.export.seconds <= 5 && r.export.maxPageBytes < 5e6),
        ],
        [
          'Statistics refresh (every closed month and year)',
          `${s(r.stats.seconds)} for ${r.stats.periods} periods`,
          '≤ 5 s',
          ok(r.stats.seconds <= 5),
        ],
        [
          'Retention over a year of closed requests',
          `${r.retention.purged.toLocaleString('en')} purged in ${r.retention.batches} batches of ≤ 1,000, longest batch ${s(r.retention.maxBatchSeconds)}, ${s(r.retention.seconds)} in all`,
          'each batch ≤ 25 s',
          ok(r.retention.maxBatchSeconds <= 25),
        ],
        r.submissions
          ? [
              'Submissions, 20 clients, 5 s (npm run bench:functions)',
              `${r.submissions.rps.toFixed(0)} req/s, p50 ${ms(r.submissions.p50)}, p99 ${ms(r.submissions.p99)}; ${r.submissions.acknowledged} acknowledged, ${r.submissions.missing} lost`,
              'none lost',
              ok(r.submissions.missing === 0),
            ]
          : ['Submissions, 20 clients', 'not measured (bench:functions failed)', '', ''],
      ],
    ),
    '',
    'Each submission computes one scrypt of the phone (N = 2^14, r = 8) and seals the personal half (ECDH P-256); under netlify dev every call also starts a new worker. Query plans at this size (`EXPLAIN (COSTS OFF)`, the store’s own SQL; tests/functions/store.test.ts checks the same at 20,000 rows):',
    '',
    ...r.plans.flatMap((p) => [`*${p.what}*`, '', '```', p.plan, '```', '']),
  ].join('\n');
}
