/**
 * Page weight per page type, from dist/ with the same helper as the budgets
 * test (scripts/lib/page-weight.ts): sizes are deterministic, so one
 * measurement is the figure (no repetitions needed). Each page's size as sent
 * (gzip and headers, from the same local server as the Lighthouse runs) says
 * whether it arrives in a new connection's first round trip.
 */
import { join } from 'node:path';
import {
  BUDGETS,
  KB,
  PAGE_TYPES,
  builtPages,
  isContentPage,
  kb,
  pageTypeOf,
  pageWeight,
  formInUseWeight,
  fitsFirstRoundTrip,
  inFirstRoundTripBudget,
  siteCss,
  type PageWeight,
} from '../lib/page-weight.ts';
import { pagesOnTheWire } from '../lib/serve.ts';
import { root, table } from './lib.ts';

export interface WeightResult {
  rows: {
    type: string;
    name: string;
    count: number;
    example: PageWeight;
    heaviest: PageWeight;
    /** The example page as sent, in bytes (headers included). */
    sent: number;
    /** How many pages of the type arrive in the first round trip. */
    inFirstRoundTrip: number;
  }[];
  css: { path: string; gzip: number; raw: number }[];
  closest: string[];
}

export async function measureWeights(): Promise<WeightResult> {
  const dist = join(root, 'dist');
  const pages = builtPages(dist);
  const sent = await pagesOnTheWire(dist, pages);
  const weightOf = new Map(pages.map((p) => [p, pageWeight(dist, p)] as const));
  const roundTrip = BUDGETS.firstRoundTrip.bytes;
  const rows: WeightResult['rows'] = [];
  for (const t of PAGE_TYPES) {
    const of = pages.filter((p) => pageTypeOf(p).id === t.id);
    if (!of.length) continue;
    const weights = of.map((p) => weightOf.get(p)!);
    const heaviest = weights.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
    const example = weights.find((w) => w.page === t.example) ?? heaviest;
    const inFirstRoundTrip = of.filter((p) => fitsFirstRoundTrip(sent.get(p)!)).length;
    rows.push({
      type: t.id,
      name: t.name,
      count: of.length,
      example,
      heaviest,
      sent: sent.get(example.page)!,
      inFirstRoundTrip,
    });
  }
  const largest = pages.filter(inFirstRoundTripBudget).reduce((a, b) => (sent.get(b)! > sent.get(a)! ? b : a));
  // How close each budget is, at its tightest page.
  const all = [...weightOf.values()];
  const cases = all.filter((w) => pageTypeOf(w.page).id === 'case');
  const maxCase = cases.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
  const maxCaseReq = Math.max(...cases.map((w) => w.requests));
  const plan = all.find((w) => w.page === '/plan/')!;
  const content = all.filter((w) => isContentPage(w.page));
  const maxJs = content.reduce((a, b) => (b.byKind.js.gzip > a.byKind.js.gzip ? b : a));
  const css = siteCss(dist, pages);
  const maxCss = all
    .filter((w) => !w.page.startsWith('/admin/'))
    .reduce((a, b) => (b.byKind.css.gzip > a.byKind.css.gzip ? b : a));
  const pct = (x: number, budget: number) => `${Math.round((x / budget) * 100)} %`;
  const forms = all.filter((w) => pageTypeOf(w.page).id === 'apply-form');
  const maxFormJs = forms.reduce((a, b) => (b.byKind.js.gzip > a.byKind.js.gzip ? b : a));
  const maxFormVisit = forms.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
  const inUse = forms.map((w) => formInUseWeight(dist, w.page));
  const maxInUse = inUse.reduce((a, b) => (b.byKind.js.gzip > a.byKind.js.gzip ? b : a));
  const closest = [
    `Case article (≤ ${kb(BUDGETS.case.gzip)}, ≤ ${BUDGETS.case.requests} requests): heaviest \`${maxCase.page}\` ${kb(maxCase.total.gzip)} (${pct(maxCase.total.gzip, BUDGETS.case.gzip)} of budget), at most ${maxCaseReq} requests.`,
    `Plan page (≤ ${kb(BUDGETS.plan.gzip)}): ${kb(plan.total.gzip)} (${pct(plan.total.gzip, BUDGETS.plan.gzip)}).`,
    `JavaScript on content pages (≤ ${kb(BUDGETS.contentJs.gzip)}): at most ${kb(maxJs.byKind.js.gzip)} (\`${maxJs.page}\`, ${pct(maxJs.byKind.js.gzip, BUDGETS.contentJs.gzip)}).`,
    `Form pages, JavaScript on first visit (≤ ${kb(BUDGETS.formJs.gzip)}): at most ${kb(maxFormJs.byKind.js.gzip)} (\`${maxFormJs.page}\`, ${pct(maxFormJs.byKind.js.gzip, BUDGETS.formJs.gzip)}); first visit of a form page (≤ ${kb(BUDGETS.formFirstVisit.gzip)}): at most ${kb(maxFormVisit.total.gzip)} (\`${maxFormVisit.page}\`, ${pct(maxFormVisit.total.gzip, BUDGETS.formFirstVisit.gzip)}).`,
    `Form pages, JavaScript loaded once the reader turns to the form: its widgets and its own kind's schema (≤ ${kb(BUDGETS.formInUseJs.gzip)} more): at most ${kb(maxInUse.byKind.js.gzip)} (\`${maxInUse.page}\`, ${pct(maxInUse.byKind.js.gzip, BUDGETS.formInUseJs.gzip)}).`,
    `First round trip (≤ ${roundTrip.toLocaleString('en')} bytes as sent, headers included, for the pages that lead to a task: ${BUDGETS.firstRoundTrip.types.map((id) => PAGE_TYPES.find((t) => t.id === id)!.name).join('、')}): largest \`${largest}\` ${sent.get(largest)!.toLocaleString('en')} bytes (${pct(sent.get(largest)!, roundTrip)}).`,
    `CSS of one page, inline (≤ ${kb(BUDGETS.pageCss.gzip)}): at most ${kb(maxCss.byKind.css.gzip)} (\`${maxCss.page}\`, ${pct(maxCss.byKind.css.gzip, BUDGETS.pageCss.gzip)}); ${css.length} different stylesheet(s) or inline style(s) in the site.`,
  ];
  return { rows, css, closest };
}

