/**
 * The staff API's 法律咨询 routes (registered in routes.ts):
 *
 *   POST /api/staff/records/<receipt>/answer   {text, pages, laws, suggest, publishable, phone, expected}
 *        checks the answer against the build's list of pages and articles
 *        (src/lib/consult/answer.ts), seals it under the asker's phone
 *        (src/lib/consult/answer-seal.ts; the desk sends the phone it
 *        decrypted, checked here against the record's slow hash), stores it
 *        and sets the status 已答复, which stops the answer-time clock.
 *   GET  /api/staff/records/<receipt>/consult  {answer: {sealed, publishable, answeredAt, answeredBy} | null,
 *                                               rating: {rating, ratedAt, comment (sealed)} | null}
 *        `sealed` is the staff copy (bureau key, bound to <receipt>#answer), the
 *        rating's comment is bound to <receipt>#rating: both open on the desk.
 */
import { HttpError } from '../../http/errors.ts';
import { checkAnswer, type AnswerLinks } from '../../consult/answer.ts';
import { sealAnswer } from '../../consult/answer-seal.ts';
import { phoneMatches } from '../../requests/keys.ts';
import type { ApplicationRecord, StatusEntry } from '../../requests/record.ts';
import type { ConsultStore } from '../../store/consult.ts';
import type { PersonalSealer } from '../../requests/store.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { detail } from '../records.ts';
import { cannotChange } from '../status-change.ts';
import type { StaffCall } from './context.ts';
import { visibleRecord } from './routes.ts';

export interface ConsultDeps {
  consult: ConsultStore;
  answerLinks: AnswerLinks;
  sealer: PersonalSealer;
}

function consultDeps(call: StaffCall): ConsultDeps {
  const { consult, answerLinks, sealer } = call.deps;
  if (!consult || !answerLinks || !sealer)
    throw new HttpError(503, 'not-configured', '答复功能还没有配置好，请联系网站管理员。');
  return { consult, answerLinks, sealer };
}

/** The receipt a staff copy of an answer is bound to (so it never opens as the personal half). */
export const answerCopyContext = (receipt: string) => `${receipt}#answer`;

async function consultation(call: StaffCall, receipt: string) {
  const found = await visibleRecord(call, receipt);
  if (found.record.formType !== 'consultation')
    throw new HttpError(400, 'not-consultation', '只有法律咨询可以在这里答复');
  return found;
}

export async function readAnswer(call: StaffCall, receipt: string): Promise<Response> {
  const { consult } = consultDeps(call);
  const { record } = await visibleRecord(call, receipt);
  const [answer, rating] = await Promise.all([
    call.deadline.run('get answer', () => consult.getAnswer(record.receipt)),
    call.deadline.run('get rating', () => consult.getRating(record.receipt)),
  ]);
  await call.audit({ actor: call.me.name, action: 'read-answer', receipt: record.receipt, town: record.meta.town });
  call.log(200, 'staff-read-answer', record.receipt);
  return call.ok({
    answer: answer && {
      sealed: answer.staffCopy,
      publishable: answer.publishable,
      answeredAt: answer.answeredAt,
      answeredBy: answer.answeredBy,
    },
    rating: rating && { rating: rating.rating, ratedAt: rating.ratedAt, comment: rating.comment },
  });
}

export async function writeAnswer(call: StaffCall, receipt: string): Promise<Response> {
  const { consult, answerLinks, sealer } = consultDeps(call);
  const checked = checkAnswer(call.body, answerLinks);
  if (!checked.ok) throw new HttpError(400, 'validation', '请修改后再提交', {}, { errors: checked.errors });
  const phone = typeof call.body.phone === 'string' ? call.body.phone : '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await consultation(call, receipt);
    const reason = cannotChange(found.record);
    if (reason) throw new HttpError(409, 'cannot-change', reason);
    if (!(await phoneMatches(call.deps.secret, phone, found.record.meta.phoneCheck)))
      throw new HttpError(400, 'phone', '提问人的电话号码不对：请先打开这条咨询，解密后再答复');
    const at = call.deps.now().toISOString();
    const sealed = await sealAnswer(call.deps.secret, found.record.receipt, phone, checked.answer);
    const staffCopy = await sealer.seal({ ...checked.answer }, { receipt: answerCopyContext(found.record.receipt) });
    const next = answered(found.record, at);
    const out = await call.deadline.run('replace record', (s) => call.deps.store.replaceRecord(next, found.version, s));
    if (!out.written) continue;
    const publishable = call.body.publishable === true;
    await call.deadline.run('put answer', () =>
      consult.putAnswer({
        receipt: next.receipt,
        answer: sealed,
        staffCopy,
        publishable,
        answeredAt: at,
        answeredBy: call.me.name,
      }),
    );
    const facts = {
      pages: checked.answer.pages.length,
      laws: checked.answer.laws.length,
      publishable: publishable ? 'yes' : 'no',
    };
    await call.audit({
      actor: call.me.name,
      action: 'answer',
      receipt: next.receipt,
      town: next.meta.town,
      detail: facts,
    });
    call.log(200, 'staff-answer', next.receipt);
    return call.ok({ record: detail(next) });
  }
  throw new StoreUnavailableError('record kept changing');
}

/** The record with 已答复 (again, when staff correct an answer). */
function answered(record: ApplicationRecord, at: string): ApplicationRecord {
  const entry: StatusEntry = { status: '已答复', at, by: 'staff', note: '答复内容请在本页查看。' };
  return { ...record, updatedAt: at, status: { current: '已答复', history: [...record.status.history, entry] } };
}
