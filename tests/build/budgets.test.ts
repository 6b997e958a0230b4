/**
 * Page-weight budgets, checked on every built page in dist/. Sizes
 * are deterministic, so they are tests; timings live in `npm run bench`
 * (BENCHMARKS.md). What counts as a first visit: scripts/lib/page-weight.ts.
 *
 *   case article   HTML + CSS + JS ≤ 15.5 KB gzipped, in ≤ 2 requests (the CSS is inline)
 *   plan page      HTML + CSS + JS ≤ 20 KB gzipped
 *   content pages  ≤ 2 KB of JavaScript gzipped (all but search, forms, staff desk, /admin/)
 *   page CSS       the styles any one public page carries ≤ 6 KB gzipped
 *   form pages     ≤ 12 KB of JavaScript gzipped on first visit, first visit ≤ 25 KB (简体 and 繁體); once the
 *                  reader turns to the form, ≤ 28 KB more (its widgets and its own kind’s schema)
 *   staff desk     ≤ 30 KB of JavaScript gzipped
 *   first round trip  the pages that lead to a task: ≤ 14,600 bytes as sent, headers included
 *
 * A failure names the page, the figure and the budget, with the breakdown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/dist.ts';
import {
  BUDGETS,
  KB,
  builtPages,
  cssRefs,
  formChunks,
  formInUseWeight,
  formScriptChunks,
  fitsFirstRoundTrip,
  inFirstRoundTripBudget,
  isContentPage,
  kb,
  pageTypeOf,
  pageWeight,
  type PageWeight,
} from '../../scripts/lib/page-weight.ts';
import { headersFor, pagesOnTheWire, siteHeaderRules } from '../../scripts/lib/serve.ts';
import { deferredScripts } from '../../src/lib/deferred-scripts.ts';
import { staticImports } from '../../src/lib/module-graph.ts';

const dist = join(projectRoot, 'dist');
const pages = builtPages(dist);
const weights = new Map(pages.map((p) => [p, pageWeight(dist, p)] as const));
const weightOf = (p: string) => weights.get(p)!;

/** "HTML 6.4 KB + CSS 3.9 KB + JS 0.5 KB" */
function breakdown(w: PageWeight): string {
  return Object.entries(w.byKind)
    .filter(([, b]) => b.raw > 0)
    .map(([k, b]) => `${k.toUpperCase()} ${kb(b.gzip)}`)
    .join(' + ');
}

