/**
 * POST /api/rate: 满意度评价 from the status page — receipt, the token the
 * status answer gave (only after receipt and phone matched), 满意 / 基本满意 /
 * 不满意 and an optional comment. One rating per request; the comment is
 * sealed to the bureau's public key like the personal half. A wrong token
 * and an unknown receipt get the same answer.
 */
import { randomUUID } from 'node:crypto';
import { charCount, cleanText } from '../../forms/normalize.ts';
import type { FormValues } from '../../forms/definitions.ts';
import { html } from '../../html.ts';
import { HttpError } from '../../http/errors.ts';
import { json } from '../../http/responses.ts';
import { withBase } from '../../paths.ts';
import { canRate, rateToken } from '../../consult/status.ts';
import { COMMENT_MAX, RATINGS, RATING_VALUES, renderComplaint, type RatingValue } from '../../consult/views.ts';
import { StoreUnavailableError } from '../../store/deadline.ts';
import { sameSecret } from '../keys.ts';
import { parseReceipt } from '../receipt.ts';
import { Exchange, readForm, type HandlerDeps } from './exchange.ts';

const TITLE = '满意度评价';
const NOT_FOUND = '没有找到可以评价的办理记录。请先用回执号和联系电话查询办理进度，再在查询结果里评价。';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function handleRate(req: Request, deps: HandlerDeps, cid: string = randomUUID()): Promise<Response> {
  const x = new Exchange(req, deps, cid);
  let values: FormValues;
  try {
    ({ values } = await readForm(req));
  } catch (e) {
    if (e instanceof HttpError) return x.refuse(e, TITLE);
    throw e;
  }
  x.readLang(values);
  const receipt = parseReceipt(str(values.receipt));
  const rating = str(values.rating) as RatingValue;
  const comment = cleanText(str(values.comment));
  if (!RATING_VALUES.includes(rating)) return x.message(400, 'validation', TITLE, '请选择满意、基本满意或者不满意。');
  if (charCount(comment) > COMMENT_MAX)
    return x.message(400, 'validation', TITLE, `想说的话最多${COMMENT_MAX}个字，现在是${charCount(comment)}个字。`);
  if (!receipt || !sameSecret(rateToken(deps.secret, receipt), str(values.token)))
    return x.message(404, 'not-found', TITLE, NOT_FOUND);
  if (!deps.configured || !deps.consult) return x.unavailable('暂时无法评价');
  try {
    const deadline = x.deadline();
    const found = await deadline.run('get record', (s) => deps.store.getRecord(receipt, s));
    const record = found && found.record.receipt === receipt ? found.record : null;
    if (!record || !canRate(record)) return x.message(404, 'not-found', TITLE, NOT_FOUND);
    const sealed = comment ? await deps.sealer.seal({ comment }, { receipt: `${receipt}#rating` }) : null;
    const consult = deps.consult;
    const added = await deadline.run('add rating', () =>
      consult.addRating({
        receipt,
        kind: record.formType,
        town: record.meta.town,
        rating,
        comment: sealed,
        ratedAt: deps.now().toISOString(),
      }),
    );
    x.log(added ? 200 : 409, added ? 'rated' : 'rated-before', receipt);
    if (!added) return x.message(409, 'rated', TITLE, '这份办理已经评价过了，每份只能评价一次。谢谢！');
    if (!x.asHtml) return json(200, { receipt, rating }, cid);
    const label = RATINGS.find((r) => r.value === rating)!.label;
    const body = html`<h1 tabindex="-1" data-focus>谢谢您的评价</h1><p>回执号 <strong class="receipt">${receipt}</strong>：${label}。</p>${renderComplaint()}<p><a href="${withBase('/apply/status/', deps.base)}">返回查询办理进度</a></p>`;
    return x.page(200, { title: `谢谢您的评价 - ${TITLE}`, body, crumbs: [{ label: TITLE }], path: '/apply/status/' });
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    x.log(503, 'store-unavailable', receipt, e.message, e);
    return x.unavailable('暂时无法评价');
  }
}
