/**
 * Public statistics (/stats/): per calendar year, for each form type, how
 * many applications were received, accepted and closed, by month and by town,
 * and the median days from receipt to the decision of 《中华人民共和国法律援助法》
 * 第四十三条 (受理 or 不予受理). Computed from the plaintext half of the records
 * only (form type, town, dates, statuses): no personal data is read.
 *
 * Definitions (also printed on the page):
 *  - 收到: applications received in the month (Beijing time), not counting
 *    those the applicant withdrew within 10 minutes;
 *  - 受理: of those, how many were accepted (已受理 at some point);
 *  - 办结: of those, how many are now 已办结 or 不予受理;
 *  - 决定用时: days from receipt to the first 已受理 or 不予受理, median,
 *    shown only when at least 5 decisions are behind it.
 * Rows are the month or town of RECEIPT, so each application counts once.
 *
 * Small numbers: a count below 5 (0 included) is shown as “<5” (primary
 * suppression). Month rows and town rows both add up to the year's total, and
 * 受理/办结 can never exceed 收到; with those sums a single hidden cell could be
 * worked out by subtraction. So secondary cells are hidden too (shown as “×”,
 * known to be 5 or more), until no count of 1 to 4 can be pinned to one
 * value: checked by interval propagation over every published sum and
 * inequality (suppress()), and in tests by brute force on small tables.
 * Years are published whole and never overlap, so no two views can be
 * subtracted from each other.
 */
import type { ApplicationRecord } from '../requests/record.ts';
import { REQUEST_TYPE_IDS, type RequestTypeId } from '../requests/registry.ts';
import type { Status } from '../requests/status.ts';
import { DAY_MS, beijingYearMonth } from '../time.ts';
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
  towns: StatsRow[];
  total: StatsRow;
}

export interface YearStats {
  year: number;
  types: TypeStats[];
}

export interface StatsSnapshot {
  generatedAt: string;
  years: YearStats[];
}

export type StatsRecord = Pick<ApplicationRecord, 'formType' | 'createdAt' | 'status'> & { meta: { town: string } };

const CLOSED: ReadonlySet<Status> = new Set(['已办结', '不予受理']);

