/**
 * Rendering (escaping, error summary, check your answers, confirmation), the
 * eligibility check's graph, the legal citations in the forms' copy, the keyed
 * hashes and the submit/withdraw/correct rules over an in-memory store.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveText } from '../../src/lib/citations.ts';
import { loadLawIndex } from '../../src/integrations/content-checks.ts';
import {
  CHECK_STEPS,
  incomeStandard,
  incomeStandardText,
  stepByPath,
  type IncomeFigure,
} from '../../src/lib/forms/eligibility.ts';
import { legalAidForm, parseLegalAid } from '../../src/lib/requests/legal-aid/form.ts';
import { mediationForm, parseMediation } from '../../src/lib/requests/mediation/form.ts';
import { html as safeHtml } from '../../src/lib/html.ts';
import { renderCheckAnswers, renderErrorSummary, renderForm, toFormValues } from '../../src/lib/forms/render.ts';
import {
  receiptGroups,
  receiptHtml,
  renderConfirmation,
  renderFormPage,
  renderStatus,
} from '../../src/lib/requests/views.ts';
import { pageShell } from '../../src/lib/shell.ts';
import { inlineStyles } from '../../src/lib/http/csp.ts';
import shells from '../fixtures/shells.json' with { type: 'json' };
import {
  canonicalJson,
  phoneCheck,
  phoneMatches,
  receiptCandidates,
  withdrawToken,
} from '../../src/lib/requests/keys.ts';
import { receiptSlot } from '../../src/lib/requests/receipt.ts';
import {
  correct,
  lookup,
  submit,
  withdraw,
  type Application,
  type ServiceDeps,
} from '../../src/lib/requests/service.ts';
import { plainSealer, type ApplicationStore } from '../../src/lib/requests/store.ts';
import { Deadline, StoreUnavailableError } from '../../src/lib/store/deadline.ts';
import type { ApplicationRecord } from '../../src/lib/requests/record.ts';

const esc = (value: unknown) => String(safeHtml`${value}`);
/** What a reader sees of some HTML: its text without tags (entities left as they are). */
const text = (html: string) => html.replace(/<[^>]*>/g, '');
import { HTML_PAYLOAD, legalAidForOther, legalAidSelf, mediation } from '../fixtures/applications.ts';

const root = join(import.meta.dirname, '..', '..');

