/**
 * 法律咨询 through the one request function (functions/apply.mts), in-process
 * against an in-memory Postgres with the real migrations: bad inputs get a
 * clear Chinese error and never a 5xx; a question is stored with its personal
 * half sealed; repeated submits are idempotent; withdraw within 10 minutes;
 * the form works without JavaScript; the answer-time target counts working days;
 * a service day's slot is booked, never beyond its places, and listed on the desk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import apply from '../../functions/apply.mts';
import rateFn from '../../functions/rate.mts';
import staffFn from '../../functions/staff.mts';
import { newToken, staffLine } from '../../src/lib/staff/tokens.ts';
import statusFn from '../../functions/status.mts';
import withdrawFn from '../../functions/withdraw.mts';
import { depsFor } from '../../functions/_shared/deps.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';
import type { ApplicationRecord } from '../../src/lib/requests/record.ts';
import { decisionLastDay } from '../../src/lib/staff/deadline.ts';
import { requestStore } from '../../src/lib/store/requests.ts';
import { retentionStore } from '../../src/lib/store/retention.ts';
import { purged } from '../../src/lib/staff/retention.ts';
import { consultation, HTML_PAYLOAD, legalAidSelf } from '../fixtures/applications.ts';
import { useDatabase } from './support/database.ts';
import { openRecord } from './support/keys.ts';
import { consultYearRaw } from '../../src/lib/consult/stats-view.ts';
import { consultStore } from '../../src/lib/store/consult.ts';
import { Deadline } from '../../src/lib/store/deadline.ts';
import type { StatusView } from '../../src/lib/requests/views.ts';
import type { AnswerView, RatingView } from '../../src/lib/consult/views.ts';
import type { ServiceDayEntry } from '../../src/lib/consult/service-days.ts';
import { routeRequest } from '../../src/lib/requests/handlers/index.ts';

type Fn = (req: Request, ctx: never) => Promise<Response>;
const ctx = { requestId: 'test-request', deploy: { context: 'dev', id: 'test-deploy' } } as never;
const ORIGIN = 'http://localhost:8888';
const API = '/api/consultation';
const HAN = /\p{Script=Han}/u;

const { sql } = useDatabase();
let keyCounter = 0;
const newKey = () => `consult-key-${Date.now()}-${++keyCounter}-aaaaaaaa`;

const CITY = newToken();
const OTHER_TOWN = newToken();
let ip = 0;

beforeEach(() => {
  process.env.STAFF_TOKENS = [
    staffLine('城区管理员', '*', CITY, '2099-12-31'),
    staffLine('都斛司法所', ['duhu'], OTHER_TOWN, '2099-12-31'),
  ].join(';');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.STAFF_TOKENS;
  vi.restoreAllMocks();
});

const call = (fn: unknown, req: Request) => (fn as Fn)(req, ctx);
/** The staff function, from a fresh address each time (no lockouts between calls). */
const staffCall = (req: Request) =>
  (staffFn as Fn)(req, {
    requestId: 'staff',
    ip: `198.51.100.${++ip % 250}`,
    deploy: { context: 'dev', id: 'd' },
  } as never);

