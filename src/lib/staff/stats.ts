/**
 * Public statistics (/stats/): for each kind of request, how many were
 * received, accepted and closed, by month and (for closed years) by town,
 * and the median days from receipt to the decision of
 * 《中华人民共和国法律援助法》第四十三条 (受理 or 不予受理). Computed from the
 * plaintext metadata only (kind, town, dates): no personal data is read.
 *
 * Published for CLOSED periods only, and frozen when the period closes:
 *  - a month, once it has ended (Beijing time): one row per kind;
 *  - a year, once it has ended: its month rows exactly as they were
 *    published, plus rows by town and the year's total.
 * A frozen period is written once and never recomputed (table
 * stats_periods). So no figure changes after it is published, two views
 * never overlap in a way that could be subtracted (a running total beside a
 * month that later changes would give away the difference), and refreshing
 * twice in an open month publishes the same figures.
 *
 * Definitions (also printed on the page), each by the month the thing
 * happened in, so a closed month has nothing left to change:
 *  - 收到: applications received in the month, not counting those the
 *    applicant withdrew within 10 minutes;
 *  - 受理: applications accepted in the month (their first 已受理);
 *  - 办结: applications that reached 已办结 or 不予受理 in the month;
 *  - 决定用时: for decisions made in the month (first 受理 or 不予受理), the
 *    median of the days from receipt, shown only with at least 5 decisions.
 *
 * Small numbers: a count below 5 (0 included) is shown as “<5” (primary
 * suppression). In a closed year, month rows and town rows both add up to the
 * year's total; with those sums a hidden cell could be worked out by
 * subtraction, so further cells are hidden (“×”, known to be 5 or more) until
 * no count of 1 to 4 can be pinned to one value (suppress(), checked in tests
 * by brute force). Month cells were published before the year closed and stay
 * as they were: only town and total cells can be hidden then.
 */
import { REQUEST_TYPE_IDS, type RequestTypeId } from '../requests/registry.ts';
import { TOWNS } from '../towns.ts';

export const THRESHOLD = 5;

export type Shown = { kind: 'value'; value: number } | { kind: 'small' } | { kind: 'hidden' };

export const MEASURES = ['received', 'accepted', 'closed'] as const;
export type Measure = (typeof MEASURES)[number];

export interface StatsRow {
  /** "2026-03" for a month, a towns.json id for a town, "total" for the year. */
  key: string;
  label: string;
  received: Shown;
  accepted: Shown;
  closed: Shown;
  /** Median days to decision (one decimal), or null when fewer than 5 decisions. */
  medianDays: number | null;
}

export interface TypeStats {
  formType: RequestTypeId;
  months: StatsRow[];
  /** Empty until the year has closed. */
  towns: StatsRow[];
  /** null until the year has closed. */
  total: StatsRow | null;
}

export interface YearStats {
  year: number;
  /** The year has ended and its town table is published. */
  closed: boolean;
  types: TypeStats[];
}

/** What /stats/ shows. */
export interface StatsSnapshot {
  /** When the newest published period was frozen. */
  generatedAt: string | null;
  years: YearStats[];
  /** Closed months whose figures are not published yet (a refresh failed or has not run): shown, never hidden. */
  pending: string[];
}

/** Counts of one kind in one town for one period, unsuppressed (kept in the database, never published). */
export interface Raw {
  received: number;
  accepted: number;
  closed: number;
  /** Days from receipt to decision, for decisions in the period. */
  days: number[];
}

/** A period's raw counts: kind → town → Raw. */
export type PeriodRaw = Partial<Record<RequestTypeId, Record<string, Raw>>>;

/** A frozen month: its row per kind as published. */
export interface MonthPublished {
  period: string;
  rows: Partial<Record<RequestTypeId, StatsRow>>;
}

/** A frozen year: month rows as they were published, town rows, total. */
export interface YearPublished {
  year: number;
  types: TypeStats[];
}

