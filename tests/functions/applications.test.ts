/**
 * The application functions, called in-process against an in-memory Postgres
 * with the real migrations (support/database.ts):
 * every status code, both ways in (JSON and forms without JavaScript),
 * idempotency under concurrency, a dead or hanging store, status lookup,
 * withdraw and correct, and what reaches the logs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import apply, { config as applyConfig } from '../../functions/apply.mts';
import statusFn, { config as statusConfig } from '../../functions/status.mts';
import withdrawFn, { config as withdrawConfig } from '../../functions/withdraw.mts';
import { depsFor } from '../../functions/_shared/deps.ts';
import { guarded } from '../../functions/_shared/guarded.ts';
import { handleApplication, handleStatus } from '../../src/lib/requests/handlers/index.ts';
import type { ApplicationRecord } from '../../src/lib/requests/record.ts';
import { requestStore } from '../../src/lib/store/requests.ts';
import { REQUEST_TYPES } from '../../src/lib/requests/registry.ts';
import { requestPaths } from '../../src/lib/requests/types.ts';

/** One function serves every kind of request (functions/apply.mts): the posts and the confirmation pages. */
const legalAid = apply;
const mediationFn = apply;
const doneFn = apply;

import {
  HTML_PAYLOAD,
  legalAidForOther,
  legalAidSelf,
  makeId,
  mediation,
  mediationFromAbroad,
} from '../fixtures/applications.ts';
import { pointAtDeadDatabase, pointAtHangingDatabase, useDatabase } from './support/database.ts';
import { openRecord } from './support/keys.ts';
import { routes } from './support/routes.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';

type Fn = (req: Request, ctx: never) => Promise<Response>;
const ctx = { requestId: 'test-request', deploy: { context: 'dev', id: 'test-deploy' } } as never;
const ORIGIN = 'http://localhost:8888';

const { sql } = useDatabase();
let logs: string[] = [];
let keyCounter = 0;
const newKey = () => `test-key-${Date.now()}-${++keyCounter}-aaaaaaaa`;

beforeEach(() => {
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
});

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function postForm(path: string, values: FormValues, headers: Record<string, string> = {}): Request {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: p.toString(),
  });
}

const call = (fn: unknown, req: Request) => (fn as Fn)(req, ctx);

async function record(receipt: string): Promise<ApplicationRecord> {
  const found = await requestStore(depsFor(ctx).secret).getRecord(receipt);
  if (!found || found.record.receipt !== receipt) throw new Error(`no record ${receipt}`);
  return found.record;
}

const countRecords = async () =>
  (await sql().query<{ n: number }>('SELECT count(*)::int AS n FROM requests')).rows[0]!.n;

/** The personal half, decrypted with the test bureau key as the staff desk would (it is stored sealed). */
async function personal(rec: ApplicationRecord): Promise<Record<string, string>> {
  return (await openRecord(rec)) as Record<string, string>;
}

async function submitJson(values: FormValues = legalAidSelf(), key = newKey()) {
  const res = await call(legalAid, postJson('/api/legal-aid', { ...values, _key: key }));
  return { res, body: (await res.json()) as Record<string, string> };
}

describe('configuration', () => {
  it('routes each function to its path, rate-limited per address', () => {
    for (const t of REQUEST_TYPES) {
      expect(routes(applyConfig, requestPaths(t.id).api)).toBe(true);
      expect(routes(applyConfig, requestPaths(t.id).done)).toBe(true);
    }
    expect(statusConfig.path).toBe('/api/status');
    expect(withdrawConfig.path).toBe('/api/withdraw');
    for (const path of ['/api/status', '/api/withdraw', '/api/staff/session'])
      expect(routes(applyConfig, path)).toBe(false);
    for (const c of [applyConfig, statusConfig, withdrawConfig]) {
      expect(c.rateLimit).toMatchObject({ windowSize: 60, aggregateBy: ['ip', 'domain'] });
      expect(c.rateLimit!.windowLimit).toBeLessThanOrEqual(60);
    }
  });
});