async function staff(path: string, body?: unknown, token = CITY) {
  const res = await staffCall(
    new Request(ORIGIN + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { res, body: (await res.json()) as Record<string, unknown> };
}

function postJson(path: string, body: unknown): Request {
  return new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
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

async function record(receipt: string): Promise<ApplicationRecord> {
  const found = await requestStore(depsFor(ctx).secret).getRecord(receipt);
  if (!found || found.record.receipt !== receipt) throw new Error(`no record ${receipt}`);
  return found.record;
}

const countRecords = async () =>
  (await sql().query<{ n: number }>('SELECT count(*)::int AS n FROM requests')).rows[0]!.n;

async function ask(values: FormValues = consultation(), key = newKey()) {
  const res = await call(apply, postJson(API, { ...values, _key: key }));
  return { res, body: (await res.json()) as Record<string, string> };
}

/** Each bad input: what is sent, and the field the error names (or none for a whole-request refusal). */
const BAD: [string, unknown, string?][] = [
  ['an empty object', {}, 'question'],
  ['an empty question', { ...consultation(), question: '' }, 'question'],
  ['a question of 9 characters', { ...consultation(), question: '老板欠我工资怎么办' }, 'question'],
  ['a question of 2,001 characters', { ...consultation(), question: '问'.repeat(2001) }, 'question'],
  ['a question that is a short number (read as its digits)', { ...consultation(), question: 12345 }, 'question'],
  ['a question that is a list', { ...consultation(), question: ['欠工资', '怎么办才好呢请告诉我'] }, 'question'],
  ['a question that is an object', { ...consultation(), question: { text: '老板欠工资怎么办才好' } }, 'question'],
  ['a question that is null', { ...consultation(), question: null }, 'question'],
  ['an unknown topic', { ...consultation(), topic: 'aliens' }, 'topic'],
  ['no topic', { ...consultation(), topic: '' }, 'topic'],
  ['an unknown town', { ...consultation(), town: 'guangzhou' }, 'town'],
  ['a town that is a number', { ...consultation(), town: 7 }, 'town'],
  ['an unknown channel', { ...consultation(), channel: 'fax' }, 'channel'],
  ['no channel', { ...consultation(), channel: undefined }, 'channel'],
  ['no phone', { ...consultation(), phone: '' }, 'phone'],
  ['a phone too short', { ...consultation(), phone: '123' }, 'phone'],
  ['a phone of letters', { ...consultation(), phone: 'call me maybe' }, 'phone'],
  ['电话回复 without a time', { ...consultation(), channel: 'phone' }, 'callTime'],
  ['当面咨询 without a time', { ...consultation(), channel: 'visit' }, 'callTime'],
  ['an unknown call time', { ...consultation(), channel: 'phone', callTime: 'midnight' }, 'callTime'],
  ['a 称呼 of 21 characters', { ...consultation(), caller: '陈'.repeat(21) }, 'caller'],
  ['a 称呼 with an emoji', { ...consultation(), caller: '陈伯😀' }, 'caller'],
];

describe('bad inputs: a clear Chinese error, never a 5xx, nothing stored', () => {
  it.each(BAD)('%s', async (_name, values, field) => {
    const before = await countRecords();
    const res = await call(apply, postJson(API, { ...(values as object), _key: newKey() }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    const error = body.errors.find((e) => e.field === field);
    expect(error, JSON.stringify(body.errors)).toBeDefined();
    expect(error!.message).toMatch(HAN);
    expect(await countRecords()).toBe(before);
  });

  it.each([
    ['broken JSON', postJson(API, '{"question":'), 400],
    ['a body over 32 KB', postJson(API, { ...consultation(), question: '问'.repeat(20_000) }), 413],
    ['no idempotency key', postJson(API, consultation()), 400],
    ['a filled honeypot', postJson(API, { ...consultation(), homepage: 'http://spam.example', _key: newKey() }), 400],
    ['a form from another site', postForm(API, consultation(), { 'Sec-Fetch-Site': 'cross-site' }), 403],
  ])('%s', async (_name, req, status) => {
    const res = await call(apply, req);
    expect(res.status).toBe(status);
    expect(await res.text()).toMatch(HAN);
  });

  it('without JavaScript: an accessible page in Chinese with every value kept', async () => {
    const res = await call(apply, postForm(API, { ...consultation(), topic: 'aliens', question: '太短了' }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toMatch(/<title>错误：法律咨询（有 2 处需要修改）/);
    expect(page).toContain('<a href="#f-question">');
    expect(page).toContain('<a href="#f-topic">');
    expect(page).toContain('快速离开');
  });
});

describe('asking', () => {
  it('201 with a ZX- receipt; topic and town in plaintext, the question and phone sealed', async () => {
    const { res, body } = await ask();
    expect(res.status).toBe(201);
    expect(body.receipt).toMatch(/^ZX-\d{8}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const rec = await record(body.receipt!);
    expect(rec).toMatchObject({
      formType: 'consultation',
      status: { current: '已收到' },
      meta: { town: 'sijiu', category: 'wages' },
      personal: { encoding: 'ecdh-p256-aes256gcm' },
    });
    expect(await openRecord(rec)).toMatchObject({
      question: expect.stringContaining(HTML_PAYLOAD),
      phone: '13712345678',
    });
    const row = JSON.stringify((await sql().query('SELECT * FROM requests WHERE receipt = $1', [body.receipt])).rows);
    for (const s of ['13712345678', '黄先生', '拖欠工资', '工地']) expect(row).not.toContain(s);
  });

  it('is idempotent: a repeated submit answers with the same receipt; other content under the same key is 409', async () => {
    const key = newKey();
    const a = await ask(consultation(), key);
    const b = await ask(consultation(), key);
    expect(b.res.status).toBe(200);
    expect(b.body.receipt).toBe(a.body.receipt);
    const c = await ask({ ...consultation(), question: '这是另外一个完全不同的问题，请帮忙解答。' }, key);
    expect(c.res.status).toBe(409);
    expect(JSON.stringify(c.body)).toMatch(HAN);
  });

  it('without JavaScript: check → confirm → 303 to the confirmation page with the receipt', async () => {
    const values = { ...consultation(), channel: 'phone', callTime: 'afternoon' };
    const check = await call(apply, postForm(API, { ...values, _step: 'check' }));
    expect(check.status).toBe(200);
    const page = await check.text();
    const key = page.match(/name="_key" value="([^"]+)"/)![1]!;
    expect(page).toContain('电话回复');
    const done = await call(apply, postForm(API, { ...values, _key: key, _step: 'submit' }));
    expect(done.status).toBe(303);
    const location = done.headers.get('location')!;
    expect(location).toMatch(/^\/apply\/consultation\/done\/\?receipt=ZX-/);
    const confirm = await call(
      apply,
      new Request(ORIGIN + location, { headers: { Cookie: done.headers.get('set-cookie')!.split(';')[0]! } }),
    );
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('撤回');
  });

  it('withdraws within 10 minutes: 已撤回, the sealed question deleted', async () => {
    const { body } = await ask();
    const res = await call(withdrawFn, postJson('/api/withdraw', { receipt: body.receipt, token: body.withdrawToken }));
    expect(res.status).toBe(200);
    const rec = await record(body.receipt!);
    expect(rec.status.current).toBe('已撤回');
    expect(rec.personal).toBeNull();
  });

  it('is found at the status page with receipt and phone, and a wrong phone answers like an unknown receipt', async () => {
    const { body } = await ask();
    const ok = await call(statusFn, postJson('/api/status', { receipt: body.receipt, phone: '137 1234 5678' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ formType: 'consultation', current: '已收到' });
    const wrong = await call(statusFn, postJson('/api/status', { receipt: body.receipt, phone: '13900139000' }));
    const unknown = await call(
      statusFn,
      postJson('/api/status', { receipt: 'ZX-20200101-ZZZZZZ', phone: '13712345678' }),
    );
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
  });
});

describe('the answer-time target', () => {
  it('is 2 working days after the day of receipt: Friday → Tuesday, Thursday → Monday', () => {
    const at = (iso: string) => ({
      formType: 'consultation',
      createdAt: iso,
      status: { current: '已收到' as const, history: [{ status: '已收到' as const, at: iso, by: 'system' as const }] },
    });
    expect(decisionLastDay(at('2026-12-04T02:00:00Z'))).toBe('2026-12-08');
    expect(decisionLastDay(at('2026-12-03T02:00:00Z'))).toBe('2026-12-07');
    // The day counts in Beijing time: 23:30 UTC on Thursday is already Friday there.
    expect(decisionLastDay(at('2026-12-03T23:30:00Z'))).toBe('2026-12-08');
  });
});

const ANSWER = {
  text: '根据您说的情况，可以先向劳动监察部门投诉，也可以申请劳动仲裁。讨要工资的农民工申请法律援助，不用审查经济困难状况。',
  pages: ['/services/legal-aid/', '/cases/unpaid-wages-contractor-fled/'],
  laws: ['《中华人民共和国劳动合同法》第三十条', '《中华人民共和国法律援助法》第四十二条'],
  suggest: ['legal-aid', 'mediation'],
  phone: '13712345678',
};

async function status(receipt: string, phone = '13712345678') {
  const res = await call(statusFn, postJson('/api/status', { receipt, phone }));
  return {
    res,
    view: (await res.json()) as StatusView & { answer: AnswerView; rating: RatingView & { token: string } },
  };
}

describe('answering on the desk, reading the answer, rating it', () => {
  it('staff answer with links that exist; the asker reads it with receipt and phone; the answer is sealed at rest', async () => {
    const { body } = await ask();
    const receipt = body.receipt!;
    const out = await staff(`/api/staff/records/${receipt}/answer`, ANSWER);
    expect(out.res.status, JSON.stringify(out.body)).toBe(200);
    expect((await record(receipt)).status.current).toBe('已答复');
    const rows = JSON.stringify((await sql().query('SELECT * FROM consultation_answers')).rows);
    for (const s of ['劳动监察', '劳动合同法', '13712345678']) expect(rows).not.toContain(s);

    const { res, view } = await status(receipt);
    expect(res.status).toBe(200);
    expect(view.current).toBe('已答复');
    expect(view.answer.text).toBe(ANSWER.text);
    expect(view.answer.pages).toEqual([
      { href: '/services/legal-aid/', title: '法律援助办事指南' },
      { href: '/cases/unpaid-wages-contractor-fled/', title: '包工头跑了，工资找谁要' },
    ]);
    expect(view.answer.laws).toEqual(ANSWER.laws);
    expect(view.answer.suggest).toEqual([
      { label: '申请法律援助', href: '/apply/legal-aid/form/?town=sijiu&matterType=labour' },
      { label: '申请人民调解', href: '/apply/mediation/form/?disputeTown=sijiu&disputeType=labour' },
    ]);
    const page = await (await call(statusFn, postForm('/api/status', { receipt, phone: '13712345678' }))).text();
    expect(page).toContain('<h3 id="consult-answer-title">答复</h3>');
    expect(page).toContain('劳动监察部门');
    // Same no-enumeration rule as before the answer: a wrong phone is an unknown receipt.
    const wrong = await call(statusFn, postJson('/api/status', { receipt, phone: '13900139000' }));
    expect(wrong.status).toBe(404);
  });

  it.each([
    ['a link to a page that does not exist', { pages: ['/cases/no-such-case/'] }, 'pages'],
    ['an article that does not exist', { laws: ['《中华人民共和国劳动合同法》第九百条'] }, 'laws'],
    ['an answer over 3,000 characters', { text: '答'.repeat(3001) }, 'text'],
    ['an empty answer', { text: '' }, 'text'],
    ['an unknown suggestion', { suggest: ['divorce'] }, 'suggest'],
  ])('refuses %s with a Chinese message (400), and stores nothing', async (_n, change, field) => {
    const { body } = await ask();
    const out = await staff(`/api/staff/records/${body.receipt}/answer`, { ...ANSWER, ...change });
    expect(out.res.status).toBe(400);
    const errors = out.body.errors as { field: string; message: string }[];
    expect(errors.find((e) => e.field === field)?.message).toMatch(HAN);
    expect((await record(body.receipt!)).status.current).toBe('已收到');
  });

  it('refuses a wrong phone, a request of another kind, and a consultation outside the staff member’s towns', async () => {
    const { body } = await ask();
    expect(
      (await staff(`/api/staff/records/${body.receipt}/answer`, { ...ANSWER, phone: '13900139000' })).res.status,
    ).toBe(400);
    expect((await staff(`/api/staff/records/${body.receipt}/answer`, ANSWER, OTHER_TOWN)).res.status).toBe(404);
    const aid = await call(apply, postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }));
    const fy = ((await aid.json()) as { receipt: string }).receipt;
    const out = await staff(`/api/staff/records/${fy}/answer`, { ...ANSWER, phone: '13800138000' });
    expect(out.res.status).toBe(400);
    expect(out.body.message).toMatch(/法律咨询/);
  });

  it('rates once after the answer (满意度评价): token from the lookup, comment sealed, shown on the desk', async () => {
    const { body } = await ask();
    const receipt = body.receipt!;
    expect((await status(receipt)).view.rating).toBeUndefined();
    await staff(`/api/staff/records/${receipt}/answer`, ANSWER);
    const { view } = await status(receipt);
    expect(view.rating).toMatchObject({ state: 'open', action: '/api/rate' });
    const token = view.rating.token as string;
    const bad = await call(rateFn, postJson('/api/rate', { receipt, token: 'x'.repeat(32), rating: 'satisfied' }));
    expect(bad.status).toBe(404);
    const noRating = await call(rateFn, postJson('/api/rate', { receipt, token, rating: 'great' }));
    expect(noRating.status).toBe(400);
    expect(await noRating.text()).toMatch(HAN);
    const long = await call(
      rateFn,
      postJson('/api/rate', { receipt, token, rating: 'fair', comment: '好'.repeat(501) }),
    );
    expect(long.status).toBe(400);
    const ok = await call(
      rateFn,
      postForm('/api/rate', { receipt, token, rating: 'fair', comment: '答复很清楚，谢谢陈律师' }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('谢谢您的评价');
    const again = await call(rateFn, postJson('/api/rate', { receipt, token, rating: 'dissatisfied' }));
    expect(again.status).toBe(409);
    expect((await status(receipt)).view.rating).toMatchObject({ state: 'given', rating: 'fair' });
    const rows = JSON.stringify((await sql().query('SELECT * FROM ratings')).rows);
    expect(rows).toContain('"rating":"fair"');
    expect(rows).not.toContain('陈律师');
    const desk = await staff(`/api/staff/records/${receipt}/consult`);
    expect(desk.res.status).toBe(200);
    expect(desk.body.rating).toMatchObject({ rating: 'fair', comment: { encoding: 'ecdh-p256-aes256gcm' } });
    expect(desk.body.answer).toMatchObject({ answeredBy: '城区管理员', sealed: { encoding: 'ecdh-p256-aes256gcm' } });
    const copy = desk.body.answer as { sealed: unknown };
    expect(await openRecord({ receipt: `${receipt}#answer`, personal: copy.sealed } as never)).toMatchObject({
      text: ANSWER.text,
    });
  });

  it('counts consultations by topic and ratings by kind for the statistics (withdrawn ones not counted)', async () => {
    const a = await ask();
    await ask({ ...consultation(), topic: 'neighbours', question: '邻居家的空调外机对着我家窗户，噪音很大怎么办？' });
    const w = await ask({ ...consultation(), question: '这个问题我想撤回，不问了，谢谢工作人员。' });
    await call(withdrawFn, postJson('/api/withdraw', { receipt: w.body.receipt, token: w.body.withdrawToken }));
    await staff(`/api/staff/records/${a.body.receipt}/answer`, ANSWER);
    const token = (await status(a.body.receipt!)).view.rating.token;
    await call(rateFn, postJson('/api/rate', { receipt: a.body.receipt, token, rating: 'satisfied' }));
    const year = Number(new Date().toISOString().slice(0, 4));
    const raw = await consultYearRaw(consultStore(), new Deadline(10_000, 10_000), year);
    expect(raw).toEqual({ topics: { wages: 1, neighbours: 1 }, ratings: { consultation: { satisfied: 1 } } });
  });

  it('the retention purge deletes the answer and the rating’s comment with the personal half', async () => {
    const { body } = await ask();
    const receipt = body.receipt!;
    await staff(`/api/staff/records/${receipt}/answer`, ANSWER);
    const token = (await status(receipt)).view.rating.token;
    await call(rateFn, postJson('/api/rate', { receipt, token, rating: 'fair', comment: '谢谢' }));
    const secret = depsFor(ctx).secret;
    const found = (await requestStore(secret).getRecord(receipt))!;
    const done = await retentionStore(secret, () => new Date()).purge([
      { record: purged(found.record, new Date()), version: found.version },
    ]);
    expect(done).toEqual([receipt]);
    expect((await sql().query('SELECT * FROM consultation_answers')).rows).toEqual([]);
    expect((await sql().query('SELECT rating, comment FROM ratings')).rows).toEqual([
      { rating: 'fair', comment: null },
    ]);
  });

  it('rates a closed application too, and never a withdrawn one', async () => {
    const aid = await call(apply, postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }));
    const fy = ((await aid.json()) as { receipt: string }).receipt;
    expect((await staff(`/api/staff/records/${fy}/status`, { status: '已办结' })).res.status).toBe(200);
    expect((await status(fy, '13800138000')).view.rating).toMatchObject({ state: 'open' });
    const { body } = await ask();
    await call(withdrawFn, postJson('/api/withdraw', { receipt: body.receipt, token: body.withdrawToken }));
    expect((await status(body.receipt!)).view.rating).toBeUndefined();
  });
});

/**
 * 村居法律顾问服务日 bookings on the fixture schedule (tests/fixtures/service-days.json,
 * made up; the real schedule stays empty until the bureau publishes one), passed
 * to the handler as production passes SCHEDULE (depsFor). The slot's place is
 * claimed in the statement that stores the request (src/lib/store/requests.ts).
 */
describe('booking a service day', () => {
  const FIXTURE = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'service-days.json'), 'utf8'),
  ) as ServiceDayEntry[];
  const SIJIU = '2031-03-14-sijiu-fixture';
  const NINE = `${SIJIU}@09:00`; // 2 places
  const DUHU = '2031-02-10-duhu-fixture@14:30'; // 1 place
  const BEFORE = new Date('2031-02-01T02:00:00Z');
  const visit = (slot?: string): FormValues => ({
    ...consultation(),
    channel: 'visit',
    callTime: 'morning',
    ...(slot ? { slot } : {}),
  });
  const deps = (now = BEFORE, schedule: readonly ServiceDayEntry[] = FIXTURE) => ({
    ...depsFor(ctx),
    schedule,
    now: () => now,
  });
  const book = async (values: FormValues, key = newKey(), d = deps()) => {
    const res = await routeRequest(postJson(API, { ...values, _key: key }), d, 'cid');
    return { res, body: (await res.json()) as Record<string, unknown> };
  };
  const booked = async (slot: string) =>
    (await sql().query<{ booked: number }>('SELECT booked FROM service_day_bookings WHERE service_slot = $1', [slot]))
      .rows[0]?.booked ?? 0;
  const fieldError = (body: Record<string, unknown>, field: string) =>
    (body.errors as { field: string; message: string }[]).find((e) => e.field === field)?.message;

  it('books a slot: 201, the slot in plaintext on the record, one place taken', async () => {
    const { res, body } = await book(visit(NINE));
    expect(res.status).toBe(201);
    const rec = await record(body.receipt as string);
    expect(rec.meta.serviceSlot).toBe(NINE);
    expect(await openRecord(rec)).toMatchObject({ channel: 'visit', slot: NINE });
    const row = await sql().query('SELECT service_slot, service_day FROM requests WHERE receipt = $1', [body.receipt]);
    expect(row.rows[0]).toEqual({ service_slot: NINE, service_day: SIJIU });
    expect(await booked(NINE)).toBe(1);
  });

  it('needs a slot for 当面咨询 where a schedule exists; without one, staff call to arrange as before', async () => {
    const none = await book(visit());
    expect(none.res.status).toBe(400);
    expect(fieldError(none.body, 'slot')).toBe('请选择一个服务日时段');
    const empty = await book(visit(), newKey(), deps(BEFORE, []));
    expect(empty.res.status).toBe(201);
    expect((await record(empty.body.receipt as string)).meta.serviceSlot).toBeUndefined();
    // Another channel ignores a stray slot: nothing booked.
    const online = await book({ ...consultation(), slot: NINE });
    expect(online.res.status).toBe(201);
    expect(await booked(NINE)).toBe(0);
  });

  it.each([
    ['a time the day does not have', `${SIJIU}@13:00`, '不在已公布的服务日安排里'],
    ['a day outside the schedule', '2031-03-15-sijiu-fixture@09:00', '不在已公布的服务日安排里'],
    ['a made-up id of 200 characters', `${'x'.repeat(200)}@09:00`, '不在可选范围内'],
    ['a slot on an empty schedule', NINE, '不在已公布的服务日安排里'],
  ])('refuses %s: 400 at the slot question, in Chinese, nothing stored', async (name, slot, words) => {
    const d = name.includes('empty') ? deps(BEFORE, []) : deps();
    const { res, body } = await book(visit(slot), newKey(), d);
    expect(res.status).toBe(400);
    expect(fieldError(body, 'slot')).toContain(words);
    expect(await countRecords()).toBe(0);
  });

  it('refuses a day already past (the form page without JavaScript says so at the slot)', async () => {
    const after = deps(new Date('2031-02-11T02:00:00Z'));
    const { res, body } = await book(visit(DUHU), newKey(), after);
    expect(res.status).toBe(400);
    expect(fieldError(body, 'slot')).toBe('这个服务日已经过去了，请选择以后的日期。');
    const page = await routeRequest(postForm(API, { ...visit(DUHU), _step: 'check' }), after, 'cid');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('<a href="#f-slot">这个服务日已经过去了');
  });

  it('refuses a full slot with a clear message (409 at the slot question, with and without JavaScript)', async () => {
    expect((await book(visit(DUHU))).res.status).toBe(201);
    const { res, body } = await book(visit(DUHU));
    expect(res.status).toBe(409);
    expect(fieldError(body, 'slot')).toMatch(/^2031-02-10 14:30–16:00 的1个名额已经约满了。请选择其他时段/);
    const form = await routeRequest(postForm(API, { ...visit(DUHU), _key: newKey(), _step: 'submit' }), deps(), 'c');
    expect(form.status).toBe(409);
    const page = await form.text();
    expect(page).toContain('名额已经约满了');
    expect(page.includes('name="slot" type="radio" value="2031-02-10-duhu-fixture@14:30" checked')).toBe(true);
    expect(await countRecords()).toBe(1);
    expect(await booked(DUHU)).toBe(1);
  });

  it('never overbooks: 8 bookings at once for a slot of 2 places → exactly 2 accepted, 6 told it is full', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => book(visit(NINE))));
    const statuses = all.map((a) => a.res.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    for (const a of all.filter((x) => x.res.status === 409)) expect(fieldError(a.body, 'slot')).toContain('约满了');
    const rows = await sql().query<{ n: number }>('SELECT count(*)::int AS n FROM requests WHERE service_slot = $1', [
      NINE,
    ]);
    expect(rows.rows[0]!.n).toBe(2);
    expect(await booked(NINE)).toBe(2);
  });

  it('a resubmit (same key) keeps its one place; withdrawing gives the place back', async () => {
    const key = newKey();
    const first = await book(visit(DUHU), key);
    const again = await book(visit(DUHU), key);
    expect(again.res.status).toBe(200);
    expect(again.body.receipt).toBe(first.body.receipt);
    expect(await booked(DUHU)).toBe(1);
    const w = await call(
      withdrawFn,
      postJson('/api/withdraw', { receipt: first.body.receipt, token: first.body.withdrawToken }),
    );
    expect(w.status).toBe(200);
    expect(await booked(DUHU)).toBe(0);
    // Withdrawing twice gives back nothing more; the place is free for someone else.
    await call(withdrawFn, postJson('/api/withdraw', { receipt: first.body.receipt, token: first.body.withdrawToken }));
    expect(await booked(DUHU)).toBe(0);
    expect((await book(visit(DUHU))).res.status).toBe(201);
    expect(await booked(DUHU)).toBe(1);
  });

  it('a correction may not move the booked slot (409, in Chinese); one that keeps it is taken', async () => {
    const { body } = await book(visit(NINE));
    const correction = (slot: string) =>
      routeRequest(
        postJson(API, { ...visit(slot), _key: newKey(), _correct: body.receipt, _token: body.withdrawToken }),
        deps(),
        'cid',
      );
    const moved = await correction(`${SIJIU}@10:00`);
    expect(moved.status).toBe(409);
    expect(fieldError((await moved.json()) as Record<string, unknown>, 'slot')).toContain('请先撤回');
    const kept = await routeRequest(
      postJson(API, {
        ...visit(NINE),
        caller: '黄伯',
        _key: newKey(),
        _correct: body.receipt,
        _token: body.withdrawToken,
      }),
      deps(),
      'cid',
    );
    expect(kept.status).toBe(200);
    expect([await booked(NINE), await booked(`${SIJIU}@10:00`)]).toEqual([1, 0]);
  });

  it('without JavaScript: the check page names the slot, confirming books it (the real form-encoded body)', async () => {
    const check = await routeRequest(postForm(API, { ...visit(NINE), _step: 'check' }), deps(), 'cid');
    expect(check.status).toBe(200);
    const page = await check.text();
    expect(page).toContain('3月14日（星期五） 09:00–10:00，四九镇 测试用的社区（虚构）');
    const key = page.match(/name="_key" value="([^"]+)"/)![1]!;
    const hidden = new URLSearchParams(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(hidden.get('slot')).toBe(NINE);
    const done = await routeRequest(postForm(API, { ...visit(NINE), _key: key, _step: 'submit' }), deps(), 'cid');
    expect(done.status).toBe(303);
    expect(await booked(NINE)).toBe(1);
  });

  it('the desk lists a day’s bookings by slot, sealed, without withdrawn ones and only in the staff member’s towns', async () => {
    const a = await book(visit(NINE));
    const b = await book({ ...visit(`${SIJIU}@10:00`), phone: '13800138000' });
    const c = await book(visit(NINE));
    await call(withdrawFn, postJson('/api/withdraw', { receipt: c.body.receipt, token: c.body.withdrawToken }));
    await book(visit(DUHU));
    const list = await staff(`/api/staff/service-days/${SIJIU}`);
    expect(list.res.status).toBe(200);
    const bookings = list.body.bookings as { receipt: string; slot: string; personal: unknown }[];
    expect(bookings.map((x) => [x.receipt, x.slot])).toEqual([
      [a.body.receipt, NINE],
      [b.body.receipt, `${SIJIU}@10:00`],
    ]);
    expect(JSON.stringify(list.body)).not.toContain('13712345678');
    expect(await openRecord({ receipt: a.body.receipt, personal: bookings[0]!.personal } as never)).toMatchObject({
      phone: '13712345678',
      caller: '黄先生',
    });
    expect(((await staff(`/api/staff/service-days/${SIJIU}`, undefined, OTHER_TOWN)).body.bookings as []).length).toBe(
      0,
    );
    const bad = await staff('/api/staff/service-days/DROP%20TABLE');
    expect(bad.res.status).toBe(400);
    expect(bad.body.message).toMatch(HAN);
    const audit = await sql().query<{ receipts: string[] }>(
      `SELECT receipts FROM audit_entries WHERE detail->>'purpose' = 'service-day' AND actor = '城区管理员' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.rows[0]!.receipts).toEqual([a.body.receipt, b.body.receipt]);
  });
});
