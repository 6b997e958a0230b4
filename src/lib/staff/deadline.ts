/**
 * The 7-day decision limit for legal aid: 《中华人民共和国法律援助法》第四十三条
 * (“法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定”).
 * Days are counted as 《中华人民共和国民法典》第二百零一条 says: the day the
 * application arrives does not count, so an application received on 11月27日
 * must be decided by the end of 12月4日 (Beijing time). Public holidays that
 * would move the last day (第二百零三条) are NOT taken into account: the desk
 * says so, and staff apply them themselves.
 */
import type { Status, StatusEntry } from '../applications/record.ts';

export const DECISION_DAYS = 7;
const BEIJING_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 in Beijing time. */
export function beijingDay(at: Date | string | number): number {
  return Math.floor((new Date(at).getTime() + BEIJING_MS) / DAY_MS);
}

/** "2026-11-27" in Beijing time. */
export function beijingDate(at: Date | string | number): string {
  return new Date(new Date(at).getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** "2026-11-27 14:03" in Beijing time. */
export function beijingDateTime(at: Date | string | number): string {
  return new Date(new Date(at).getTime() + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Statuses that are the decision of 第四十三条, or make one unnecessary. */
const DECIDED: ReadonlySet<Status> = new Set(['已受理', '不予受理', '已办结', '已撤回']);

export interface DecisionDeadline {
  /** Last day to decide, "2026-12-04" (Beijing). */
  lastDay: string;
  /** Whole days from today to the last day: 0 = today is the last day; negative = overdue. */
  daysLeft: number;
  overdue: boolean;
  /** Waiting for the applicant's materials (需补充材料): shown, the clock is not stopped. */
  waiting: boolean;
}

/**
 * The decision deadline of a legal-aid application that is still undecided,
 * or null (mediation, or already decided/closed/withdrawn).
 */
export function decisionDeadline(
  r: { formType: string; createdAt: string; status: { current: Status; history: readonly StatusEntry[] } },
  now: Date,
): DecisionDeadline | null {
  if (r.formType !== 'legal-aid') return null;
  if (DECIDED.has(r.status.current) || r.status.history.some((h) => h.status === '已受理' || h.status === '不予受理'))
    return null;
  const last = beijingDay(r.createdAt) + DECISION_DAYS;
  const daysLeft = last - beijingDay(now);
  return {
    lastDay: new Date(last * DAY_MS).toISOString().slice(0, 10),
    daysLeft,
    overdue: daysLeft < 0,
    waiting: r.status.current === '需补充材料',
  };
}

/** Plain words for the desk and the CSV: “还剩3天（12月4日前）”, “今天到期”, “已超期2天”. */
export function deadlineText(d: DecisionDeadline | null): string {
  if (!d) return '';
  const [, m, day] = d.lastDay.split('-');
  const date = `${Number(m)}月${Number(day)}日`;
  const base = d.overdue
    ? `已超期${-d.daysLeft}天（应在${date}前决定）`
    : d.daysLeft === 0
      ? `今天到期（${date}）`
      : `还剩${d.daysLeft}天（${date}前决定）`;
  return d.waiting ? `${base}，等待补充材料` : base;
}
