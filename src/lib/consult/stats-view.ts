/**
 * The 法律咨询 part of /stats/ (src/lib/staff/stats-page.ts draws it): by topic
 * and 满意度评价 for a closed year, or a sentence saying when they come.
 */
import { html, type SafeHtml } from '../html.ts';
import { beijingMidnight } from '../time.ts';
import { THRESHOLD, type Shown } from '../staff/stats.ts';
import type { ConsultStore } from '../store/consult.ts';
import type { Deadline } from '../store/deadline.ts';
import type { ConsultYearRaw, ConsultYearTables } from './stats.ts';
import { RATINGS } from './views.ts';

const cell = (s: Shown): string => (s.kind === 'value' ? String(s.value) : s.kind === 'small' ? `<${THRESHOLD}` : '×');

/** The year's raw counts from the store (consultations by topic, ratings by kind and value). */
export async function consultYearRaw(
  store: Pick<ConsultStore, 'topicCounts' | 'ratingCounts'>,
  deadline: Deadline,
  year: number,
): Promise<ConsultYearRaw> {
  const start = beijingMidnight(`${year}-01-01`);
  const end = beijingMidnight(`${year + 1}-01-01`);
  const [topics, rows] = await Promise.all([
    deadline.run('topic counts', () => store.topicCounts(start, end)),
    deadline.run('rating counts', () => store.ratingCounts(start, end)),
  ]);
  const ratings: ConsultYearRaw['ratings'] = {};
  for (const r of rows) {
    const kind = (ratings[r.kind as keyof typeof ratings] ??= {});
    kind[r.rating] = (kind[r.rating] ?? 0) + r.n;
  }
  return { topics, ratings };
}

export function renderConsultStats(year: number, t: ConsultYearTables | null): SafeHtml {
  if (!t) {
    return html`<section aria-labelledby="stats-consult-extra"><h2 id="stats-consult-extra">${year}年法律咨询的问题类别和满意度评价</h2><p>按问题类别的件数和满意度评价在${year}年结束后公布，和按镇（街）的统计一样：年中公布，别人就能用每月的数字相减，算出件数很少的类别。</p></section>`;
  }
  const topicRows = t.topics.map((r) => html`<tr><th scope="row">${r.label}</th><td>${cell(r.cells[0]!)}</td></tr>`);
  const ratingRows = t.ratings.map(
    (r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td>${cell(c)}</td>`)}</tr>`,
  );
  const topics = html`<div class="table-wrap" role="region" aria-labelledby="stats-consult-topics" tabindex="0"><table class="stats-table"><caption id="stats-consult-topics">${year}年法律咨询：按问题类别</caption><thead><tr><th scope="col">问题类别</th><th scope="col">收到</th></tr></thead><tbody>${topicRows}</tbody><tfoot><tr class="stats-table__total"><th scope="row">合计</th><td>${cell(t.topicTotal)}</td></tr></tfoot></table></div>`;
  const ratings =
    t.ratings.length > 0
      ? html`<div class="table-wrap" role="region" aria-labelledby="stats-ratings" tabindex="0"><table class="stats-table"><caption id="stats-ratings">${year}年满意度评价</caption><thead><tr><th scope="col">办理事项</th>${RATINGS.map((r) => html`<th scope="col">${r.label}</th>`)}<th scope="col">合计</th></tr></thead><tbody>${ratingRows}</tbody></table></div>`
      : html`<p>${year}年没有收到满意度评价。</p>`;
  return html`<section aria-labelledby="stats-consult-extra"><h2 id="stats-consult-extra">${year}年法律咨询的问题类别和满意度评价</h2>${topics}${ratings}<p>满意度评价是咨询答复后、申请办结后，本人在查询进度页面自愿给出的。</p></section>`;
}
