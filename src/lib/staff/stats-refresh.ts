/**
 * Freezing the public statistics (stats.ts says what is published and why
 * only closed periods). A refresh computes every closed month that is not
 * frozen yet, then every closed year whose months are all frozen, and writes
 * each once. One refresh runs at a time (a lease in the jobs table); a failed
 * refresh is recorded there and logged, the page says which months are still
 * missing, and the next request or the nightly job tries again.
 */
import { beijingMidnight, beijingYearMonth } from '../time.ts';
import {
  addRaw,
  emptyRaw,
  monthsBetween,
  periodOf,
  publishMonth,
  publishYear,
  snapshotFrom,
  type MonthPublished,
  type PeriodRaw,
  type StatsSnapshot,
  type YearPublished,
} from './stats.ts';

export interface FrozenPeriod {
  period: string;
  frozenAt: string;
  raw: PeriodRaw;
  published: MonthPublished | YearPublished;
}

export interface StatsStore {
  /** The month ("2026-03", Beijing) of the earliest application, or null. */
  firstMonth(): Promise<string | null>;
  frozen(): Promise<FrozenPeriod[]>;
  /** Raw counts of a month, from the indexed lifecycle columns. */
  monthRaw(start: Date, end: Date): Promise<PeriodRaw>;
  /** Writes a period once; false if it was already frozen (by another refresh). */
  freeze(period: FrozenPeriod): Promise<boolean>;
}

export interface JobStore {
  /** Takes the job's lease until `until` unless someone else holds an unexpired one. */
  lease(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease back, recording success or the failure's name. */
  finish(name: string, holder: string, now: Date, error?: string): Promise<void>;
}

export const STATS_JOB = 'stats-refresh';
const LEASE_MS = 5 * 60_000;

/** The last month that has ended, in Beijing time. */
export function lastClosedMonth(now: Date): string {
  const { year, month } = beijingYearMonth(now);
  return month === 1 ? periodOf(year - 1, 12) : periodOf(year, month - 1);
}

function monthBounds(period: string): { start: Date; end: Date } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? periodOf(y + 1, 1) : periodOf(y, m + 1);
  return { start: beijingMidnight(`${period}-01`), end: beijingMidnight(`${next}-01`) };
}

/** Closed months not frozen yet. */
async function missingMonths(store: StatsStore, now: Date, frozen: FrozenPeriod[]): Promise<string[]> {
  const first = await store.firstMonth();
  const last = lastClosedMonth(now);
  if (!first || first > last) return [];
  const done = new Set(frozen.map((p) => p.period));
  return monthsBetween(first, last).filter((m) => !done.has(m));
}

async function freezeYears(store: StatsStore, now: Date, frozen: FrozenPeriod[]): Promise<string[]> {
  const months = frozen.filter((p) => p.period.length === 7).sort((a, b) => a.period.localeCompare(b.period));
  const years = new Set(frozen.filter((p) => p.period.length === 4).map((p) => p.period));
  const current = beijingYearMonth(now).year;
  const out: string[] = [];
  for (const year of [...new Set(months.map((m) => Number(m.period.slice(0, 4))))]) {
    if (year >= current || years.has(String(year))) continue;
    const mine = months.filter((m) => m.period.startsWith(`${year}-`));
    const published = publishYear(
      year,
      mine.map((m) => ({ raw: m.raw, published: m.published as MonthPublished })),
    );
    const raw: PeriodRaw = {};
    for (const m of mine)
      for (const [kind, towns] of Object.entries(m.raw))
        for (const [town, r] of Object.entries(towns ?? {})) {
          const k = (raw[kind as keyof PeriodRaw] ??= {});
          k[town] = addRaw(k[town] ?? emptyRaw(), r);
        }
    if (await store.freeze({ period: String(year), frozenAt: now.toISOString(), raw, published }))
      out.push(String(year));
  }
  return out;
}

/**
 * Freezes whatever closed period is missing. Returns what it froze, or null
 * when another refresh holds the lease. Throws (after recording the failure)
 * when the database fails: the caller logs it, the next call retries.
 */
export async function refreshStats(
  store: StatsStore,
  jobs: JobStore,
  now: Date,
  holder: string,
): Promise<string[] | null> {
  if (!(await jobs.lease(STATS_JOB, holder, now, new Date(now.getTime() + LEASE_MS)))) return null;
  try {
    const frozen = await store.frozen();
    const done: string[] = [];
    for (const period of await missingMonths(store, now, frozen)) {
      const { start, end } = monthBounds(period);
      const raw = await store.monthRaw(start, end);
      const p: FrozenPeriod = { period, frozenAt: now.toISOString(), raw, published: publishMonth(period, raw) };
      if (await store.freeze(p)) done.push(period);
      frozen.push(p);
    }
    done.push(...(await freezeYears(store, now, frozen)));
    await jobs.finish(STATS_JOB, holder, now);
    return done;
  } catch (error) {
    await jobs.finish(STATS_JOB, holder, now, error instanceof Error ? error.name : 'failed').catch(() => undefined);
    throw error;
  }
}

/** What /stats/ shows: the frozen periods, and the closed months still missing. */
export async function loadStats(store: StatsStore, now: Date): Promise<StatsSnapshot> {
  const frozen = await store.frozen();
  const months = frozen.filter((p) => p.period.length === 7).map((p) => p.published as MonthPublished);
  const years = frozen.filter((p) => p.period.length === 4).map((p) => p.published as YearPublished);
  const latest =
    frozen
      .map((p) => p.frozenAt)
      .sort()
      .at(-1) ?? null;
  return snapshotFrom(months, years, await missingMonths(store, now, frozen), latest);
}