const k = (n: number) => (n / KB).toFixed(1);

export function weightSection(w: WeightResult): string {
  const rows = w.rows.map((r) => {
    const e = r.example;
    return [
      r.name,
      `\`${e.page}\``,
      `${k(e.byKind.html.raw)} / ${k(e.byKind.html.gzip)}`,
      `${k(e.byKind.css.raw)} / ${k(e.byKind.css.gzip)}`,
      `${k(e.byKind.js.raw)} / ${k(e.byKind.js.gzip)}`,
      e.byKind.image.raw + e.byKind.font.raw + e.byKind.other.raw
        ? `${k(e.byKind.image.raw + e.byKind.font.raw + e.byKind.other.raw)} / ${k(e.byKind.image.gzip + e.byKind.font.gzip + e.byKind.other.gzip)}`
        : '0',
      `**${k(e.total.gzip)}**`,
      e.requests,
      `${r.sent.toLocaleString('en')}${fitsFirstRoundTrip(r.sent) ? ' ✓' : ''}`,
      r.count > 1
        ? `${r.count} pages (${r.inFirstRoundTrip} in the first round trip); heaviest \`${r.heaviest.page}\` ${k(r.heaviest.total.gzip)} KB, ${r.heaviest.requests} req.`
        : '',
    ];
  });
  return [
    table(
      [
        '页面类型 / page type',
        'page',
        'HTML raw / gzip (KB)',
        'CSS',
        'JS',
        'other',
        'first visit gzip (KB)',
        'requests',
        'HTML as sent (bytes; ✓ first round trip)',
        'all pages of this type',
      ],
      rows,
    ),
    '',
    "First visit = the HTML and everything it loads before it is usable: stylesheets, scripts and the modules they statically import, images and fonts (there are none). The favicon is not counted (fetched once per site). gzip at zlib's default level; Netlify may send brotli, which is a little smaller. HTML as sent = the page's response as the local server sends it (status line, headers of `_headers` and netlify.toml, gzip body): ✓ where it fits in a new connection's first round trip, ten TCP segments of 1,460 bytes (14,600 bytes); one byte more costs a second round trip (about 150 ms on Lighthouse's slow 4G). Budgets (enforced in `npm test` by tests/build/budgets.test.ts), at their tightest page:",
    '',
    ...w.closest.map((c) => `- ${c}`),
    '',
    "For scale (figures reported elsewhere, not measured here): a plain Astro page of the same article is about 3 KB gzipped in one request; a Starlight page about 51 KB in ten requests. Our case article carries its styles inline (no stylesheet request) and the 0.5 KB display-settings script on top of the article, its cited statute texts, related cases, breadcrumbs, navigation, footer and QR code. The pages that ship real JavaScript are the application forms (as they open, only what shows the conditional questions and makes the choices given in the address; their widgets, the zod schema and the render functions shared with the server come once the reader turns to the form, counted in the budget line above), the status page, the search page (its own script; pagefind comes on demand) and the staff desk (decryption, the list and the CSV export). What the search page loads on demand (pagefind's script, WebAssembly and index chunks, fetched by dynamic import when a query is made) is not part of this static count; the search section measures it in a browser.",
  ].join('\n');
}