describe('checks before anything else', () => {
  it.each([
    ['legal-aid', legalAid, '/api/legal-aid'],
    ['mediation', mediationFn, '/api/mediation'],
    ['status', statusFn, '/api/status'],
    ['withdraw', withdrawFn, '/api/withdraw'],
  ])('%s: 405 for GET, with Allow', async (_n, fn, path) => {
    const res = await call(fn, new Request(ORIGIN + path));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.headers.get('x-correlation-id')).toBe('test-request');
  });
  it('405 for a post to the confirmation page', async () => {
    expect((await call(doneFn, new Request(`${ORIGIN}/apply/legal-aid/done/`, { method: 'POST' }))).status).toBe(405);
  });
  it.each(['text/plain', 'multipart/form-data; boundary=x', ''])('415 for content type %j', async (type) => {
    const res = await call(
      legalAid,
      new Request(`${ORIGIN}/api/legal-aid`, {
        method: 'POST',
        headers: type ? { 'Content-Type': type } : {},
        body: 'name=x',
      }),
    );
    expect(res.status).toBe(415);
  });
  it('413 for a body over 32 KB, by its declared length', async () => {
    const res = await call(legalAid, postJson('/api/legal-aid', { facts: 'x'.repeat(40_000) }));
    expect(res.status).toBe(413);
  });
  it('413 for a streamed body over 32 KB that declares no length', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(8192));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 10) c.enqueue(chunk);
        else c.close();
      },
    });
    const req = new Request(`${ORIGIN}/api/legal-aid`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(req.headers.get('content-length')).toBeNull();
    const res = await call(legalAid, req);
    expect(res.status).toBe(413);
  });
  it('413 as a page for a form without JavaScript', async () => {
    const res = await call(mediationFn, postForm('/api/mediation', { facts: 'x'.repeat(40_000) }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<title>错误：/);
  });
  it('403 for a form posted from another site', async () => {
    const res = await call(legalAid, postForm('/api/legal-aid', legalAidSelf(), { 'Sec-Fetch-Site': 'cross-site' }));
    expect(res.status).toBe(403);
  });
  it('400 for broken JSON', async () => {
    const res = await call(
      legalAid,
      new Request(`${ORIGIN}/api/legal-aid`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad-json' });
  });
});

describe('validation', () => {
  it('400 with field errors in JSON', async () => {
    const res = await call(
      legalAid,
      postJson('/api/legal-aid', { ...legalAidSelf(), idNumber: '123', _key: newKey() }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([{ field: 'idNumber', message: expect.stringMatching(/18位/) }]);
  });
  it('400 with an accessible page for a form without JavaScript: title, summary links, every value kept and escaped', async () => {
    const values = { ...mediation(), name: '<b>李</b>', phone: '5524538', request: '' };
    const res = await call(mediationFn, postForm('/api/mediation', values));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<title>错误：人民调解申请（有 3 处需要修改）/);
    expect(html).toMatch(/<div class="error-summary"[^>]*autofocus/);
    for (const f of ['name', 'phone', 'request']) expect(html).toContain(`<a href="#f-${f}">`);
    expect(html).toContain('value="&lt;b&gt;李&lt;/b&gt;"');
    expect(html).toContain('value="5524538"');
    expect(html).toContain('value="隔壁的陈伯"');
    expect(html).toMatch(/<input id="f-otherWilling-2"[^>]*value="unknown" checked/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain(HTML_PAYLOAD);
    expect(html).toContain('快速离开');
    expect(html).toContain('<form class="apply-form" method="post" action="/api/mediation"');
  });
  it('refuses a filled honeypot and stores nothing', async () => {
    const before = await countRecords();
    const res = await call(
      legalAid,
      postJson('/api/legal-aid', { ...legalAidSelf(), homepage: 'http://spam.example', _key: newKey() }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'rejected' });
    expect(await countRecords()).toBe(before);
  });
  it('asks for the idempotency key with JSON', async () => {
    const res = await call(legalAid, postJson('/api/legal-aid', { ...legalAidSelf(), _key: 'short' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: '_key' }] });
  });
});

describe('submitting with JavaScript (JSON)', () => {
  it('201 with a receipt; the record has a schema version, timestamps, status history, hashes and the personal half', async () => {
    const { res, body } = await submitJson();
    expect(res.status).toBe(201);
    expect(body.receipt).toMatch(/^FY-\d{8}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(body.withdrawToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const rec = await record(body.receipt!);
    expect(rec).toMatchObject({
      schemaVersion: 1,
      receipt: body.receipt,
      formType: 'legal-aid',
      status: { current: '已收到', history: [{ status: '已收到', by: 'system' }] },
      meta: { town: 'taicheng', category: 'labour', corrections: 0 },
      personal: { encoding: 'ecdh-p256-aes256gcm', v: 1, kid: JSON.parse(process.env.APPLICATIONS_PUBLIC_KEY!).kid },
    });
    expect(await personal(rec)).toMatchObject({ name: '陈大文', phone: '13800138000' });
    expect(rec.meta.phoneCheck).toMatch(/^s1\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(Date.parse(rec.meta.withdrawUntil) - Date.parse(rec.createdAt)).toBe(600_000);
  });
  it('stores HTML and script payloads verbatim, as data (inside the sealed half)', async () => {
    const { body } = await submitJson();
    expect((await personal(await record(body.receipt!))).facts).toContain(HTML_PAYLOAD);
  });
  it('keeps the phone and id number out of the plaintext half', async () => {
    const { body } = await submitJson(legalAidForOther());
    const rec = await record(body.receipt!);
    const plain = JSON.stringify({ ...rec, personal: null });
    for (const s of ['0750-5524538', '07505524538', makeId('19990909', '317'), '陈小明', '买买提'])
      expect(plain).not.toContain(s);
  });
  it('answers a retry with the same receipt (200), and the same key with other content with 409', async () => {
    const key = newKey();
    const a = await submitJson(legalAidSelf(), key);
    const b = await submitJson(legalAidSelf(), key);
    expect(b.res.status).toBe(200);
    expect(b.body.receipt).toBe(a.body.receipt);
    expect(b.body.withdrawToken).toBe(a.body.withdrawToken);
    const c = await submitJson({ ...legalAidSelf(), facts: '这是另一份完全不同的事情经过，内容不一样。' }, key);
    expect(c.res.status).toBe(409);
    expect(c.body.receipt).toBe(a.body.receipt);
  });
  it('makes one record of 20 concurrent identical submissions, and gives all 20 the same receipt', async () => {
    const key = newKey();
    const before = await countRecords();
    const results = await Promise.all(Array.from({ length: 20 }, () => submitJson(legalAidSelf(), key)));
    expect(await countRecords()).toBe(before + 1);
    expect(new Set(results.map((r) => r.body.receipt)).size).toBe(1);
    expect(results[0]!.body.receipt).toMatch(/^FY-/);
    expect(results.filter((r) => r.res.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.res.status === 200 || r.res.status === 201)).toBe(true);
  });
  it('creates different receipts for different keys', async () => {
    const a = await submitJson();
    const b = await submitJson();
    expect(a.body.receipt).not.toBe(b.body.receipt);
  });
  it('accepts mediation requests under TJ- receipts', async () => {
    const res = await call(mediationFn, postJson('/api/mediation', { ...mediation(), _key: newKey() }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { receipt: string };
    expect(body.receipt).toMatch(/^TJ-/);
    expect((await record(body.receipt)).meta).toMatchObject({ town: 'duhu', category: 'neighbour' });
  });
});

describe('submitting without JavaScript (forms)', () => {
  it('check → edit → check → confirm → 303 to the confirmation page, with the withdraw cookie', async () => {
    const values = legalAidSelf();
    // 1. First post: the check-your-answers page, with a server-made key and every value in hidden fields.
    const check = await call(legalAid, postForm('/api/legal-aid', { ...values, _step: 'check' }));
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toMatch(/<title>核对法律援助申请/);
    const key = html.match(/name="_key" value="([^"]+)"/)![1]!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(html).toContain('<input type="hidden" name="name" value="陈大文">');
    expect(html).toContain('<input type="hidden" name="exemptions" value="migrant-worker">');
    expect(html).toContain('formaction="/api/legal-aid#f-address"');
    // 2. A “修改” button: the form again, values and key kept.
    const edit = await call(legalAid, postForm('/api/legal-aid', { ...values, _key: key, _edit: 'address' }));
    expect(edit.status).toBe(200);
    const editHtml = await edit.text();
    expect(editHtml).toContain('value="台城街道某某路12号"');
    expect(editHtml).toContain(`name="_key" value="${key}"`);
    // 3. Confirm.
    const done = await call(
      legalAid,
      postForm('/api/legal-aid', { ...values, address: '台城街道某某路14号', _key: key, _step: 'submit' }),
    );
    expect(done.status).toBe(303);
    const location = done.headers.get('location')!;
    expect(location).toMatch(/^\/apply\/legal-aid\/done\/\?receipt=FY-\d{8}(-[0-9A-Z]{4}){3}$/);
    const cookie = done.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ts_withdraw=FY-[^;]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Strict$/);
    const receipt = location.split('receipt=')[1]!;
    expect((await personal(await record(receipt))).address).toBe('台城街道某某路14号');
    // 4. Pressing confirm twice gives the same receipt.
    const again = await call(
      legalAid,
      postForm('/api/legal-aid', { ...values, address: '台城街道某某路14号', _key: key, _step: 'submit' }),
    );
    expect(again.headers.get('location')).toBe(location);
    // 5. The confirmation page, with and without the cookie.
    const page = await call(doneFn, new Request(ORIGIN + location, { headers: { Cookie: cookie.split(';')[0]! } }));
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain(receipt);
    expect(pageHtml).toContain('需要撤回或者更正');
    expect(pageHtml).toContain(
      '<button type="submit" class="button button--secondary" name="action" value="withdraw">撤回申请</button>',
    );
    expect(pageHtml).toContain('7日内');
    const plain = await (await call(doneFn, new Request(ORIGIN + location))).text();
    expect(plain).toContain(receipt);
    expect(plain).not.toContain('需要撤回或者更正');
  });
  it('takes a call-back time on the caller’s own clock: asked for when missing, shown as chosen, sealed', async () => {
    // A caller in New York who chose the zone but no time: the form again, with the question's error.
    const missing = await call(
      mediationFn,
      postForm('/api/mediation', { ...mediationFromAbroad(), callbackWindow: undefined, _step: 'check' }),
    );
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('<a href="#f-callbackWindow">');
    expect(missingHtml).toContain('<option value="America/New_York" selected>美国东部（纽约）</option>');
    // With a time: the check step shows it as chosen, and carries it in hidden fields.
    const check = await call(mediationFn, postForm('/api/mediation', { ...mediationFromAbroad(), _step: 'check' }));
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('美国东部（纽约）');
    expect(html).toContain('上午（9点到12点）');
    expect(html).toContain('<input type="hidden" name="callbackZone" value="America/New_York">');
    const key = html.match(/name="_key" value="([^"]+)"/)![1]!;
    const done = await call(
      mediationFn,
      postForm('/api/mediation', { ...mediationFromAbroad(), _key: key, _step: 'submit' }),
    );
    expect(done.status).toBe(303);
    const rec = await record(done.headers.get('location')!.split('receipt=')[1]!);
    const sealed = await personal(rec);
    expect([sealed.callbackZone, sealed.callbackWindow]).toEqual(['America/New_York', 'morning']);
    // Like the phone, never in the plaintext half.
    const plain = JSON.stringify({ ...rec, personal: null });
    for (const s of ['America/New_York', 'callback', 'morning']) expect(plain).not.toContain(s);
  });
  it('404 on the confirmation page for a missing or mismatched receipt', async () => {
    expect((await call(doneFn, new Request(`${ORIGIN}/apply/legal-aid/done/?receipt=<script>`))).status).toBe(404);
    expect((await call(doneFn, new Request(`${ORIGIN}/apply/mediation/done/?receipt=FY-20261127-7K3Q9P`))).status).toBe(
      404,
    );
  });
  it('keeps every value on the page when the store fails at confirmation (503)', async () => {
    const hanging = await pointAtHangingDatabase();
    const deps = { ...depsFor(undefined), deadlineMs: 400, perCallMs: 300 };
    const started = Date.now();
    const res = await handleApplication(
      'mediation',
      postForm('/api/mediation', { ...mediation(), _key: newKey(), _step: 'submit' }),
      deps,
      'cid',
    );
    expect(Date.now() - started).toBeLessThan(1500);
    await hanging.close();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    const html = await res.text();
    expect(html).toMatch(/<title>错误：暂时无法提交/);
    expect(html).toContain('<input type="hidden" name="otherName" value="隔壁的陈伯">');
    expect(html).toContain('name="_step" value="submit"');
  });
});

describe('a dead or hanging store', () => {
  it('503 with Retry-After, at once, when nothing listens', async () => {
    await pointAtDeadDatabase();
    const started = Date.now();
    const { res, body } = await submitJson();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(body.error).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(3000);
  });
  it('503 within the deadline when the store accepts and never answers', async () => {
    const hanging = await pointAtHangingDatabase();
    const deps = { ...depsFor(undefined), deadlineMs: 500, perCallMs: 400 };
    const started = Date.now();
    const res = await handleApplication(
      'legal-aid',
      postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }),
      deps,
      'cid',
    );
    const elapsed = Date.now() - started;
    const status = await handleStatus(
      postJson('/api/status', { receipt: 'FY-20261127-7K3Q9P', phone: '13800138000' }),
      deps,
      'cid',
    );
    await hanging.close();
    expect(res.status).toBe(503);
    expect(elapsed).toBeLessThan(1000);
    expect(status.status).toBe(503);
  });
  it('the default deadline answers within 6 seconds', async () => {
    const hanging = await pointAtHangingDatabase();
    const started = Date.now();
    const { res } = await submitJson();
    await hanging.close();
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(6500);
  }, 10_000);
  it('a deployed site without APPLICATIONS_SECRET refuses (503) rather than use the development secret', async () => {
    const res = await (legalAid as Fn)(postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }), {
      requestId: 'x',
      deploy: { context: 'production', id: 'p' },
    } as never);
    expect(res.status).toBe(503);
  });
});

