/**
 * /stats/ (办理情况统计), rendered by a function (functions/stats.mts), so the
 * page is complete without JavaScript: a year/type form that submits with
 * GET, accessible tables (caption, th scope) and a simple SVG bar chart with
 * a text alternative, in the site's page shell (src/lib/shell.ts).
 *
 * The numbers are the frozen periods (stats.ts, stats-refresh.ts): closed
 * months, and closed years with their town tables. When a closed month is
 * still missing, this request tries to freeze it (one refresh at a time); if
 * that fails, the failure is logged and the page says which months are still
 * being prepared, so a failure is never hidden. Answers are cacheable for 10
 * minutes.
 */
import { html, join, type SafeHtml } from '../html.ts';
import { html as htmlResponse, text } from '../http/responses.ts';
import { withBase, withoutBase } from '../paths.ts';
import { isRequestTypeId, REQUEST_TYPE_IDS, requestType, type RequestTypeId } from '../requests/registry.ts';
import { errorTitle } from '../page-title.ts';
import type { PageShell } from '../shell.ts';
import { Deadline, StoreUnavailableError } from '../store/deadline.ts';
import { beijingDateTime } from '../time.ts';
import { langOfPath } from '../i18n/paths.ts';
import { loadStats, refreshStats, type JobStore, type StatsStore } from './stats-refresh.ts';
import { consultYearRaw, renderConsultStats } from '../consult/stats-view.ts';
import { consultYearTables } from '../consult/stats.ts';
import type { ConsultStore } from '../store/consult.ts';
import { THRESHOLD, type Shown, type StatsRow, type StatsSnapshot, type TypeStats } from './stats.ts';

/** /zh-hant/stats/ is the same page in 繁體 (the shell converts it). */
const pageLang = (req: Request, base: string) =>
  langOfPath(withoutBase(new URL(req.url).pathname, base)) === 'zh-Hant' ? ('zh-Hant' as const) : ('zh-Hans' as const);

const typeLabel = (id: RequestTypeId) => requestType(id).labels.request;

export interface StatsDeps {
  store: StatsStore;
  jobs: JobStore;
  now: () => Date;
  base: string;
  shell: PageShell;
  deadlineMs: number;
  perCallMs: number;
  log: (entry: { event: string; cid: string; status: number; detail?: string; error?: unknown }) => void;
  /** Logs an unexpected failure with its stack (functions/_shared/log.ts). */
  logFailure: (cid: string, error: unknown, event: string) => void;
  /** 法律咨询 by topic and 满意度评价 (src/lib/store/consult.ts); without it those tables are left out. */
  consult?: Pick<ConsultStore, 'topicCounts' | 'ratingCounts'>;
}

/** The published figures; freezes missing closed months first when it can. */
export async function currentStats(deps: StatsDeps, deadline: Deadline, cid: string): Promise<StatsSnapshot> {
  const now = deps.now();
  const snap = await deadline.run('load stats', () => loadStats(deps.store, now));
  if (snap.pending.length === 0) return snap;
  try {
    const done = await deadline.run('refresh stats', () => refreshStats(deps.store, deps.jobs, now, cid));
    if (done) deps.log({ event: 'stats-refreshed', cid, status: 200, detail: done.join(',') });
  } catch (error) {
    // Logged with its stack and shown on the page as pending; the next request retries.
    deps.logFailure(cid, error, 'stats-refresh-failed');
    return snap;
  }
  return deadline.run('load stats', () => loadStats(deps.store, now));
}

const cell = (s: Shown): string => (s.kind === 'value' ? String(s.value) : s.kind === 'small' ? `<${THRESHOLD}` : '×');
const cellText = (s: Shown): string =>
  s.kind === 'value' ? `${s.value}件` : s.kind === 'small' ? `少于${THRESHOLD}件` : '不公布';

function row(r: StatsRow, isTotal = false): SafeHtml {
  return html`<tr${isTotal && html` class="stats-table__total"`}><th scope="row">${r.label}</th><td>${cell(r.received)}</td><td>${cell(r.accepted)}</td><td>${cell(r.closed)}</td><td>${r.medianDays === null ? '—' : r.medianDays}</td></tr>`;
}

