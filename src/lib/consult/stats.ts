/**
 * 法律咨询 on /stats/, beside the tables every kind of request has (收到 by
 * month and town, 决定用时 — for a consultation, the days to its answer):
 *  - consultations by question topic, and
 *  - 满意度评价 (satisfied / fair / dissatisfied) by kind of request,
 * for CLOSED years only, like the town tables: published while the year runs,
 * the topic counts could be subtracted from the monthly totals. Small counts
 * are protected as everywhere on the page (suppress() in src/lib/staff/stats.ts):
 * below 5 is “<5”, and further cells are hidden (“×”) until no small count
 * can be worked out from a total. The topic table's total is the year's
 * published 收到 of consultations, kept in the state it was published in.
 */
import { REQUEST_TYPE_IDS, requestType, type RequestTypeId } from '../requests/registry.ts';
import { suppress, type CellState, type Shown } from '../staff/stats.ts';
import { TOPIC_OPTIONS } from '../requests/consultation/index.ts';
import { RATINGS, type RatingValue } from './views.ts';

export interface ConsultYearRaw {
  /** Consultations received in the year (not withdrawn), by topic id. */
  topics: Record<string, number>;
  /** Ratings given in the year, by kind and value. */
  ratings: Partial<Record<RequestTypeId, Partial<Record<RatingValue, number>>>>;
}

export interface ShownRow {
  label: string;
  cells: Shown[];
}

export interface ConsultYearTables {
  topics: ShownRow[];
  topicTotal: Shown;
  /** One row per kind with ratings: 满意, 基本满意, 不满意, 合计. */
  ratings: ShownRow[];
}

const show = (state: CellState, value: number): Shown =>
  state === 'value' ? { kind: 'value', value } : { kind: state };

/** Cells and their total, suppressed together; `totalState` fixes the total as it was published elsewhere. */
function protect(values: number[], totalState?: CellState): { cells: Shown[]; total: Shown } {
  const total = values.reduce((a, b) => a + b, 0);
  const all = [...values, total];
  const fixed = new Map<number, CellState>(totalState ? [[values.length, totalState]] : []);
  const states = suppress(
    { values: all, groups: [{ members: values.map((_, i) => i), total: values.length }], leq: [] },
    fixed,
  );
  return { cells: values.map((v, i) => show(states[i]!, v)), total: show(states[values.length]!, total) };
}

export function consultYearTables(raw: ConsultYearRaw, publishedTotal: CellState): ConsultYearTables {
  const topicValues = TOPIC_OPTIONS.map((o) => raw.topics[o.value] ?? 0);
  const t = protect(topicValues, publishedTotal);
  const ratings = REQUEST_TYPE_IDS.filter((k) => raw.ratings[k]).map((k) => {
    const values = RATINGS.map((r) => raw.ratings[k]?.[r.value] ?? 0);
    const p = protect(values);
    return { label: requestType(k).labels.request, cells: [...p.cells, p.total] };
  });
  return {
    topics: TOPIC_OPTIONS.map((o, i) => ({ label: o.label, cells: [t.cells[i]!] })),
    topicTotal: t.total,
    ratings,
  };
}
