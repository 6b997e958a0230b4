/**
 * Time limits the bureau owes a resident, from each kind's DecisionRule
 * (src/lib/requests/types.ts): for legal aid 7 days (《中华人民共和国法律援助法》
 * 第四十三条: “自收到法律援助申请之日起七日内…作出是否给予法律援助的决定”).
 * Days are counted as 《中华人民共和国民法典》第二百零一条 says: the day the
 * request arrives does not count, so a legal-aid application received on
 * 11月27日 must be decided by the end of 12月4日 (Beijing time). Working days
 * skip Saturdays and Sundays. Public holidays and the working weekends that
 * replace them (第二百零三条; the State Council's yearly schedule) are NOT
 * taken into account: the desk says so, and staff apply them themselves.
 */
import type { StatusEntry } from '../requests/record.ts';
import { requestType, isRequestTypeId } from '../requests/registry.ts';
import type { DecisionRule } from '../requests/types.ts';
import { FINAL_STATUSES, type Status } from '../requests/status.ts';
import { beijingDay, beijingMidnight, dayToDate, monthDay } from '../time.ts';

export interface DecisionDeadline {
  /** Last day to decide, "2026-12-04" (Beijing). */
  lastDay: string;
  /** Whole days from today to the last day: 0 = today is the last day; negative = overdue. */
  daysLeft: number;
  overdue: boolean;
  /** Waiting for the applicant's materials (需补充材料): shown, the clock is not stopped. */
  waiting: boolean;
}

/** 1970-01-01 was a Thursday: day numbers modulo 7 give the weekday (0 = Thursday). */
function isWeekend(day: number): boolean {
  const weekday = (day + 4) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** The last day of a rule's limit for a request received on `received` (a beijingDay number). */
export function lastDayOf(rule: Pick<DecisionRule, 'days' | 'unit'>, received: number): number {
  if (rule.unit === 'calendar') return received + rule.days;
  let day = received;
  for (let left = rule.days; left > 0;) {
    day++;
    if (!isWeekend(day)) left--;
  }
  return day;
}

type Decidable = { formType: string; createdAt: string; status: { current: Status; history: readonly StatusEntry[] } };

/**
 * The last day (Beijing date, "2026-12-04") of the decision a request still
 * waits for, or null (no rule for its kind, or already decided, closed or
 * withdrawn). Independent of today: the database keeps it (requests.due_on)
 * so the desk can sort and count by it.
 */
export function decisionLastDay(r: Decidable): string | null {
  const rule = isRequestTypeId(r.formType) ? requestType(r.formType).decision : undefined;
  if (!rule) return null;
  const decided = (s: Status) => rule.decidedBy.includes(s);
  if (decided(r.status.current) || FINAL_STATUSES.includes(r.status.current)) return null;
  if (r.status.history.some((h) => decided(h.status))) return null;
  return dayToDate(lastDayOf(rule, beijingDay(r.createdAt)));
}

/** The deadline of a request that is still undecided, as of `now`, or null (see decisionLastDay). */
export function decisionDeadline(r: Decidable, now: Date): DecisionDeadline | null {
  const lastDay = decisionLastDay(r);
  return lastDay ? deadlineOn(lastDay, r.status.current, now) : null;
}

/** Days left and overdue for a last day (what the desk's list rows carry as `dueOn`). */
export function deadlineOn(lastDay: string, current: Status, now: Date): DecisionDeadline {
  const daysLeft = beijingDay(beijingMidnight(lastDay)) - beijingDay(now);
  return { lastDay, daysLeft, overdue: daysLeft < 0, waiting: current === '需补充材料' };
}

/** Overdue or due within this many days: the desk's “即将到期” filter and the morning digest. */
export const DUE_SOON_DAYS = 2;

/** Plain words for the desk and the CSV: “还剩3天（12月4日前决定）”, “今天到期”, “已超期2天”. */
export function deadlineText(d: DecisionDeadline | null): string {
  if (!d) return '';
  const date = monthDay(d.lastDay);
  const base = d.overdue
    ? `已超期${-d.daysLeft}天（应在${date}前决定）`
    : d.daysLeft === 0
      ? `今天到期（${date}）`
      : `还剩${d.daysLeft}天（${date}前决定）`;
  return d.waiting ? `${base}，等待补充材料` : base;
}

/** What the desk's deadline column says for a row, and whether to make it stand out. */
export interface DeadlineWords {
  text: string;
  overdue: boolean;
  /** Due today or within DUE_SOON_DAYS. */
  soon: boolean;
}

/**
 * The deadline column of the desk's list, from the row's stored last day
 * (requests.due_on): days left or overdue; “已撤回，无需决定” for a withdrawn
 * request (nothing was decided, nothing is owed); “已作出决定” once decided;
 * “—” for kinds without a time limit.
 */
export function deadlineWords(r: { formType: string; status: Status; dueOn: string | null }, now: Date): DeadlineWords {
  const rule = isRequestTypeId(r.formType) ? requestType(r.formType).decision : undefined;
  if (r.dueOn) {
    const d = deadlineOn(r.dueOn, r.status, now);
    return { text: deadlineText(d), overdue: d.overdue, soon: !d.overdue && d.daysLeft <= DUE_SOON_DAYS };
  }
  const text = !rule ? '—' : r.status === '已撤回' ? '已撤回，无需决定' : '已作出决定';
  return { text, overdue: false, soon: false };
}