describe('status lookup', () => {
  it('finds the status and history with receipt and phone, however they are typed; no personal data', async () => {
    const { body } = await submitJson();
    const res = await call(
      statusFn,
      postJson('/api/status', { receipt: body.receipt!.toLowerCase().replace(/-/g, ' '), phone: '138-0013-8000' }),
    );
    expect(res.status).toBe(200);
    const view = (await res.json()) as Record<string, unknown>;
    expect(view).toMatchObject({
      receipt: body.receipt,
      formType: 'legal-aid',
      current: '已收到',
      history: [{ status: '已收到' }],
    });
    expect(JSON.stringify(view)).not.toMatch(/陈大文|13800138000|台城街道/);
  });
  it('answers a wrong phone exactly like an unknown receipt', async () => {
    const { body } = await submitJson();
    const wrong = await call(statusFn, postJson('/api/status', { receipt: body.receipt, phone: '13900139000' }));
    const unknown = await call(
      statusFn,
      postJson('/api/status', { receipt: 'FY-20200101-ZZZZZZ', phone: '13800138000' }),
    );
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
    const headers = (r: Response) => [...r.headers].filter(([k]) => k !== 'x-correlation-id');
    expect(headers(wrong)).toEqual(headers(unknown));
    // And as pages without JavaScript, where the typed values are shown back.
    const a = await (
      await call(statusFn, postForm('/api/status', { receipt: body.receipt!, phone: '13900139000' }))
    ).text();
    const b = await (
      await call(statusFn, postForm('/api/status', { receipt: body.receipt!, phone: '13900139000' }))
    ).text();
    expect(a).toBe(b);
    expect(a).toContain('没有找到这份申请');
  });
  it('400 for a malformed receipt or phone, JSON and page', async () => {
    const res = await call(statusFn, postJson('/api/status', { receipt: 'abc', phone: '' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'receipt',
      'phone',
    ]);
    const page = await call(statusFn, postForm('/api/status', { receipt: 'abc', phone: '123' }));
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/<title>错误：查询办理进度/);
  });
  it('shows the status as a page without JavaScript', async () => {
    const { body } = await submitJson();
    const res = await call(statusFn, postForm('/api/status', { receipt: body.receipt!, phone: '13800138000' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<strong class="status-tag">已收到</strong>');
  });
});

describe('withdraw and correct within 10 minutes', () => {
  it('withdraws with the secret: status 已撤回, personal data deleted, visible on the status page', async () => {
    const { body } = await submitJson();
    const res = await call(withdrawFn, postJson('/api/withdraw', { receipt: body.receipt, token: body.withdrawToken }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ receipt: body.receipt, status: '已撤回' });
    const rec = await record(body.receipt!);
    expect(rec.personal).toBeNull();
    expect(rec.status.current).toBe('已撤回');
    const status = await call(statusFn, postJson('/api/status', { receipt: body.receipt, phone: '13800138000' }));
    expect(((await status.json()) as { current: string }).current).toBe('已撤回');
    // Twice is fine.
    expect(
      (await call(withdrawFn, postJson('/api/withdraw', { receipt: body.receipt, token: body.withdrawToken }))).status,
    ).toBe(200);
  });
  it('answers a wrong secret like an unknown receipt (404)', async () => {
    const { body } = await submitJson();
    const wrong = await call(withdrawFn, postJson('/api/withdraw', { receipt: body.receipt, token: 'x'.repeat(32) }));
    const unknown = await call(
      withdrawFn,
      postJson('/api/withdraw', { receipt: 'FY-20200101-ZZZZZZ', token: body.withdrawToken }),
    );
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
    expect((await record(body.receipt!)).status.current).toBe('已收到');
  });
  it('answers a withdrawn application’s key posted again with “已撤回”, never 200 “申请已提交” (JSON, and the form’s confirm after Back)', async () => {
    const key = newKey();
    const first = await submitJson(legalAidSelf(), key);
    const out = await call(
      withdrawFn,
      postJson('/api/withdraw', { receipt: first.body.receipt, token: first.body.withdrawToken }),
    );
    expect(out.status).toBe(200);
    const again = await submitJson(legalAidSelf(), key);
    expect(again.res.status).toBe(410);
    expect(again.body).toMatchObject({ error: 'withdrawn', receipt: first.body.receipt, status: '已撤回' });
    // Without JavaScript: the check page's “确认提交” (or the retry page's) posted again after Back.
    const form = await call(legalAid, postForm('/api/legal-aid', { ...legalAidSelf(), _key: key, _step: 'submit' }));
    expect(form.status).toBe(410);
    const page = await form.text();
    expect(page).toContain('<h1>申请已撤回</h1>');
    expect(page).toContain(first.body.receipt!);
    expect(page).not.toContain('申请已提交');
    expect(form.headers.get('set-cookie')).toBeNull();
    expect(await countRecords()).toBe(1);
  });
  it('410 after the 10 minutes', async () => {
    const { body } = await submitJson();
    const later = { ...depsFor(undefined), now: () => new Date(Date.now() + 11 * 60_000) };
    const { handleWithdraw } = await import('../../src/lib/requests/handlers/index.ts');
    const res = await handleWithdraw(
      postJson('/api/withdraw', { receipt: body.receipt, token: body.withdrawToken }),
      later,
      'cid',
    );
    expect(res.status).toBe(410);
    expect((await record(body.receipt!)).status.current).toBe('已收到');
  });
  it('withdraws without JavaScript with the cookie, and clears it', async () => {
    const key = newKey();
    const done = await call(mediationFn, postForm('/api/mediation', { ...mediation(), _key: key, _step: 'submit' }));
    const cookie = done.headers.get('set-cookie')!.split(';')[0]!;
    const receipt = done.headers.get('location')!.split('receipt=')[1]!;
    const noCookie = await call(withdrawFn, postForm('/api/withdraw', { receipt, action: 'withdraw' }));
    expect(noCookie.status).toBe(404);
    const res = await call(withdrawFn, postForm('/api/withdraw', { receipt, action: 'withdraw' }, { Cookie: cookie }));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^ts_withdraw=; Max-Age=0/);
    expect(await res.text()).toContain('申请已撤回');
    expect((await record(receipt)).personal).toBeNull();
  });
  it('corrects with JSON: same receipt, new content, history noted; refused with a wrong secret or another form type', async () => {
    const { body } = await submitJson();
    const changed = { ...legalAidSelf(), town: 'baisha', address: '白沙镇某某村8号' };
    const res = await call(
      legalAid,
      postJson('/api/legal-aid', { ...changed, _key: newKey(), _correct: body.receipt, _token: body.withdrawToken }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ receipt: body.receipt, corrected: true });
    const rec = await record(body.receipt!);
    expect(rec.meta).toMatchObject({ town: 'baisha', corrections: 1 });
    expect((await personal(rec)).address).toBe('白沙镇某某村8号');
    expect(rec.status.history.at(-1)).toMatchObject({ status: '已收到', by: 'applicant' });
    const wrong = await call(
      legalAid,
      postJson('/api/legal-aid', { ...changed, _key: newKey(), _correct: body.receipt, _token: 'y'.repeat(32) }),
    );
    expect(wrong.status).toBe(404);
    const otherForm = await call(
      mediationFn,
      postJson('/api/mediation', {
        ...mediation(),
        _key: newKey(),
        _correct: body.receipt,
        _token: body.withdrawToken,
      }),
    );
    expect(otherForm.status).toBe(404);
  });
  it('corrects without JavaScript: start with the cookie, refill, check, confirm', async () => {
    const done = await call(
      legalAid,
      postForm('/api/legal-aid', { ...legalAidSelf(), _key: newKey(), _step: 'submit' }),
    );
    const cookie = done.headers.get('set-cookie')!.split(';')[0]!;
    const receipt = done.headers.get('location')!.split('receipt=')[1]!;
    const start = await call(
      legalAid,
      postForm('/api/legal-aid', { _step: 'correct-start', _correct: receipt }, { Cookie: cookie }),
    );
    expect(start.status).toBe(200);
    const startHtml = await start.text();
    expect(startHtml).toContain(`name="_correct" value="${receipt}"`);
    expect(startHtml).toContain('更正法律援助申请');
    const key = startHtml.match(/name="_key" value="([^"]+)"/)![1]!;
    const confirm = await call(
      legalAid,
      postForm(
        '/api/legal-aid',
        { ...legalAidSelf(), contactTime: 'afternoon', _key: key, _correct: receipt, _step: 'submit' },
        { Cookie: cookie },
      ),
    );
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`/apply/legal-aid/done/?receipt=${receipt}&corrected=1`);
    expect((await personal(await record(receipt))).contactTime).toBe('afternoon');
    const noCookie = await call(legalAid, postForm('/api/legal-aid', { _step: 'correct-start', _correct: receipt }));
    expect(noCookie.status).toBe(404);
  });
});