export function median(values: number[]): number | null {
  if (values.length < THRESHOLD) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const m = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

export const emptyRaw = (): Raw => ({ received: 0, accepted: 0, closed: 0, days: [] });

export function addRaw(into: Raw, r: Raw): Raw {
  into.received += r.received;
  into.accepted += r.accepted;
  into.closed += r.closed;
  into.days.push(...r.days);
  return into;
}

// ------------------------------------------------------------------ suppression

export interface SuppressionProblem {
  /** Cell values (all non-negative integers). */
  values: number[];
  /** Each group: members add up to the total (all indices into values). */
  groups: { members: number[]; total: number }[];
  /** Pairs [small, big]: values[small] ≤ values[big]. */
  leq: [number, number][];
}

export type CellState = 'value' | 'small' | 'hidden';

interface Interval {
  lo: number;
  hi: number;
}

/**
 * Sums of inequalities: when every member of one group (e.g. 受理 by town) is
 * paired by ≤ with a member of another (收到 by town), then for any subset of
 * rows, the 受理 of those rows add up to no more than their 收到. Bounds on
 * single cells miss this (two hidden 收到 cells known to add up to 2 cap
 * their two 受理 cells at 2 together, which can pin a third). So for each
 * such pair of groups, the rows hidden in either are summed into auxiliary
 * cells joined by ≤. Returns the extended problem; new cells come after the
 * real ones.
 */
function withSubsetSums(p: SuppressionProblem, states: CellState[]): { p: SuppressionProblem; extra: number } {
  const partner = new Map<number, number>(p.leq.map(([a, b]) => [a, b]));
  const groups = [...p.groups];
  const leq = [...p.leq];
  let next = p.values.length;
  for (const gs of p.groups) {
    for (const gb of p.groups) {
      if (gs === gb || partner.get(gs.total) !== gb.total) continue;
      const mapped = gs.members.map((m) => partner.get(m));
      if (mapped.some((b, i) => b === undefined || b !== gb.members[i])) continue;
      const rowsWhere = (hidden: (i: number) => boolean) => gs.members.map((_, i) => i).filter(hidden);
      const subsets = [
        rowsWhere((i) => states[gb.members[i]!] !== 'value'),
        rowsWhere((i) => states[gs.members[i]!] !== 'value'),
        rowsWhere((i) => states[gb.members[i]!] !== 'value' || states[gs.members[i]!] !== 'value'),
      ];
      const seen = new Set<string>();
      for (const rows of subsets) {
        const key = rows.join(',');
        if (rows.length < 2 || rows.length === gs.members.length || seen.has(key)) continue;
        seen.add(key);
        const u = next++;
        const v = next++;
        const rest = gs.members.map((_, i) => i).filter((i) => !rows.includes(i));
        groups.push(
          { members: rows.map((i) => gs.members[i]!), total: u },
          { members: rows.map((i) => gb.members[i]!), total: v },
          // The subset's sum is also the group's total minus the other rows.
          { members: [u, ...rest.map((i) => gs.members[i]!)], total: gs.total },
          { members: [v, ...rest.map((i) => gb.members[i]!)], total: gb.total },
        );
        leq.push([u, v]);
      }
    }
  }
  const extra = next - p.values.length;
  return { p: { values: [...p.values, ...new Array<number>(extra).fill(0)], groups, leq }, extra };
}

/**
 * What someone who sees the published table can work out about each cell:
 * shown cells are exact, “<5” cells lie in [0, 4], “×” cells in [5, ∞);
 * every sum and inequality (and the sums of inequalities, withSubsetSums)
 * then narrows the intervals, repeatedly, until nothing changes (bounds
 * propagation).
 */
export function inferIntervals(p0: SuppressionProblem, states: CellState[]): Interval[] {
  const { p, extra } = withSubsetSums(p0, states);
  const iv: Interval[] = p0.values.map((v, i) =>
    states[i] === 'value'
      ? { lo: v, hi: v }
      : states[i] === 'small'
        ? { lo: 0, hi: THRESHOLD - 1 }
        : { lo: THRESHOLD, hi: Infinity },
  );
  for (let i = 0; i < extra; i++) iv.push({ lo: 0, hi: Infinity });
  for (let round = 0; round < 500; round++) {
    let changed = false;
    const narrow = (i: number, lo: number, hi: number) => {
      const cur = iv[i]!;
      const nlo = Math.max(cur.lo, Math.ceil(lo));
      const nhi = Math.min(cur.hi, Math.floor(hi));
      if (nlo !== cur.lo || nhi !== cur.hi) {
        iv[i] = { lo: nlo, hi: nhi };
        changed = true;
      }
    };
    for (const g of p.groups) {
      const sumLo = g.members.reduce((n, m) => n + iv[m]!.lo, 0);
      const sumHi = g.members.reduce((n, m) => n + iv[m]!.hi, 0);
      narrow(g.total, sumLo, sumHi);
      const t = iv[g.total]!;
      for (const m of g.members) {
        let othersLo = 0;
        let othersHi = 0;
        for (const o of g.members) {
          if (o === m) continue;
          othersLo += iv[o]!.lo;
          othersHi += iv[o]!.hi;
        }
        narrow(m, t.lo - othersHi, t.hi - othersLo);
      }
    }
    for (const [a, b] of p.leq) {
      narrow(a, -Infinity, iv[b]!.hi);
      narrow(b, iv[a]!.lo, Infinity);
    }
    if (!changed) break;
  }
  return iv.slice(0, p0.values.length);
}

/**
 * Primary suppression (< 5), then secondary suppression until no count of 1
 * to 4 can be pinned to one value. `fixed` cells were published before (a
 * closed year's months) and keep their state: they are never chosen to hide. (A “<5” cell that can be worked out to be
 * 0 reveals nobody: it does not need protecting. A “×” cell pinned to its
 * value is no worse than showing it; what matters is what it lets someone
 * derive, and the propagation already accounts for that.) Secondary cells are
 * the smallest visible cell in a sum or inequality with the pinned one, so
 * the least information is lost.
 */
export function suppress(p: SuppressionProblem, fixed: ReadonlyMap<number, CellState> = new Map()): CellState[] {
  const states: CellState[] = p.values.map((v, i) => fixed.get(i) ?? (v < THRESHOLD ? 'small' : 'value'));
  const hideable = (i: number) => states[i] === 'value' && !fixed.has(i);
  const related = (cell: number): number[][] => [
    ...p.groups.filter((g) => g.total === cell || g.members.includes(cell)).map((g) => [...g.members, g.total]),
    ...p.leq.filter(([a, b]) => a === cell || b === cell).map(([a, b]) => [a, b]),
  ];
  for (let guard = 0; guard < p.values.length + 1; guard++) {
    const iv = inferIntervals(p, states);
    const pinned = states.findIndex((s, i) => s === 'small' && p.values[i]! > 0 && iv[i]!.lo === iv[i]!.hi);
    if (pinned < 0) return states;
    // Candidates: visible cells sharing a sum or an inequality with the pinned cell.
    const candidates = [...new Set(related(pinned).flat())].filter(hideable);
    if (candidates.length === 0) {
      // Nothing hideable left around it: hide everything that may still be hidden.
      return states.map((s, i) => (hideable(i) ? 'hidden' : s));
    }
    candidates.sort((a, b) => p.values[a]! - p.values[b]! || a - b);
    states[candidates[0]!] = 'hidden';
  }
  return states;
}

// ------------------------------------------------------------------ tables

const TOWN_LABEL = new Map(TOWNS.map((t) => [t.id, t.name]));

function shown(state: CellState, value: number): Shown {
  return state === 'value' ? { kind: 'value', value } : { kind: state };
}

const stateOf = (s: Shown): CellState => s.kind;

/** The sum over towns of one kind's raw counts in a period. */
function kindTotal(raw: PeriodRaw, kind: RequestTypeId): Raw {
  return Object.values(raw[kind] ?? {}).reduce(addRaw, emptyRaw());
}

const monthLabel = (period: string) => `${Number(period.slice(5, 7))}月`;

/** A closed month's published rows: one per kind, counts below 5 shown as “<5”. */
export function publishMonth(period: string, raw: PeriodRaw): MonthPublished {
  const rows: MonthPublished['rows'] = {};
  for (const kind of REQUEST_TYPE_IDS) {
    const t = kindTotal(raw, kind);
    const cell = (v: number) => shown(v < THRESHOLD ? 'small' : 'value', v);
    rows[kind] = {
      key: period,
      label: monthLabel(period),
      received: cell(t.received),
      accepted: cell(t.accepted),
      closed: cell(t.closed),
      medianDays: median(t.days),
    };
  }
  return { period, rows };
}

/**
 * One closed year, one kind: the month rows as frozen, town rows and the
 * total, with every measure suppressed (months fixed, see suppress()).
 */
function yearTable(
  kind: RequestTypeId,
  months: { published: StatsRow; raw: Raw }[],
  towns: { key: string; label: string; raw: Raw }[],
): TypeStats {
  const total = months.reduce((acc, m) => addRaw(acc, m.raw), emptyRaw());
  const nRows = months.length + towns.length + 1;
  const index = (measure: number, row: number) => measure * nRows + row;
  const rowRaw = (r: number) =>
    r < months.length ? months[r]!.raw : r < nRows - 1 ? towns[r - months.length]!.raw : total;
  const values = MEASURES.flatMap((m) => Array.from({ length: nRows }, (_, r) => rowRaw(r)[m]));
  const fixed = new Map<number, CellState>();
  MEASURES.forEach((m, mi) => months.forEach((mo, r) => fixed.set(index(mi, r), stateOf(mo.published[m]))));
  const groups: SuppressionProblem['groups'] = [];
  MEASURES.forEach((_, mi) => {
    groups.push({ members: months.map((_, i) => index(mi, i)), total: index(mi, nRows - 1) });
    groups.push({ members: towns.map((_, i) => index(mi, months.length + i)), total: index(mi, nRows - 1) });
  });
  const states = suppress({ values, groups, leq: [] }, fixed);
  const row = (r: number, key: string, label: string): StatsRow => ({
    key,
    label,
    received: shown(states[index(0, r)]!, values[index(0, r)]!),
    accepted: shown(states[index(1, r)]!, values[index(1, r)]!),
    closed: shown(states[index(2, r)]!, values[index(2, r)]!),
    medianDays: median(rowRaw(r).days),
  });
  return {
    formType: kind,
    months: months.map((m) => m.published),
    towns: towns.map((t, i) => row(months.length + i, t.key, t.label)),
    total: row(nRows - 1, 'total', '全年合计'),
  };
}

/** A closed year from its frozen months (raw and published, in order). */
export function publishYear(year: number, months: { raw: PeriodRaw; published: MonthPublished }[]): YearPublished {
  return {
    year,
    types: REQUEST_TYPE_IDS.map((kind) => {
      const towns = TOWNS.map((t) => ({
        key: t.id,
        label: TOWN_LABEL.get(t.id) ?? t.id,
        raw: months.map((m) => m.raw[kind]?.[t.id] ?? emptyRaw()).reduce(addRaw, emptyRaw()),
      }));
      const rows = months.map((m) => ({ published: m.published.rows[kind]!, raw: kindTotal(m.raw, kind) }));
      return yearTable(kind, rows, towns);
    }),
  };
}

/** "2026-03" for an instant, in Beijing time. */
export function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The months from `first` to `last` ("2026-03"), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200 && periodOf(y, m) <= last; guard++) {
    out.push(periodOf(y, m));
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** What the page shows, from the frozen periods: closed years whole, the open year's closed months. */
export function snapshotFrom(
  months: MonthPublished[],
  years: YearPublished[],
  pending: string[],
  generatedAt: string | null,
): StatsSnapshot {
  const closed = new Map(years.map((y) => [y.year, y]));
  const yearsSeen = [...new Set([...months.map((m) => Number(m.period.slice(0, 4))), ...closed.keys()])].sort(
    (a, b) => b - a,
  );
  return {
    generatedAt,
    pending,
    years: yearsSeen.map((year) => {
      const done = closed.get(year);
      if (done) return { year, closed: true, types: done.types };
      const mine = months
        .filter((m) => m.period.startsWith(`${year}-`))
        .sort((a, b) => a.period.localeCompare(b.period));
      return {
        year,
        closed: false,
        types: REQUEST_TYPE_IDS.map((formType) => ({
          formType,
          months: mine.map((m) => m.rows[formType]!).filter(Boolean),
          towns: [],
          total: null,
        })),
      };
    }),
  };
}