function table(id: string, caption: string, first: string, rows: StatsRow[], total: StatsRow | null): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table class="stats-table"><caption id="${id}">${caption}</caption><thead><tr><th scope="col">${first}</th><th scope="col">收到</th><th scope="col">受理</th><th scope="col">办结</th><th scope="col">决定用时<br>（中位数，天）</th></tr></thead><tbody>${rows.map((r) => row(r))}</tbody>${total && html`<tfoot>${row(total, true)}</tfoot>`}</table></div>`;
}

/**
 * Horizontal bars of 收到 per month (one row per month, so it reads on a
 * phone and at the largest font); hidden cells get no bar, only their mark.
 * Colours come from the stylesheet (currentColor-like variables), so high
 * contrast works; the numbers are also printed, and the table below is the
 * full text alternative.
 */
function chart(id: string, year: number, t: TypeStats): SafeHtml {
  const months = t.months;
  const [width, labelW, barMax, rowH, top] = [360, 50, 250, 30, 6];
  const height = top * 2 + months.length * rowH;
  const max = Math.max(THRESHOLD, ...months.map((m) => (m.received.kind === 'value' ? m.received.value : 0)));
  const bars = months.map((m, i) => {
    const y = top + i * rowH;
    const label = html`<text x="${labelW - 6}" y="${y + 21}" text-anchor="end" class="stats-chart__axis">${m.label}</text>`;
    if (m.received.kind !== 'value') {
      return html`${label}<text x="${labelW + 6}" y="${y + 21}" class="stats-chart__mark">${cell(m.received)}</text>`;
    }
    const bw = Math.max(2, Math.round((m.received.value / max) * barMax));
    return html`${label}<rect x="${labelW}" y="${y + 4}" width="${bw}" height="${rowH - 8}" class="stats-chart__bar"></rect><text x="${labelW + bw + 6}" y="${y + 21}" class="stats-chart__value">${m.received.value}</text>`;
  });
  const desc = months.map((m) => `${m.label}${cellText(m.received)}`).join('，');
  const what = `${year}年每月收到的${typeLabel(t.formType)}`;
  return html`<figure class="stats-chart"><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"><title id="${id}-title">${what}</title><desc id="${id}-desc">${desc}。</desc><line x1="${labelW}" y1="0" x2="${labelW}" y2="${height}" class="stats-chart__baseline"></line>${bars}</svg><figcaption>${what}（件）。数字见下表。</figcaption></figure>`;
}

export interface StatsQuery {
  year?: number;
  type?: RequestTypeId;
}

export function parseStatsQuery(url: URL): StatsQuery {
  const y = url.searchParams.get('year') ?? '';
  const t = url.searchParams.get('type') ?? '';
  return {
    ...(/^\d{4}$/.test(y) ? { year: Number(y) } : {}),
    ...(isRequestTypeId(t) ? { type: t } : {}),
  };
}

function filterForm(years: number[], year: number, q: StatsQuery, base: string): SafeHtml {
  const option = (v: string, label: string, selected: boolean) =>
    html`<option value="${v}"${selected && ' selected'}>${label}</option>`;
  return html`<form class="stats-filter" method="get" action="${withBase('/stats/', base)}"><div class="field"><label class="field__label" for="stats-year">年份</label><select id="stats-year" name="year">${years.map((y) => option(String(y), `${y}年`, y === year))}</select></div><div class="field"><label class="field__label" for="stats-type">申请类型</label><select id="stats-type" name="type">${option('', '全部', !q.type)}${REQUEST_TYPE_IDS.map((t) => option(t, typeLabel(t), q.type === t))}</select></div><button type="submit" class="button button--secondary">查看</button></form>`;
}