describe('rendering', () => {
  it('escapes every character that matters in HTML', () => {
    expect(esc(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });
  it('re-renders typed values inertly, in the form and on the check page', () => {
    const values = { ...legalAidSelf(), name: '"><script>alert(1)</script>' };
    const form = String(renderForm(legalAidForm, values, { base: '/' }));
    const check = String(renderCheckAnswers(legalAidForm, values, { base: '/', key: 'k'.repeat(20) }));
    for (const html of [form, check]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;');
    }
  });
  it('links each error in the summary to its field, and marks the field', () => {
    const r = parseLegalAid({});
    if (r.ok) throw new Error('expected errors');
    const summary = String(renderErrorSummary(r.errors));
    for (const e of r.errors) expect(summary).toContain(`href="#f-${e.field}"`);
    const page = String(renderFormPage(legalAidForm, {}, { base: '/', errors: r.errors }));
    for (const e of r.errors) {
      expect(page).toContain(`id="f-${e.field}"`);
      expect(page).toMatch(
        new RegExp(`id="f-${e.field}-error"><span class="visually-hidden">错误：</span><span data-error-text>`),
      );
    }
    expect(page.match(/aria-invalid="true"/g)?.length).toBeGreaterThan(5);
  });
  it('puts every answer in a hidden field on the check page, with change buttons that post back to the field', () => {
    const r = parseLegalAid(legalAidForOther());
    if (!r.ok) throw new Error('fixture invalid');
    const values = toFormValues(legalAidForm, r.data as Record<string, unknown>);
    const check = String(renderCheckAnswers(legalAidForm, values, { base: '/sfj/', key: 'abcdefghijklmnopqrst' }));
    expect(check).toContain('action="/sfj/api/legal-aid"');
    expect(check).toContain('<input type="hidden" name="_key" value="abcdefghijklmnopqrst">');
    expect(check).toContain('<input type="hidden" name="agentName" value="买买提·艾力">');
    expect(check).toContain('formaction="/sfj/api/legal-aid#f-idNumber"');
    expect(check).toContain('name="_step" value="submit"');
    // Round trip: the hidden fields parse to the same application.
    expect(parseLegalAid(values)).toEqual(r);
  });
  it('leaves irrelevant sections off the check page', () => {
    const r = parseLegalAid(legalAidSelf());
    if (!r.ok) throw new Error('fixture invalid');
    const check = String(
      renderCheckAnswers(legalAidForm, toFormValues(legalAidForm, r.data as Record<string, unknown>), {
        base: '/',
        key: 'abcdefghijklmnopqrst',
      }),
    );
    expect(check).not.toContain('代办人');
    expect(check).not.toContain('受理机关');
  });
  it('shows the receipt, next steps with the 7-day limit, contacts and the withdraw buttons on the confirmation', () => {
    const html = String(
      renderConfirmation({
        base: '/',
        formType: 'legal-aid',
        receipt: 'FY-20261127-7K3Q9P',
        withdraw: { until: new Date('2026-11-27T02:10:00Z'), mode: 'form' },
        origin: 'https://sfj.example',
      }),
    );
    expect(text(html)).toContain('FY-20261127-7K3Q9P');
    expect(html).toContain('7日内');
    expect(html).toContain('0750-5524538');
    expect(html).toContain('10:10');
    expect(html).toContain('action="/api/withdraw"');
    expect(
      String(
        renderConfirmation({ base: '/', formType: 'mediation', receipt: 'TJ-20261127-7K3Q9P', origin: 'https://x' }),
      ),
    ).not.toContain('撤回申请');
  });
  it('keeps on the confirmation what a printed copy needs: bureau, kind, time, lookup address and QR, which phone', () => {
    const html = String(
      renderConfirmation({
        base: '/sfj/',
        formType: 'legal-aid',
        receipt: 'FY-20261127-7K3Q9P',
        origin: 'https://portal.example',
        issuedAt: new Date('2026-11-27T06:03:00Z'),
      }),
    );
    const page = text(html);
    expect(page).toContain('受理单位台山市司法局');
    expect(page).toContain('申请类型法律援助申请');
    expect(page).toContain('2026年11月27日 14:03（北京时间）');
    expect(page).toContain('https://portal.example/sfj/apply/status/');
    expect(html).toContain('src="/sfj/apply/status/qr.svg"');
    expect(page).toContain('您在申请表里填写的联系电话');
    for (const hook of ['data-receipt', 'data-print', 'data-confirmation-title']) expect(html).toContain(hook);
  });
  it('splits a receipt into its groups at the hyphens, for today’s numbers and longer ones', () => {
    expect(receiptGroups('FY-20261127-7K3Q9P')).toEqual(['FY', '20261127', '7K3Q9P']);
    expect(receiptGroups('FY-20261207-7K3Q-9PXA-B2CD')).toEqual(['FY', '20261207', '7K3Q', '9PXA', 'B2CD']);
    const html = String(receiptHtml('FY-20261207-7K3Q-9PXA-B2CD', true));
    expect(html.match(/class="receipt__group"/g)).toHaveLength(5);
    expect(html).toContain('receipt--long');
    expect(text(html)).toBe('FY-20261207-7K3Q-9PXA-B2CD');
  });
  it('shows a status history newest first, notes escaped', () => {
    const html = String(
      renderStatus({
        receipt: 'FY-20261127-7K3Q9P',
        formType: 'legal-aid',
        submittedAt: '2026-11-27T01:00:00Z',
        current: '需补充材料',
        history: [
          { status: '已收到', at: '2026-11-27T01:00:00Z' },
          { status: '需补充材料', at: '2026-11-28T01:00:00Z', note: '请补充<劳动合同>' },
        ],
      }),
    );
    expect(html.indexOf('需补充材料</strong>')).toBeLessThan(html.indexOf('已收到</strong>'));
    expect(html).toContain('&lt;劳动合同&gt;');
    expect(html).toContain('2026年11月27日 09:00');
  });
  it('renders function pages in the page shell: title, trail, body, QR code and 找错 link, no inline script or style of its own', () => {
    const shell = pageShell({ ...shells, base: '/sfj/' });
    const page = String(
      shell.render({
        title: '错误：测试',
        path: '/apply/mediation/',
        section: '/apply/',
        breadcrumbs: [{ label: '在线办理', path: '/apply/' }, { label: '错误' }],
        body: safeHtml`<h1>测试</h1>`,
      }),
    );
    expect(page).toContain('<html lang="zh-CN"');
    expect(page).toContain('<title>错误：测试 - ');
    expect(page).toContain('<a href="/sfj/apply/">在线办理</a>');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain('本页二维码：http://localhost:8888/sfj/apply/mediation/');
    expect(page).toContain(encodeURIComponent('网站纠错：/sfj/apply/mediation/'));
    expect(page).not.toMatch(/<script|style="|\son[a-z]+="/);
    // Only the shell's own styles, whose hashes the build wrote (src/lib/http/csp.ts).
    expect(inlineStyles(page)).toEqual(inlineStyles(shells.sections.apply));
  });
  it('never reads what a page contains as a shell marker', () => {
    const page = String(
      pageShell(shells).render({
        title: '@@shell-report@@<!--shell-body-->',
        path: '/stats/',
        section: 'none',
        breadcrumbs: [{ label: '<!--shell-qr-->' }],
        body: safeHtml`${'@@shell-title@@'}<p>正文</p>`,
      }),
    );
    expect(page.split('@@shell-title@@').length).toBe(2);
    expect(page).toContain('&lt;!--shell-body--&gt;');
    expect(page).toContain('<p>正文</p>');
  });
  it('offers every town of the towns list, and nothing else', async () => {
    const { TOWNS } = await import('../../src/lib/towns.ts');
    const form = String(renderForm(mediationForm, {}, { base: '/' }));
    for (const t of TOWNS) expect(form).toContain(`<option value="${t.id}">${t.name}</option>`);
    expect(form.match(/<select[^>]*id="f-town"[\s\S]*?<\/select>/)![0].match(/<option/g)!.length).toBe(
      TOWNS.length + 1,
    );
  });
});

describe('eligibility check', () => {
  it('leads every answer to a step that exists', () => {
    for (const s of CHECK_STEPS)
      for (const a of s.answers ?? []) expect(stepByPath(a.next), `${s.path} → ${a.next}`).toBeDefined();
  });
  it('reaches every result from the first question, and every question has answers or is a result', () => {
    const seen = new Set<string>();
    const visit = (p: string) => {
      if (seen.has(p)) return;
      seen.add(p);
      for (const a of stepByPath(p)!.answers ?? []) visit(a.next);
    };
    visit('');
    expect([...seen].sort()).toEqual(CHECK_STEPS.map((s) => s.path).sort());
    for (const s of CHECK_STEPS) expect(!!s.verdict !== !!s.answers?.length, s.path).toBe(true);
  });
  it('has a back link on every step but the first', () => {
    for (const s of CHECK_STEPS.filter((x) => x.path)) expect(stepByPath(s.back ?? 'missing'), s.path).toBeDefined();
  });
});

describe('the amount the hardship standard compares with', () => {
  // A made-up figure for the arithmetic (中山's published 2022 figure and line: 62196 元 → 2592 元/月).
  const figure = (year: number, annual = 62196): IncomeFigure => ({
    year,
    annual,
    source: `${year}年示例市国民经济和社会发展统计公报`,
    publisher: '示例市统计局',
    published: new Date(`${year + 1}-03-31T00:00:00Z`),
  });

  it('takes the newest year, per month and half of it, rounded to the yuan', () => {
    const s = incomeStandard([figure(2023, 50000), figure(2025), figure(2024, 60000)], '2026-12-06');
    expect(s).toMatchObject({ figure: { year: 2025 }, monthly: 5183, half: 2592, current: true });
  });

  it('says the figure, the two lines and the source with its date', () => {
    const t = incomeStandardText(incomeStandard([figure(2025)], '2026-12-06'));
    expect(t.amounts.join()).toContain(
      '2025年城镇常住居民人均可支配收入是 62196 元，平均每月约 5183 元，一半是每月约 2592 元',
    );
    expect(t.amounts.join()).toContain('低于约 2592 元（开支大的家庭，低于约 5183 元）');
    expect(t.source).toBe('数字来源：《2025年示例市国民经济和社会发展统计公报》，示例市统计局，2026年3月31日发布。');
  });

  it('says when the newest figure is older than last year', () => {
    const s = incomeStandard([figure(2024)], '2026-12-06');
    expect(s?.current).toBe(false);
    expect(incomeStandardText(s).amounts.join()).toContain('这是2024年的数字，2025年的数字公布后，标准会随之调整');
  });

  it('without an official figure, states no amount and says whom to ask', () => {
    expect(incomeStandard([], '2026-12-06')).toBeUndefined();
    const t = incomeStandardText(undefined);
    expect(t.source).toBeUndefined();
    expect(t.amounts.join()).toContain('本站还没有核实到官方公布的数字');
    expect(t.amounts.join()).toContain('12348');
    expect(t.amounts.join()).toContain('0750-5524538');
    expect(t.amounts.join()).not.toMatch(/\d+ ?元/);
  });
});

describe('legal citations in the application copy', () => {
  const index = loadLawIndex(join(root, 'content', 'laws'));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  const sources = [
    ...files(join(root, 'src', 'lib', 'forms')),
    ...files(join(root, 'src', 'lib', 'requests')),
    ...files(join(root, 'src', 'pages', 'apply')),
    ...files(join(root, 'src', 'components', 'ProcessingNotice')),
  ].filter((f) => /\.(ts|astro)$/.test(f));
  it.each(sources.map((f) => [f.slice(root.length + 1), f]))('%s cites only articles we hold', (_name, file) => {
    const { errors } = resolveText(index, readFileSync(file, 'utf8'));
    expect(errors).toEqual([]);
  });
  it('finds the citations it checks', () => {
    const total = sources.reduce((n, f) => n + resolveText(index, readFileSync(f, 'utf8')).resolved.length, 0);
    expect(total).toBeGreaterThan(30);
  });
});

describe('keyed hashes', () => {
  const secret = 'unit-test-secret-unit-test-secret-0000';
  it(
    'keeps the phone as a slow salted hash per record, found however the phone was written',
    { timeout: 60_000 },
    async () => {
      const a = await phoneCheck(secret, '0750-5524538');
      const b = await phoneCheck(secret, '07505524538');
      // A fresh salt per record: the same phone gives different values, so records cannot be linked by it.
      expect(a).not.toBe(b);
      expect(a).toMatch(/^s1\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      expect(await phoneMatches(secret, '07505524538', a)).toBe(true);
      expect(await phoneMatches(secret, '0750 552 4538', b)).toBe(true);
      const mobile = await phoneCheck(secret, '138 0013 8000');
      expect(await phoneMatches(secret, '13800138000', mobile)).toBe(true);
      expect(await phoneMatches(secret, '13800138001', mobile)).toBe(false);
      // Without the secret nothing matches; a purged record ('') and malformed values never match.
      expect(await phoneMatches('another-secret-another-secret-00000', '13800138000', mobile)).toBe(false);
      expect(await phoneMatches(secret, '13800138000', '')).toBe(false);
      expect(await phoneMatches(secret, '13800138000', 's1$1$1$1$x$y')).toBe(false);
    },
  );
  it('costs a measurable time per guess (scrypt N = 2^14, r = 8)', async () => {
    const started = performance.now();
    await phoneCheck(secret, '13800138000');
    expect(performance.now() - started).toBeGreaterThan(10);
  });
  it('derives the same receipt candidates and withdraw secret for the same key, different ones otherwise', () => {
    const at = new Date('2026-11-27T01:00:00Z');
    const a = receiptCandidates(secret, 'legal-aid', 'h1', at);
    expect(a).toEqual(receiptCandidates(secret, 'legal-aid', 'h1', at));
    expect(new Set(a).size).toBe(a.length);
    expect(a[0]).toMatch(/^FY-20261127(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(receiptCandidates(secret, 'legal-aid', 'h2', at)[0]).not.toBe(a[0]);
    expect(withdrawToken(secret, 'h1')).toBe(withdrawToken(secret, 'h1'));
    expect(withdrawToken(secret, 'h1')).not.toBe(withdrawToken(secret, 'h2'));
  });
  it('hashes content independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });
});

/** An in-memory store with the database's semantics that matter: insert if the slot is free, update if the version matches. */
function memoryStore() {
  const bySlot = new Map<string, { record: ApplicationRecord; version: number }>();
  const store: ApplicationStore = {
    async getRecord(receipt) {
      const r = bySlot.get(receiptSlot(receipt));
      return r ? { ...structuredClone(r), verified: true } : null;
    },
    async createRecord(record) {
      if (bySlot.has(receiptSlot(record.receipt))) return { written: false };
      bySlot.set(receiptSlot(record.receipt), { record: structuredClone(record), version: 1 });
      return { written: true };
    },
    async replaceRecord(record, version) {
      const cur = bySlot.get(receiptSlot(record.receipt));
      if (cur?.version !== version) return { written: false };
      bySlot.set(receiptSlot(record.receipt), { record: structuredClone(record), version: version + 1 });
      return { written: true };
    },
  };
  /** Records by receipt, for assertions. */
  const records = {
    get: (receipt: string) => bySlot.get(receiptSlot(receipt)),
    get size() {
      return bySlot.size;
    },
    values: () => bySlot.values(),
    set: (receipt: string, v: { record: ApplicationRecord; version: number }) => bySlot.set(receiptSlot(receipt), v),
  };
  return { store, records };
}

describe('submit, look up, withdraw, correct', () => {
  const secret = 'unit-test-secret-unit-test-secret-0000';
  let clock = new Date('2026-11-27T01:00:00Z');
  const deps = (store: ApplicationStore): ServiceDeps => ({ store, secret, sealer: plainSealer, now: () => clock });
  const deadline = () => new Deadline(1000, 500);
  const app = (): Application => {
    const r = parseLegalAid(legalAidSelf());
    if (!r.ok) throw new Error('fixture invalid');
    return { formType: 'legal-aid', data: r.data };
  };
  const key = 'key-aaaaaaaaaaaaaaaaaaaa';

  it('stores plaintext metadata apart from the personal data, with no phone or id in it', async () => {
    const { store, records } = memoryStore();
    const r = await submit(deps(store), deadline(), app(), key);
    expect(r.kind).toBe('created');
    const rec = [...records.values()][0]!.record;
    expect(rec).toMatchObject({
      schemaVersion: 1,
      formType: 'legal-aid',
      status: { current: '已收到' },
      meta: { town: 'taicheng', category: 'labour', corrections: 0 },
    });
    expect(rec.personal).toMatchObject({ encoding: 'plain', data: { facts: expect.stringContaining(HTML_PAYLOAD) } });
    const plain = JSON.stringify({ ...rec, personal: undefined });
    expect(plain).not.toContain('13800138000');
    expect(plain).not.toContain('陈大文');
    expect(plain).not.toContain((app().data as { idNumber: string }).idNumber);
  });
  it('returns the same receipt for a retry, and 409 material for the same key with other content', async () => {
    const { store, records } = memoryStore();
    const a = await submit(deps(store), deadline(), app(), key);
    const b = await submit(deps(store), deadline(), app(), key);
    expect(b).toMatchObject({ kind: 'duplicate', receipt: (a as { receipt: string }).receipt });
    const other = app();
    (other.data as { facts: string }).facts = '完全不同的内容，用同一个提交编号再提交一次看看。';
    expect(await submit(deps(store), deadline(), other, key)).toEqual({
      kind: 'conflict',
      receipt: (a as { receipt: string }).receipt,
    });
    expect(records.size).toBe(1);
  });
  it('answers a retry after midnight with the first receipt, dated the first day', async () => {
    const { store, records } = memoryStore();
    const a = (await submit(deps(store), deadline(), app(), key)) as { receipt: string };
    clock = new Date(clock.getTime() + 24 * 3600_000);
    const b = await submit(deps(store), deadline(), app(), key);
    clock = new Date('2026-11-27T01:00:00Z');
    expect(b).toMatchObject({ kind: 'duplicate', receipt: a.receipt });
    expect(records.size).toBe(1);
  });
  it('does not find a record under the right code with the wrong date', async () => {
    const { store } = memoryStore();
    const a = (await submit(deps(store), deadline(), app(), key)) as { receipt: string };
    const otherDay = a.receipt.replace(/-\d{8}-/, '-20200101-');
    expect(await lookup(deps(store), deadline(), otherDay, '13800138000')).toBeNull();
    expect(await lookup(deps(store), deadline(), a.receipt, '13800138000')).not.toBeNull();
  });
  it('moves to the next receipt candidate when another application holds the first', async () => {
    const { store, records } = memoryStore();
    const first = await submit(deps(store), deadline(), app(), 'other-key-bbbbbbbbbbbbbbb');
    // Make the first candidate of `key` look taken by that other application.
    const { idempotencyHash } = await import('../../src/lib/requests/keys.ts');
    const wanted = receiptCandidates(secret, 'legal-aid', idempotencyHash(secret, 'legal-aid', key), clock)[0]!;
    const taken = structuredClone(records.get((first as { receipt: string }).receipt)!);
    taken.record.receipt = wanted;
    records.set(wanted, taken);
    const r = await submit(deps(store), deadline(), app(), key);
    expect(r.kind).toBe('created');
    expect((r as { receipt: string }).receipt).not.toBe(wanted);
  });
  it('finds the record only with the right phone', async () => {
    const { store } = memoryStore();
    const r = (await submit(deps(store), deadline(), app(), key)) as { receipt: string };
    expect(await lookup(deps(store), deadline(), r.receipt, '138-0013-8000')).not.toBeNull();
    expect(await lookup(deps(store), deadline(), r.receipt, '13900139000')).toBeNull();
    expect(await lookup(deps(store), deadline(), 'FY-20261127-ZZZZ-ZZZZ-ZZZZ', '13800138000')).toBeNull();
  });
  it('withdraws within 10 minutes with the secret, deleting the personal data; not after, not without it', async () => {
    const { store, records } = memoryStore();
    const r = (await submit(deps(store), deadline(), app(), key)) as { receipt: string; token: string };
    expect(await withdraw(deps(store), deadline(), r.receipt, 'wrong-token')).toEqual({ kind: 'not-found' });
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect(await withdraw(deps(store), deadline(), r.receipt, r.token)).toEqual({ kind: 'expired' });
    clock = new Date(clock.getTime() - 11 * 60_000 + 9 * 60_000);
    const w = await withdraw(deps(store), deadline(), r.receipt, r.token);
    expect(w.kind).toBe('ok');
    const rec = records.get(r.receipt)!.record;
    expect(rec.personal).toBeNull();
    expect(rec.status.current).toBe('已撤回');
    expect(rec.status.history.at(-1)).toMatchObject({ status: '已撤回', by: 'applicant' });
    expect((await withdraw(deps(store), deadline(), r.receipt, r.token)).kind).toBe('ok');
    clock = new Date('2026-11-27T01:00:00Z');
  });
  it('corrects within 10 minutes: content replaced, receipt kept, history noted', async () => {
    const { store, records } = memoryStore();
    const r = (await submit(deps(store), deadline(), app(), key)) as { receipt: string; token: string };
    const m = parseMediation(mediation());
    if (!m.ok) throw new Error('fixture invalid');
    expect(await correct(deps(store), deadline(), { formType: 'mediation', data: m.data }, r.receipt, r.token)).toEqual(
      { kind: 'not-found' },
    );
    const changed = app();
    (changed.data as { town: string }).town = 'baisha';
    const c = await correct(deps(store), deadline(), changed, r.receipt, r.token);
    expect(c.kind).toBe('ok');
    const rec = records.get(r.receipt)!.record;
    expect(rec.meta).toMatchObject({ town: 'baisha', corrections: 1 });
    expect(rec.status.history.at(-1)?.note).toMatch(/更正/);
    // The same correction again changes nothing.
    await correct(deps(store), deadline(), changed, r.receipt, r.token);
    expect(records.get(r.receipt)!.record.meta.corrections).toBe(1);
  });
  it('turns a slow store into StoreUnavailableError within the deadline', async () => {
    const { store } = memoryStore();
    const slow: ApplicationStore = { ...store, createRecord: () => new Promise(() => {}) };
    const started = Date.now();
    await expect(submit(deps(slow), new Deadline(300, 200), app(), key)).rejects.toBeInstanceOf(StoreUnavailableError);
    // The deadline counts from before the phone's slow hash, which a loaded machine may take a while over.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