describe('page weight budgets', () => {
  it('finds the pages and every resource they load', () => {
    expect(pages.length).toBeGreaterThan(50);
    const missing = pages.flatMap((p) => weightOf(p).missing.map((m) => `${p}：引用的 ${m} 不在 dist/ 里`));
    expect(missing).toEqual([]);
  });

  it(`case articles: first visit ≤ ${kb(BUDGETS.case.gzip)} gzipped in ≤ ${BUDGETS.case.requests} requests`, () => {
    const cases = pages.filter((p) => pageTypeOf(p).id === 'case');
    expect(cases.length).toBeGreaterThan(0);
    const over = cases.flatMap((p) => {
      const w = weightOf(p);
      const out: string[] = [];
      if (w.total.gzip > BUDGETS.case.gzip)
        out.push(`${p}：首次访问 ${kb(w.total.gzip)}（${breakdown(w)}），超出预算 ${kb(BUDGETS.case.gzip)}`);
      if (w.requests > BUDGETS.case.requests) {
        out.push(
          `${p}：${w.requests} 个请求（${w.resources.map((r) => r.path).join('、')}），超出预算 ${BUDGETS.case.requests} 个`,
        );
      }
      return out;
    });
    expect(over).toEqual([]);
  });

  it('holds for the 繁體 copy and the English pages too', () => {
    const hantCases = pages.filter((p) => p.startsWith('/zh-hant/') && pageTypeOf(p).id === 'case');
    expect(hantCases.length).toBe(
      pages.filter((p) => /^\/cases\/[^/]+\/$/.test(p) && pageTypeOf(p).id === 'case').length,
    );
    const english = pages.filter((p) => p.startsWith('/en/'));
    expect(english.length).toBeGreaterThan(3);
    expect(english.every(isContentPage)).toBe(true);
    const hant = weightOf('/zh-hant/cases/unpaid-wages-contractor-fled/');
    expect(hant.total.gzip).toBeLessThanOrEqual(BUDGETS.case.gzip);
    const plan = weightOf('/zh-hant/plan/');
    expect(plan.total.gzip).toBeLessThanOrEqual(BUDGETS.plan.gzip);
  });

  it(`the plan page: first visit ≤ ${kb(BUDGETS.plan.gzip)} gzipped`, () => {
    const w = weightOf('/plan/');
    const over =
      w.total.gzip > BUDGETS.plan.gzip
        ? [`/plan/：首次访问 ${kb(w.total.gzip)}（${breakdown(w)}），超出预算 ${kb(BUDGETS.plan.gzip)}`]
        : [];
    expect(over).toEqual([]);
  });

  it(`the pages that lead to a task arrive in a new connection's first round trip: ≤ ${BUDGETS.firstRoundTrip.bytes.toLocaleString('en')} bytes as sent`, async () => {
    const { bytes, types } = BUDGETS.firstRoundTrip;
    const kept = pages.filter(inFirstRoundTripBudget);
    // Every type is there, in 简体 and in 繁體.
    expect(new Set(kept.map((p) => pageTypeOf(p).id))).toEqual(new Set(types));
    expect(kept.filter((p) => p.startsWith('/zh-hant/')).length).toBeGreaterThan(kept.length / 3);
    const over = [...(await pagesOnTheWire(dist, kept))]
      .filter(([, sent]) => !fitsFirstRoundTrip(sent))
      .map(
        ([page, sent]) =>
          `${page}（${pageTypeOf(page).name}）：发送 ${sent} 字节（含响应头），超出第一个往返的 ${bytes} 字节`,
      );
    expect(over).toEqual([]);
  });

  it(`法律咨询 (/consult/): first visit ≤ ${kb(BUDGETS.consult.gzip)} gzipped`, () => {
    const w = weightOf('/consult/');
    const over =
      w.total.gzip > BUDGETS.consult.gzip
        ? [`/consult/：首次访问 ${kb(w.total.gzip)}（${breakdown(w)}），超出预算 ${kb(BUDGETS.consult.gzip)}`]
        : [];
    expect(over).toEqual([]);
  });

  it(`content pages ship ≤ ${kb(BUDGETS.contentJs.gzip)} of JavaScript gzipped`, () => {
    const content = pages.filter(isContentPage);
    expect(content).toContain('/cases/');
    expect(content).not.toContain('/apply/legal-aid/form/');
    const over = content.flatMap((p) => {
      const w = weightOf(p);
      if (w.byKind.js.gzip <= BUDGETS.contentJs.gzip) return [];
      const scripts = w.resources.filter((r) => r.kind === 'js').map((r) => `${r.path} ${kb(r.gzip)}`);
      return [
        `${p}：JavaScript ${kb(w.byKind.js.gzip)}（${scripts.join('、')}），超出预算 ${kb(BUDGETS.contentJs.gzip)}`,
      ];
    });
    expect(over).toEqual([]);
  });

  it(`form pages: JavaScript ≤ ${kb(BUDGETS.formJs.gzip)}, first visit ≤ ${kb(BUDGETS.formFirstVisit.gzip)} gzipped`, () => {
    const forms = pages.filter((p) => pageTypeOf(p).id === 'apply-form');
    expect(forms).toContain('/apply/legal-aid/form/');
    expect(forms).toContain('/zh-hant/apply/mediation/form/');
    const over = forms.flatMap((p) => {
      const w = weightOf(p);
      const out: string[] = [];
      const scripts = w.resources.filter((r) => r.kind === 'js').map((r) => `${r.path} ${kb(r.gzip)}`);
      if (w.byKind.js.gzip > BUDGETS.formJs.gzip)
        out.push(
          `${p}：JavaScript ${kb(w.byKind.js.gzip)}（${scripts.join('、')}），超出预算 ${kb(BUDGETS.formJs.gzip)}`,
        );
      if (w.total.gzip > BUDGETS.formFirstVisit.gzip)
        out.push(`${p}：首次访问 ${kb(w.total.gzip)}（${breakdown(w)}），超出预算 ${kb(BUDGETS.formFirstVisit.gzip)}`);
      return out;
    });
    expect(over).toEqual([]);
  });

  it(`form pages: once the reader turns to the form, ≤ ${kb(BUDGETS.formInUseJs.gzip)} more JavaScript gzipped, its own kind's schema only`, () => {
    const forms = pages.filter((p) => pageTypeOf(p).id === 'apply-form');
    const over = forms.flatMap((p) => {
      const w = formInUseWeight(dist, p);
      const out = w.missing.map((m) => `${p}：读者开始填表时要加载的 ${m} 找不到`);
      // The kind's own schema chunk, and never another kind's: each kind's form.ts is a chunk of its own.
      const kinds = w.resources.filter((r) => /\/form\.[\w-]+\.js$/.test(r.path));
      if (kinds.length !== 1)
        out.push(
          `${p}：加载了 ${kinds.length} 个表单定义（${kinds.map((r) => r.path).join('、')}），应只有本类的 1 个`,
        );
      if (w.byKind.js.gzip > BUDGETS.formInUseJs.gzip) {
        const scripts = w.resources.map((r) => `${r.path} ${kb(r.gzip)}`);
        out.push(
          `${p}：开始填表时 JavaScript ${kb(w.byKind.js.gzip)}（${scripts.join('、')}），超出预算 ${kb(BUDGETS.formInUseJs.gzip)}`,
        );
      }
      return out;
    });
    expect(forms.length).toBeGreaterThan(3);
    expect(over).toEqual([]);
  });

  it(`the staff desk: JavaScript ≤ ${kb(BUDGETS.deskJs.gzip)} gzipped`, () => {
    const w = weightOf('/staff/');
    const scripts = w.resources.filter((r) => r.kind === 'js').map((r) => `${r.path} ${kb(r.gzip)}`);
    const over =
      w.byKind.js.gzip > BUDGETS.deskJs.gzip
        ? [`/staff/：JavaScript ${kb(w.byKind.js.gzip)}（${scripts.join('、')}），超出预算 ${kb(BUDGETS.deskJs.gzip)}`]
        : [];
    expect(over).toEqual([]);
  });

  it(`every public page carries ≤ ${kb(BUDGETS.pageCss.gzip)} of CSS gzipped`, () => {
    const over = pages
      .filter((p) => !p.startsWith('/admin/'))
      .flatMap((p) => {
        const w = weightOf(p);
        return w.byKind.css.gzip > BUDGETS.pageCss.gzip
          ? [`${p}：CSS ${kb(w.byKind.css.gzip)}，超出预算 ${kb(BUDGETS.pageCss.gzip)}`]
          : [];
      });
    expect(weightOf('/cases/').byKind.css.gzip).toBeGreaterThan(2 * KB);
    expect(over).toEqual([]);
  });
});

