/**
 * The parts of a status answer that come from the consultation tables: the
 * answer (opened with the phone the person just typed, see answer-seal.ts)
 * and the 满意度评价 (a form while it may be given, or the rating given).
 * Called by the status handler only after receipt and phone matched.
 */
import { withBase } from '../paths.ts';
import { hmacHex } from '../requests/keys.ts';
import type { ApplicationRecord } from '../requests/record.ts';
import type { Deadline } from '../store/deadline.ts';
import type { ConsultStore } from '../store/consult.ts';
import { suggestionHref, SUGGESTIONS, type Answer } from './answer.ts';
import { openAnswer } from './answer-seal.ts';
import type { AnswerView, RatingView } from './views.ts';

export const RATE_API = '/api/rate';

/** After an answer, or once an application is closed (办结 or 不予受理): never after a withdrawal. */
export function canRate(record: Pick<ApplicationRecord, 'formType' | 'status'>): boolean {
  const s = record.status.current;
  return s === '已答复' || s === '已办结' || s === '不予受理';
}

/** The rating form's token: proof that receipt and phone were checked, without putting the phone in the page. */
export function rateToken(secret: string, receipt: string): string {
  return hmacHex(secret, 'rate', receipt).slice(0, 32);
}

interface ExtrasDeps {
  secret: string;
  base: string;
  consult?: ConsultStore;
}

export async function statusExtras(
  deps: ExtrasDeps,
  deadline: Deadline,
  record: ApplicationRecord,
  phone: string,
): Promise<{ answer?: AnswerView; rating?: RatingView }> {
  const consult = deps.consult;
  if (!consult) return {};
  const out: { answer?: AnswerView; rating?: RatingView } = {};
  if (record.formType === 'consultation' && record.status.history.some((h) => h.status === '已答复')) {
    const stored = await deadline.run('get answer', () => consult.getAnswer(record.receipt));
    const answer = stored && (await openAnswer<Answer>(deps.secret, record.receipt, phone, stored.answer));
    if (stored && answer) out.answer = answerView(answer, stored.answeredAt, record, deps.base);
  }
  if (canRate(record)) {
    const given = await deadline.run('get rating', () => consult.getRating(record.receipt));
    out.rating = given
      ? { state: 'given', rating: given.rating, at: given.ratedAt }
      : { state: 'open', action: withBase(RATE_API, deps.base), token: rateToken(deps.secret, record.receipt) };
  }
  return out;
}

function answerView(a: Answer, answeredAt: string, record: ApplicationRecord, base: string): AnswerView {
  return {
    text: a.text,
    pages: a.pages.map((p) => ({ href: withBase(p.path, base), title: p.title })),
    laws: a.laws,
    suggest: a.suggest.map((s) => ({
      label: SUGGESTIONS[s],
      href: withBase(suggestionHref(s, record.meta.town, record.meta.category), base),
    })),
    answeredAt,
  };
}