describe('unexpected errors', () => {
  it('500 with the correlation id: a page for forms, JSON otherwise, and no details in the log', async () => {
    const boom = () => {
      throw new TypeError('secret detail 陈大文');
    };
    const page = await guarded({ requestId: 'cid-500' }, postForm('/api/legal-aid', legalAidSelf()), boom);
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toMatch(/<title>错误：系统出错了/);
    expect(html).toContain('cid-500');
    const api = await guarded({ requestId: 'cid-500' }, postJson('/api/legal-aid', {}), boom);
    expect(await api.json()).toMatchObject({ error: 'internal', correlationId: 'cid-500' });
    expect(logs.join('\n')).not.toMatch(/secret detail|陈大文/);
  });
});

describe('logs', () => {
  it('carry the correlation id, event and receipt, and nothing anyone typed', async () => {
    const values = legalAidForOther();
    await submitJson(values);
    await call(legalAid, postForm('/api/legal-aid', { ...values, idNumber: 'bad' }));
    await call(statusFn, postJson('/api/status', { receipt: 'FY-20200101-ZZZZZZ', phone: '0750-5524538' }));
    const all = logs.join('\n');
    expect(logs.length).toBeGreaterThanOrEqual(3);
    for (const line of logs)
      expect(JSON.parse(line)).toMatchObject({
        cid: 'test-request',
        event: expect.any(String),
        status: expect.any(Number),
      });
    for (const s of ['陈小明', '买买提', '0750-5524538', '5524538', makeId('19990909', '317'), '打架', '看守所'])
      expect(all).not.toContain(s);
  });
});