describe('how the page weight is measured', () => {
  it('follows static imports of built modules, not dynamic import()', () => {
    expect(
      staticImports(
        'import{a as e,b as t}from"./render.x.js";import"./side.js";export{c}from"./re.js";const m=import("./lazy.js")',
      ),
    ).toEqual(['./render.x.js', './side.js', './re.js']);
  });

  it('counts the scripts a page loads after its first paint, and each module preloaded with them (src/lib/deferred-scripts.ts), once, as script, never as a stylesheet', () => {
    const page = readFileSync(join(dist, 'apply', 'status', 'index.html'), 'utf8');
    const { entries, preload } = deferredScripts(page);
    const preloaded = [...entries, ...preload];
    const w = weightOf('/apply/status/');
    const paths = w.resources.map((r) => r.path);
    expect(preloaded.length).toBeGreaterThan(10);
    expect(preloaded.filter((href) => !paths.includes(href))).toEqual([]);
    expect(new Set(paths).size).toBe(paths.length);
    expect(w.resources.filter((r) => preloaded.includes(r.path)).every((r) => r.kind === 'js')).toBe(true);
    expect(w.resources.filter((r) => r.kind === 'css').every((r) => r.inline)).toBe(true);
    expect(w.requests).toBe(1 + w.resources.filter((r) => r.kind === 'js' && !r.inline).length);
  });

  it('finds what a form page loads once the reader turns to it: the form script, then its own kind’s form', () => {
    const entry =
      'const m=()=>h(()=>import("./apply-form.C.js"),__vite__mapDeps([0,1]));const s=()=>import("./steps.js")';
    expect(formScriptChunks(entry)).toEqual(['./apply-form.C.js']);
    expect(formScriptChunks('const s=()=>import("./steps.js")')).toEqual([]);
    const js =
      'const x=Object.assign({"../../lib/requests/consultation/form.ts":()=>g(()=>import(`./form.A.js`).then(e=>e.requestForm),d([0])),' +
      '"../../lib/requests/legal-aid/form.ts":()=>g(()=>import(`./form.B.js`).then(e=>e.requestForm),d([1]))});const s=()=>import("./steps.js")';
    expect(formChunks('<form class="f" data-apply-form="legal-aid">', js)).toEqual(['./form.B.js']);
    expect(formChunks('<form class="f" data-apply-form="consultation">', js)).toEqual(['./form.A.js']);
    expect(formChunks('<form class="f">', js)).toEqual([]);
  });

  it('counts nothing of the form’s widgets in a form page’s first visit, and all of them once the reader turns to it', () => {
    const first = weightOf('/apply/legal-aid/form/');
    const inUse = formInUseWeight(dist, '/apply/legal-aid/form/');
    const firstPaths = new Set(first.resources.map((r) => r.path));
    expect(inUse.resources.some((r) => /\/apply-form\.[\w-]+\.js$/.test(r.path))).toBe(true);
    expect(inUse.resources.filter((r) => firstPaths.has(r.path))).toEqual([]);
    expect(formInUseWeight(dist, '/cases/').resources).toEqual([]);
  });

  it('counts inline styles as the page’s CSS and inline scripts as its JavaScript, with no request, adding up to the page as sent', () => {
    const w = weightOf('/cases/');
    const [page, styles, script] = w.resources;
    expect(page!.kind).toBe('html');
    expect(styles).toMatchObject({ kind: 'css', inline: true });
    expect(script).toMatchObject({ kind: 'js', inline: true });
    expect(script!.gzip).toBeGreaterThan(500);
    const sent = gzipSync(readFileSync(join(dist, 'cases', 'index.html'))).length;
    expect(page!.gzip + styles!.gzip + script!.gzip).toBe(sent);
    expect(w.requests).toBe(1);
    expect(w.requests).toBe(w.resources.filter((r) => !r.inline).length);
  });

  it('counts a response on the wire as its gzipped body and its headers, the CSP among them', async () => {
    const sent = (await pagesOnTheWire(dist, ['/cases/'])).get('/cases/')!;
    const body = gzipSync(readFileSync(join(dist, 'cases', 'index.html'))).length;
    const csp = headersFor(siteHeaderRules(dist), '/cases/')['Content-Security-Policy']!;
    expect(csp.length).toBeGreaterThan(300);
    expect(sent - body).toBeGreaterThan(csp.length);
    expect(sent - body).toBeLessThan(csp.length + 1200);
  });

  it('follows @import and url() in CSS, but not data: URLs', () => {
    expect(
      cssRefs('@import "a.css";@font-face{src:url(/f.woff2)}.x{background:url("data:image/png;base64,AA")}'),
    ).toEqual(['a.css', '/f.woff2']);
  });

  it('counts a form page’s script and the chunk it imports', () => {
    const form = pages.find((p) => pageTypeOf(p).id === 'apply-form');
    if (!form) return;
    const w = weightOf(form);
    const scripts = w.resources.filter((r) => r.kind === 'js');
    expect(scripts.length).toBeGreaterThan(1);
    expect(w.requests).toBe(1 + w.resources.filter((r) => r.kind !== 'html' && !r.inline).length);
  });
});