export function median(values: number[]): number | null {
  if (values.length < THRESHOLD) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const m = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

interface Raw {
  received: number;
  accepted: number;
  closed: number;
  days: number[];
}

const emptyRaw = (): Raw => ({ received: 0, accepted: 0, closed: 0, days: [] });

function add(raw: Raw, r: StatsRecord): void {
  raw.received++;
  if (r.status.history.some((h) => h.status === '已受理')) raw.accepted++;
  if (CLOSED.has(r.status.current)) raw.closed++;
  const decision = r.status.history.find((h) => h.status === '已受理' || h.status === '不予受理');
  if (decision) raw.days.push(Math.max(0, (Date.parse(decision.at) - Date.parse(r.createdAt)) / DAY_MS));
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
 * to 4 can be pinned to one value. (A “<5” cell that can be worked out to be
 * 0 reveals nobody: it does not need protecting. A “×” cell pinned to its
 * value is no worse than showing it; what matters is what it lets someone
 * derive, and the propagation already accounts for that.) Secondary cells are
 * the smallest visible cell in a sum or inequality with the pinned one, so
 * the least information is lost.
 */
export function suppress(p: SuppressionProblem): CellState[] {
  const states: CellState[] = p.values.map((v) => (v < THRESHOLD ? 'small' : 'value'));
  const related = (cell: number): number[][] => [
    ...p.groups.filter((g) => g.total === cell || g.members.includes(cell)).map((g) => [...g.members, g.total]),
    ...p.leq.filter(([a, b]) => a === cell || b === cell).map(([a, b]) => [a, b]),
  ];
  for (let guard = 0; guard < p.values.length + 1; guard++) {
    const iv = inferIntervals(p, states);
    const pinned = states.findIndex((s, i) => s === 'small' && p.values[i]! > 0 && iv[i]!.lo === iv[i]!.hi);
    if (pinned < 0) return states;
    // Candidates: visible cells sharing a sum or an inequality with the pinned cell.
    const candidates = [...new Set(related(pinned).flat())].filter((i) => states[i] === 'value');
    if (candidates.length === 0) {
      // Nothing visible left around it: hide everything it is related to (cannot happen with the tables built here).
      return states.map((s) => (s === 'value' ? 'hidden' : s));
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

/**
 * One year, one form type: month rows, town rows, and the total, with every
 * measure suppressed as described above. All three measures form one problem
 * (受理 ≤ 收到 and 办结 ≤ 收到 link them).
 */
function typeTable(
  formType: RequestTypeId,
  months: { key: string; label: string; raw: Raw }[],
  towns: { key: string; label: string; raw: Raw }[],
  total: Raw,
): TypeStats {
  const rows = [...months, ...towns, { key: 'total', label: '全年合计', raw: total }];
  const n = rows.length;
  const index = (measure: number, row: number) => measure * n + row;
  const values = MEASURES.flatMap((m) => rows.map((r) => r.raw[m]));
  const totalRow = n - 1;
  const groups: SuppressionProblem['groups'] = [];
  const leq: SuppressionProblem['leq'] = [];
  MEASURES.forEach((_, mi) => {
    groups.push({ members: months.map((_, i) => index(mi, i)), total: index(mi, totalRow) });
    groups.push({ members: towns.map((_, i) => index(mi, months.length + i)), total: index(mi, totalRow) });
  });
  for (let r = 0; r < n; r++) {
    leq.push([index(1, r), index(0, r)]);
    leq.push([index(2, r), index(0, r)]);
  }
  const states = suppress({ values, groups, leq });
  const row = (r: number): StatsRow => ({
    key: rows[r]!.key,
    label: rows[r]!.label,
    received: shown(states[index(0, r)]!, values[index(0, r)]!),
    accepted: shown(states[index(1, r)]!, values[index(1, r)]!),
    closed: shown(states[index(2, r)]!, values[index(2, r)]!),
    medianDays: median(rows[r]!.raw.days),
  });
  return {
    formType,
    months: months.map((_, i) => row(i)),
    towns: towns.map((_, i) => row(months.length + i)),
    total: row(totalRow),
  };
}

/**
 * Statistics for every year with applications. Months run from January (or
 * the first month with an application, in the first year) to December (or the
 * current month, in the current year).
 */
export function computeStats(records: readonly StatsRecord[], now: Date): StatsSnapshot {
  const counted = records.filter(
    (r) => r.status.current !== '已撤回' && REQUEST_TYPE_IDS.includes(r.formType) && TOWN_LABEL.has(r.meta.town),
  );
  const current = beijingYearMonth(now);
  const years = [...new Set(counted.map((r) => beijingYearMonth(r.createdAt).year))]
    .filter((y) => y <= current.year)
    .sort((a, b) => b - a);
  const firstYear = Math.min(...years);
  const firstMonth = counted.length
    ? Math.min(
        ...counted
          .filter((r) => beijingYearMonth(r.createdAt).year === firstYear)
          .map((r) => beijingYearMonth(r.createdAt).month),
      )
    : 1;
  return {
    generatedAt: now.toISOString(),
    years: years.map((year) => {
      const from = year === firstYear ? firstMonth : 1;
      const to = year === current.year ? current.month : 12;
      const monthList = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      return {
        year,
        types: REQUEST_TYPE_IDS.map((formType) => {
          const mine = counted.filter((r) => r.formType === formType && beijingYearMonth(r.createdAt).year === year);
          const months = monthList.map((m) => {
            const raw = emptyRaw();
            for (const r of mine) if (beijingYearMonth(r.createdAt).month === m) add(raw, r);
            return { key: `${year}-${String(m).padStart(2, '0')}`, label: `${m}月`, raw };
          });
          const towns = TOWNS.map((t) => {
            const raw = emptyRaw();
            for (const r of mine) if (r.meta.town === t.id) add(raw, r);
            return { key: t.id, label: TOWN_LABEL.get(t.id) ?? t.id, raw };
          });
          const total = emptyRaw();
          for (const r of mine) add(total, r);
          return typeTable(formType, months, towns, total);
        }),
      };
    }),
  };
}