function typeSection(year: number, closed: boolean, t: TypeStats): SafeHtml {
  const id = `stats-${t.formType}`;
  const label = typeLabel(t.formType);
  const towns = t.total
    ? table(`${id}-towns`, `${year}年${label}：按镇（街）`, '镇（街）', t.towns, t.total)
    : html`<p>按镇（街）的统计和全年合计在${year}年结束后公布：月份还没有过完时公布合计，别人就能用前后两次的数字相减，算出某一个镇（街）的件数。</p>`;
  const months = table(`${id}-months`, `${year}年${label}：按月份`, '月份', t.months, t.total);
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${year}年${label}${!closed && '（已结束的月份）'}</h2>${t.months.length ? chart(`${id}-chart`, year, t) : ''}${months}${towns}</section>`;
}

function pendingNotice(pending: string[]): SafeHtml | '' {
  if (pending.length === 0) return '';
  const names = pending.map((p) => `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`).join('、');
  return html`<div class="notice notice--warning"><p>${names}的数字正在生成，暂时没有显示。系统会自动重试，请稍后再来看。</p></div>`;
}

/** The 法律咨询 tables of the year shown: for a closed year the counts, otherwise when they come. */
async function consultExtras(deps: StatsDeps, deadline: Deadline, snap: StatsSnapshot, q: StatsQuery) {
  const year = snap.years.find((y) => y.year === q.year) ?? snap.years[0];
  if (!year || !deps.consult || (q.type && q.type !== 'consultation')) return undefined;
  if (!year.closed) return renderConsultStats(year.year, null);
  const published = year.types.find((t) => t.formType === 'consultation')?.total?.received.kind ?? 'value';
  return renderConsultStats(
    year.year,
    consultYearTables(await consultYearRaw(deps.consult, deadline, year.year), published),
  );
}

export function renderStatsBody(snap: StatsSnapshot, q: StatsQuery, base: string, extra?: SafeHtml): SafeHtml {
  const year = snap.years.find((y) => y.year === q.year) ?? snap.years[0];
  const updated = snap.generatedAt ? html`<p>数据更新于 ${beijingDateTime(snap.generatedAt)}（北京时间）。` : html`<p>`;
  const intro = html`<h1>办理情况统计</h1><p class="lead">通过本网站提交的法律援助申请、人民调解申请和法律咨询：每月收到多少、受理多少、办结多少，作出决定（法律咨询：答复）用了几天。</p>${updated}只公布已经结束的月份，公布后不再改动。到窗口或打电话申请的，不在这里统计。</p>${pendingNotice(snap.pending)}`;
  if (!year) return html`${intro}<p class="notice">还没有可以统计的申请。</p>${definitions()}`;
  const sections = year.types
    .filter((t) => !q.type || t.formType === q.type)
    .map((t) => typeSection(year.year, year.closed, t));
  return join([
    intro,
    filterForm(
      snap.years.map((y) => y.year),
      year.year,
      q,
      base,
    ),
    sections,
    extra ?? '',
    definitions(),
  ]);
}

function definitions(): SafeHtml {
  return html`<h2 id="how-to-read">怎样看这些数字</h2><dl class="facts"><dt>收到</dt><dd>这个月（或这一年）在网上提交的申请。提交后10分钟内自己撤回的不算。</dd><dt>受理</dt><dd>这个月决定受理的申请（不论是哪个月收到的）。</dd><dt>办结</dt><dd>这个月办理完毕或者决定不予受理的申请（不论是哪个月收到的）。</dd><dt>决定用时</dt><dd>这个月作出受理或不予受理决定的申请，从收到到作出决定的天数，取中位数（一半申请比它快，一半比它慢）。法律援助机构应当在收到申请之日起七日内作出决定（《中华人民共和国法律援助法》第四十三条）。法律咨询算的是从收到到答复的天数。作出决定的申请不到${THRESHOLD}件时不计算，显示“—”。</dd><dt>&lt;${THRESHOLD}</dt><dd>少于${THRESHOLD}件（包括0件）。件数太少时，别人可能据此认出申请人，所以不公布具体数字。</dd><dt>×</dt><dd>不少于${THRESHOLD}件，但为了不让别人用合计数减出上面“&lt;${THRESHOLD}”的具体数字，这一格也不公布。</dd><dt>什么时候公布</dt><dd>一个月结束后公布这个月的数字；一年结束后公布全年合计和按镇（街）的数字。公布以后不再改动，这样前后两次的数字不能相减。</dd></dl><p>统计只用申请的类型、所在镇（街）、日期和办理状态，不含任何个人信息。</p>`;
}

const PAGE = { path: '/stats/', section: 'none', breadcrumbs: [{ label: '办理情况统计' }] } as const;

export async function handleStats(req: Request, deps: StatsDeps, cid: string): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return text(405, '只能直接打开这个页面', cid, { Allow: 'GET, HEAD' });
  }
  const q = parseStatsQuery(new URL(req.url));
  try {
    const deadline = new Deadline(deps.deadlineMs, deps.perCallMs);
    const snap = await currentStats(deps, deadline, cid);
    const extra = await consultExtras(deps, deadline, snap, q);
    deps.log({ event: 'stats', cid, status: 200 });
    const page = deps.shell.render({
      ...PAGE,
      lang: pageLang(req, deps.base),
      breadcrumbs: [...PAGE.breadcrumbs],
      title: '办理情况统计',
      body: renderStatsBody(snap, q, deps.base, extra),
      index: true,
      description: '台山市司法局在网上收到的法律援助申请和人民调解申请：每月收到、受理、办结的件数和作出决定的用时。',
    });
    // Public numbers, identical for everyone: the CDN may keep them for a while.
    return htmlResponse(200, page, cid, {
      'Cache-Control': 'public, max-age=600',
      'Netlify-CDN-Cache-Control': 'public, s-maxage=600, stale-while-revalidate=3600',
    });
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    deps.log({ event: 'store-unavailable', cid, status: 503, detail: e.message, error: e });
    const body = html`<h1>办理情况统计</h1><p>统计数据暂时无法读取，请稍后再试。</p>`;
    const page = deps.shell.render({
      ...PAGE,
      lang: pageLang(req, deps.base),
      breadcrumbs: [...PAGE.breadcrumbs],
      title: errorTitle('暂时无法显示统计'),
      body,
    });
    return htmlResponse(503, page, cid, { 'Retry-After': '60' });
  }
}
