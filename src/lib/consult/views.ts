/**
 * What the status page shows of a 法律咨询's answer and of any request's
 * 满意度评价, drawn by the status function and the status page's script
 * alike (renderStatus in src/lib/requests/views.ts calls these). Every
 * address in a view is complete (base path included) when the function makes
 * it, so the script draws it as it comes. No zod here: the status page stays light.
 */
import { html, lines, type SafeHtml } from '../html.ts';
import { BUREAU } from '../site.ts';
import { beijingReadable } from '../time.ts';

export interface AnswerView {
  text: string;
  pages: { href: string; title: string }[];
  laws: string[];
  suggest: { href: string; label: string }[];
  answeredAt: string;
}

export const RATINGS = [
  { value: 'satisfied', label: '满意' },
  { value: 'fair', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
] as const;
export type RatingValue = (typeof RATINGS)[number]['value'];
export const RATING_VALUES = RATINGS.map((r) => r.value) as readonly RatingValue[];
export const COMMENT_MAX = 500;

export type RatingView =
  /** May rate: the form posts the receipt and this token (given only after a lookup with receipt and phone). */
  { state: 'open'; action: string; token: string } | { state: 'given'; rating: RatingValue; at: string };

/** The official database where readers find the full text of a cited law. */
export const LAW_DATABASE = { name: '国家法律法规数据库', url: 'https://flk.npc.gov.cn/' };

export function renderAnswer(a: AnswerView): SafeHtml {
  const pages =
    a.pages.length > 0 &&
    html`<h4>可以看看这些内容</h4><ul>${a.pages.map((p) => html`<li><a href="${p.href}">${p.title}</a></li>`)}</ul>`;
  const laws =
    a.laws.length > 0 &&
    html`<h4>相关法律条文</h4><ul>${a.laws.map((l) => html`<li>${l}</li>`)}</ul><p>条文全文可以在<a href="${LAW_DATABASE.url}">${LAW_DATABASE.name}</a>查看。</p>`;
  const suggest =
    a.suggest.length > 0 &&
    html`<h4>建议您</h4><p class="button-group">${a.suggest.map((s) => html`<a class="button button--secondary" href="${s.href}">${s.label}</a>`)}</p>`;
  return html`<section class="consult-answer" aria-labelledby="consult-answer-title" data-consult-answer><h3 id="consult-answer-title">答复</h3><p class="consult-answer__time">答复时间：${beijingReadable(a.answeredAt)}</p><div class="consult-answer__text">${lines(a.text)}</div>${pages}${laws}${suggest}<p class="consult-answer__note">这是根据您写的情况给出的一般性法律意见。情况有变化或者还有疑问的，可以再次咨询，或者打电话 ${BUREAU.hotline}。</p></section>`;
}

/** How to complain about the handling: the bureau's published contact, nothing invented. */
export function renderComplaint(): SafeHtml {
  return html`<p class="consult-complain" id="complain">对办理过程有意见、想投诉的，请直接联系${BUREAU.name}：电话 <a href="tel:${BUREAU.phone}">${BUREAU.phone}</a>，邮箱 <a href="mailto:${BUREAU.email}">${BUREAU.email}</a>。请说明回执号和您的意见，工作人员会核实处理。</p>`;
}

export function renderRating(receipt: string, r: RatingView): SafeHtml {
  if (r.state === 'given') {
    const label = RATINGS.find((x) => x.value === r.rating)?.label ?? r.rating;
    return html`<section class="rating" aria-labelledby="rating-title" data-rating><h3 id="rating-title">满意度评价</h3><p>您已经评价：<strong>${label}</strong>（${beijingReadable(r.at)}）。谢谢！</p>${renderComplaint()}</section>`;
  }
  const options = RATINGS.map(
    (o, i) =>
      html`<div class="choice"><input id="rating-${i}" name="rating" type="radio" value="${o.value}"><label for="rating-${i}">${o.label}</label></div>`,
  );
  return html`<section class="rating" aria-labelledby="rating-title" data-rating><h3 id="rating-title">满意度评价</h3><form method="post" action="${r.action}" class="rating__form"><input type="hidden" name="receipt" value="${receipt}"><input type="hidden" name="token" value="${r.token}"><fieldset class="field"><legend class="field__label">您对这次办理满意吗？</legend>${options}</fieldset><div class="field"><label class="field__label" for="rating-comment">想说的话（选填）</label><p class="field__hint" id="rating-comment-hint">最多${COMMENT_MAX}个字。请不要写身份证号码等个人信息。</p><textarea class="input" id="rating-comment" name="comment" rows="3" aria-describedby="rating-comment-hint"></textarea></div><button type="submit" class="button">提交评价</button></form>${renderComplaint()}</section>`;
}
