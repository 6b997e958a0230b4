/**
 * The staff desk's server side, in-process against an in-memory Postgres with
 * the real migrations (support/database.ts): encryption at rest (searching
 * every stored row for what applicants typed),
 * decryption with the right key only, key rotation, sign-in with tokens,
 * lockout, town scoping, status changes seen on the applicant's status page,
 * the append-only audit trail, retention and the public statistics.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import apply from '../../functions/apply.mts';
import statusFn from '../../functions/status.mts';
import staffFn, { config as staffConfig } from '../../functions/staff.mts';
import statsFn, { config as statsConfig } from '../../functions/stats.mts';
import { config as retentionConfig } from '../../functions/retention.mts';
import { depsFor } from '../../functions/_shared/deps.ts';
import { staffDepsFor } from '../../functions/_shared/staff-deps.ts';
import { retentionJob } from '../../functions/_shared/retention-job.ts';
import { handleApplication } from '../../src/lib/requests/handlers/index.ts';
import type { ApplicationRecord } from '../../src/lib/requests/record.ts';
import { newAuditEntry, type AuditEntry } from '../../src/lib/staff/audit.ts';
import { staffStore as makeStaffStore } from '../../src/lib/store/staff.ts';
import { auditFromRow } from '../../src/lib/store/staff.ts';
import { TABLES } from '../../scripts/lib/database.ts';
import { generateKeyPair, importPrivateKey, open, OpenError } from '../../src/lib/staff/crypto.ts';
import { handleStaff, type StaffDeps } from '../../src/lib/staff/api/index.ts';
import { newToken, staffLine } from '../../src/lib/staff/tokens.ts';
import { HTML_PAYLOAD, legalAidForOther, legalAidSelf, makeId, mediation } from '../fixtures/applications.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';
import { useDatabase } from './support/database.ts';
import { insertRecords, syntheticRecords } from '../../scripts/seed-requests.ts';
import { beijingDate } from '../../src/lib/time.ts';

/** One function serves every kind of request (functions/apply.mts). */
const legalAid = apply;
const mediationFn = apply;
import { openRecord, testOpeningKey, testPrivateJwk } from './support/keys.ts';

type Fn = (req: Request, ctx: never) => Promise<Response>;
const ORIGIN = 'http://localhost:8888';
const ctx = (ip = '203.0.113.7') =>
  ({ requestId: 'test-request', ip, deploy: { context: 'dev', id: 'test-deploy' } }) as never;

const CITY = newToken();
const TOWN = newToken();
const STAFF_TOKENS = [
  staffLine('城区管理员', '*', CITY, '2099-12-31'),
  staffLine('都斛司法所', ['duhu'], TOWN, '2099-12-31'),
].join(';');

const { sql } = useDatabase();
let logs: string[] = [];
let keyCounter = 0;
let ipCounter = 0;
const newKey = () => `staff-key-${Date.now()}-${++keyCounter}-aaaaaaaa`;
/** A fresh client address per test, so lockouts from one test do not spill into the next. */
let ip = '';

beforeAll(() => {
  process.env.STAFF_TOKENS = STAFF_TOKENS;
});
afterAll(() => {
  delete process.env.STAFF_TOKENS;
});
beforeEach(() => {
  ip = `198.51.100.${++ipCounter}`;
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const call = (fn: unknown, req: Request, c = ctx(ip)) => (fn as Fn)(req, c);

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function staffReq(path: string, token: string | null, init: { method?: string; body?: unknown } = {}): Request {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return new Request(ORIGIN + path, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function staff(path: string, token: string | null = CITY, init: { method?: string; body?: unknown } = {}) {
  const res = await call(staffFn, staffReq(path, token, init));
  return { res, body: (await res.json()) as Record<string, unknown> };
}

async function submit(
  fn: unknown,
  path: string,
  values: FormValues,
): Promise<{ receipt: string; withdrawToken: string }> {
  const res = await call(fn, postJson(path, { ...values, _key: newKey() }));
  expect(res.status).toBe(201);
  return (await res.json()) as { receipt: string; withdrawToken: string };
}

const secret = () => staffDepsFor(ctx(ip)).secret;
const staffStore = () => makeStaffStore(secret());

async function record(receipt: string): Promise<ApplicationRecord> {
  const found = await staffStore().getRecord(receipt);
  if (!found || found.record.receipt !== receipt) throw new Error(`no record ${receipt}`);
  return found.record;
}

/** Audit entries as stored, oldest first. */
async function auditEntries(): Promise<AuditEntry[]> {
  const { rows } = await sql().query<Parameters<typeof auditFromRow>[0]>(
    'SELECT id, at, actor, action, receipt, receipts, town, detail, mac FROM audit_entries ORDER BY at, id',
  );
  return rows.map(auditFromRow);
}

/** Every row of every table as text, to search for values that must not be there. */
async function rawText(): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) {
    const { rows } = await sql().query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${t} x`);
    parts.push(...rows.map((r) => r.j));
  }
  return parts.join('\n');
}

const kidOf = (rec: ApplicationRecord) => (rec.personal as Record<string, unknown> | null)?.kid;

const auditFor = async (receipt: string) =>
  (await auditEntries()).filter((e) => e.receipt === receipt || e.receipts?.includes(receipt));

describe('configuration', () => {
  it('routes the staff API, the statistics page and the nightly retention job', () => {
    expect(staffConfig.path).toBe('/api/staff/*');
    expect(staffConfig.rateLimit).toMatchObject({ windowSize: 60, aggregateBy: ['ip', 'domain'] });
    expect(statsConfig.path).toEqual(['/stats{/}?', '/zh-hant/stats{/}?']);
    expect(retentionConfig.schedule).toBe('@daily');
  });
});

describe('encryption at rest', () => {
  it('stores none of the personal strings anywhere in the store directory, even after staff work on the records', async () => {
    const a = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const b = await submit(legalAid, '/api/legal-aid', legalAidForOther());
    const c = await submit(mediationFn, '/api/mediation', mediation());
    // Staff read, change and export: the audit store and the status history must stay clean too.
    for (const r of [a, b, c]) expect((await staff(`/api/staff/records/${r.receipt}`)).res.status).toBe(200);
    expect(
      (await staff(`/api/staff/records/${a.receipt}/status`, CITY, { body: { status: '审查中' } })).res.status,
    ).toBe(200);
    expect((await staff('/api/staff/export', CITY, { body: { filters: {} } })).res.status).toBe(200);
    const raw = await rawText();
    const personalStrings = [
      '陈大文',
      makeId(),
      '13800138000',
      '138-0013-8000',
      '台城街道某某路12号',
      '姓王的包工头',
      '我在工地干了三个月',
      '一万二千元',
      '买买提',
      makeId('19700101', '456'),
      '0750-5524538',
      '07505524538',
      '陈小明',
      makeId('19990909', '317'),
      '某看守所',
      '某某市人民法院',
      '因为打架被刑事拘留',
      '请中午以后打电话',
      '李小梅',
      '13912345678',
      '隔壁的陈伯',
      '排水沟',
      '希望把排水沟改回原来的位置',
      '打电话时请不要说是哪里打来的',
      'onerror',
    ];
    for (const s of personalStrings) expect(raw, `store contains ${s}`).not.toContain(s);
    // What IS plaintext is what processing needs: receipt, type, town, category, the language used, statuses, times, keyed hashes.
    const rec = await record(a.receipt);
    expect(Object.keys(rec).sort()).toEqual([
      'createdAt',
      'formType',
      'meta',
      'personal',
      'receipt',
      'schemaVersion',
      'status',
      'updatedAt',
    ]);
    expect(Object.keys(rec.meta).sort()).toEqual([
      'category',
      'corrections',
      'idemHash',
      'lang',
      'phoneCheck',
      'submissionHash',
      'town',
      'withdrawUntil',
    ]);
    expect(Object.keys(rec.personal!).sort()).toEqual(['ct', 'encoding', 'epk', 'iv', 'kid', 'v']);
  });

  it('keeps the language the person used in its own column, shows it on the desk, and still verifies older records without it', async () => {
    const hant = await submit(legalAid, '/api/legal-aid', { ...legalAidSelf(), _lang: 'zh-Hant' });
    const hans = await submit(mediationFn, '/api/mediation', mediation());
    const langs = async () =>
      Object.fromEntries(
        (await sql().query<{ receipt: string; lang: string | null }>('SELECT receipt, lang FROM requests')).rows.map(
          (r) => [r.receipt, r.lang],
        ),
      );
    expect(await langs()).toEqual({ [hant.receipt]: 'zh-Hant', [hans.receipt]: 'zh-Hans' });
    const listed = (await staff('/api/staff/records')).body.records as { receipt: string; lang: string }[];
    expect(Object.fromEntries(listed.map((r) => [r.receipt, r.lang]))).toEqual({
      [hant.receipt]: 'zh-Hant',
      [hans.receipt]: 'zh-Hans',
    });
    expect(((await staff(`/api/staff/records/${hant.receipt}`)).body.record as { lang: string }).lang).toBe('zh-Hant');
    // A record made before the column existed: no lang, its MAC computed without it, still verified, shown as 简体.
    const old = await record(hans.receipt);
    const { lang: _dropped, ...meta } = old.meta;
    await sql().query('DELETE FROM requests WHERE receipt = $1', [hans.receipt]);
    expect((await staffStore().createRecord({ ...old, meta })).written).toBe(true);
    const { rows } = await sql().query<{ lang: string | null }>('SELECT lang FROM requests WHERE receipt = $1', [
      hans.receipt,
    ]);
    expect(rows[0]!.lang).toBeNull();
    const read = await staffStore().getRecord(hans.receipt);
    expect(read!.verified).toBe(true);
    expect('lang' in read!.record.meta).toBe(false);
    const shown = (await staff(`/api/staff/records/${hans.receipt}`)).body.record as {
      lang: string;
      verified: boolean;
    };
    expect(shown).toMatchObject({ lang: 'zh-Hans', verified: true });
  });

  it('opens with the bureau private key, and not with another key, under another receipt or with a changed byte', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const rec = await record(receipt);
    expect(await openRecord(rec)).toMatchObject({
      name: '陈大文',
      idNumber: makeId(),
      facts: expect.stringContaining(HTML_PAYLOAD),
    });
    const other = await generateKeyPair();
    const otherKey = await importPrivateKey(other.privateJwk);
    // Another key that does not even claim the key id: nothing to try.
    await expect(openRecord(rec, [{ kid: other.kid, key: otherKey }])).rejects.toMatchObject({ reason: 'no-key' });
    // Another key relabelled with the record's key id: the ciphertext does not verify.
    await expect(openRecord(rec, [{ kid: testPrivateJwk().kid, key: otherKey }])).rejects.toMatchObject({
      reason: 'failed',
    });
    // The right key, but the sealed half moved to another record: the receipt is bound in.
    const right = await testOpeningKey();
    await expect(open(rec.personal, 'FY-20200101-ZZZZZZ', [right])).rejects.toBeInstanceOf(OpenError);
    const flipped = { ...(rec.personal as Record<string, string>) };
    flipped.ct = (flipped.ct!.startsWith('A') ? 'B' : 'A') + flipped.ct!.slice(1);
    await expect(open(flipped, receipt, [right])).rejects.toMatchObject({ reason: 'failed' });
  });

  it('pads the plaintext, so the stored length does not give away the length of a story', async () => {
    const short = await submit(legalAid, '/api/legal-aid', {
      ...legalAidSelf(),
      facts: '老板拖欠工资三个月，一共一万二千元。想讨回来。',
    });
    const longer = await submit(legalAid, '/api/legal-aid', {
      ...legalAidSelf(),
      facts: '老板拖欠工资三个月，一共一万二千元。想讨回来。还有加班费。',
    });
    const len = async (r: string) => (((await record(r)).personal as Record<string, string>).ct ?? '').length;
    expect(await len(short.receipt)).toBe(await len(longer.receipt));
  });

  it('refuses to store anything without a valid public key (503), and never accepts a private key as the public key', async () => {
    const saved = process.env.APPLICATIONS_PUBLIC_KEY;
    try {
      delete process.env.APPLICATIONS_PUBLIC_KEY;
      const res = await call(legalAid, postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }));
      expect(res.status).toBe(503);
      process.env.APPLICATIONS_PUBLIC_KEY = process.env.TEST_BUREAU_PRIVATE_KEY;
      const res2 = await call(legalAid, postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }));
      expect(res2.status).toBe(503);
      expect(logs.join('\n')).toContain('PRIVATE key');
      expect(logs.join('\n')).not.toContain(testPrivateJwk().d);
    } finally {
      process.env.APPLICATIONS_PUBLIC_KEY = saved;
    }
  });

  it('rotation: new records name the new key id, old records still open with the old key, a correction re-seals with the new key', async () => {
    const old = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const saved = process.env.APPLICATIONS_PUBLIC_KEY!;
    const next = await generateKeyPair(new Date(Date.now() + 86_400_000));
    try {
      process.env.APPLICATIONS_PUBLIC_KEY = JSON.stringify(next.publicJwk);
      const fresh = await submit(legalAid, '/api/legal-aid', { ...legalAidSelf(), name: '新密钥' });
      const keys = [await testOpeningKey(), { kid: next.kid, key: await importPrivateKey(next.privateJwk) }];
      expect(kidOf(await record(fresh.receipt))).toBe(next.kid);
      expect(kidOf(await record(old.receipt))).toBe(testPrivateJwk().kid);
      expect(await openRecord(await record(fresh.receipt), keys)).toMatchObject({ name: '新密钥' });
      expect(await openRecord(await record(old.receipt), keys)).toMatchObject({ name: '陈大文' });
      // The desk lists the key id, so staff know which key file a record needs.
      const listed = (await staff('/api/staff/records')).body.records as { receipt: string; kid: string }[];
      expect(listed.find((r) => r.receipt === old.receipt)?.kid).toBe(testPrivateJwk().kid);
      // Correcting the old record within 10 minutes re-seals it with the current (new) key.
      const res = await call(
        legalAid,
        postJson('/api/legal-aid', {
          ...legalAidSelf(),
          address: '台城街道某某路99号',
          _key: newKey(),
          _correct: old.receipt,
          _token: old.withdrawToken,
        }),
      );
      expect(res.status).toBe(200);
      expect(kidOf(await record(old.receipt))).toBe(next.kid);
      expect(await openRecord(await record(old.receipt), keys)).toMatchObject({ address: '台城街道某某路99号' });
    } finally {
      process.env.APPLICATIONS_PUBLIC_KEY = saved;
    }
  });

  it('withdrawal still deletes the sealed half', async () => {
    const { receipt, withdrawToken } = await submit(mediationFn, '/api/mediation', mediation());
    const res = await call(
      (await import('../../functions/withdraw.mts')).default,
      postJson('/api/withdraw', { receipt, token: withdrawToken }),
    );
    expect(res.status).toBe(200);
    expect((await record(receipt)).personal).toBeNull();
    const got = await staff(`/api/staff/records/${receipt}`);
    expect(got.body.record).toMatchObject({ status: '已撤回', kid: null, personal: null });
  });
});

describe('sign-in and authorisation', () => {
  it('signs in with a token and says who and which towns', async () => {
    expect((await staff('/api/staff/session', CITY, { body: {} })).body).toEqual({
      name: '城区管理员',
      towns: [],
      cityWide: true,
      expires: '2099-12-31',
    });
    expect((await staff('/api/staff/session', TOWN, { body: {} })).body).toEqual({
      name: '都斛司法所',
      towns: ['duhu'],
      cityWide: false,
      expires: '2099-12-31',
    });
  });

  it('refuses every route without a token, with a wrong token and with a malformed header (401)', async () => {
    for (const [path, body] of [
      ['/api/staff/session', {}],
      ['/api/staff/records', undefined],
      ['/api/staff/records/FY-20261127-7K3Q9P', undefined],
      ['/api/staff/records/FY-20261127-7K3Q9P/status', { status: '审查中' }],
      ['/api/staff/export', { filters: {} }],
      ['/api/staff/audit', undefined],
    ] as const) {
      for (const token of [null, 'tsk_' + 'x'.repeat(43), 'not-a-token', '']) {
        const { res, body: answer } = await staff(path, token, body === undefined ? {} : { body });
        expect(res.status, `${path} with ${token}`).toBe(401);
        expect(answer).toMatchObject({ error: expect.stringMatching(/unauthorised|wrong-token/) });
      }
      ip = `198.51.100.${++ipCounter}`; // stay under the lockout threshold
    }
  });

  it('refuses an unknown route (404) and the wrong method (405)', async () => {
    expect((await staff('/api/staff/nothing')).res.status).toBe(404);
    expect((await staff('/api/staff/records', CITY, { method: 'DELETE' })).res.status).toBe(405);
    expect((await staff('/api/staff/session')).res.status).toBe(405);
  });

  it('locks an address out after 10 failures: even the right token is refused (429) until the lock ends; audited', async () => {
    for (let i = 0; i < 9; i++)
      expect((await staff('/api/staff/session', 'tsk_' + 'y'.repeat(43), { body: {} })).res.status).toBe(401);
    const tenth = await staff('/api/staff/session', 'tsk_' + 'y'.repeat(43), { body: {} });
    expect(tenth.res.status).toBe(429);
    const locked = await staff('/api/staff/session', CITY, { body: {} });
    expect(locked.res.status).toBe(429);
    expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(locked.body.message).toMatch(/已暂时锁定，请 15 分钟后再试/);
    // Another address is not affected.
    expect((await call(staffFn, staffReq('/api/staff/session', CITY, { body: {} }), ctx('192.0.2.200'))).status).toBe(
      200,
    );
    // After the lock, the right token works again.
    const later: StaffDeps = { ...staffDepsFor(ctx(ip)), now: () => new Date(Date.now() + 16 * 60_000) };
    expect((await handleStaff(staffReq('/api/staff/session', CITY, { body: {} }), later, { ip })).status).toBe(200);
    // Audited in aggregate: the first failure of the window and the lock, not one entry per guess.
    const entries = await auditEntries();
    expect(entries.filter((e) => e.action === 'sign-in-failed')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'lockout')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ failures: 10, minutes: 15 }) }),
    ]);
    // The address is stored only as an HMAC.
    expect(await rawText()).not.toContain(ip);
  });

  it('holds under 100 parallel wrong tokens: at most 10 are checked, the rest are turned away unchecked, never 5xx', async () => {
    let checked = 0;
    const deps: StaffDeps = {
      ...staffDepsFor(ctx(ip)),
      // Counts how many tokens are actually compared (the old read-then-write let all 60 of 60 through).
      staff: new Proxy([...staffDepsFor(ctx(ip)).staff], {
        get(target, prop, receiver) {
          if (prop === Symbol.iterator) checked++;
          return Reflect.get(target, prop, receiver);
        },
      }),
    };
    const guesses = Array.from({ length: 100 }, (_, i) => `tsk_${String(i).padStart(43, 'g')}`);
    const answers = await Promise.all(
      guesses.map((t) => handleStaff(staffReq('/api/staff/session', t, { body: {} }), deps, { ip })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(checked).toBeLessThanOrEqual(10);
    // The lock holds afterwards, for the right token too.
    expect((await handleStaff(staffReq('/api/staff/session', CITY, { body: {} }), deps, { ip })).status).toBe(429);
    const entries = await auditEntries();
    expect(entries.filter((e) => e.action === 'sign-in-failed').length).toBe(1);
    const lock = entries.filter((e) => e.action === 'lockout');
    expect(lock).toHaveLength(1);
    expect(lock[0]!.detail).toMatchObject({ failures: 10 });
    expect(Number(lock[0]!.detail!.refused)).toBeGreaterThan(0);
  });

  it('refuses an expired token and a revoked one (401), and revoking takes effect at once', async () => {
    const old = newToken();
    const kept = newToken();
    process.env.STAFF_TOKENS = [
      STAFF_TOKENS,
      staffLine('过期的人', '*', old, '2020-01-01'),
      staffLine('被停用的人', '*', kept, '2099-12-31'),
    ].join(';');
    try {
      const expiredAnswer = await staff('/api/staff/session', old, { body: {} });
      expect(expiredAnswer.res.status).toBe(401);
      expect(expiredAnswer.body).toMatchObject({ error: 'expired', message: expect.stringContaining('过期') });
      expect((await staff('/api/staff/records', kept)).res.status).toBe(200);
      const { revokeToken } = await import('../../src/lib/store/revocations.ts');
      expect(await revokeToken(kept, '离职', new Date())).toMatchObject({ revoked: true });
      const revoked = await staff('/api/staff/records', kept);
      expect(revoked.res.status).toBe(401);
      expect(revoked.body).toMatchObject({ error: 'revoked' });
      expect((await staff('/api/staff/records', CITY)).res.status).toBe(200);
    } finally {
      process.env.STAFF_TOKENS = STAFF_TOKENS;
    }
  });

  it('scopes a town office to its towns: list, read, status change and export', async () => {
    const duhu = await submit(mediationFn, '/api/mediation', mediation()); // dispute town duhu
    const taicheng = await submit(legalAid, '/api/legal-aid', legalAidSelf()); // town taicheng
    const list = (await staff('/api/staff/records', TOWN)).body.records as { receipt: string; town: string }[];
    expect(list.some((r) => r.receipt === duhu.receipt)).toBe(true);
    expect(list.every((r) => r.town === 'duhu')).toBe(true);
    expect((await staff(`/api/staff/records/${duhu.receipt}`, TOWN)).res.status).toBe(200);
    const denied = await staff(`/api/staff/records/${taicheng.receipt}`, TOWN);
    const missing = await staff('/api/staff/records/FY-20200101-ZZZZZZ', TOWN);
    expect(denied.res.status).toBe(404);
    expect(denied.body.message).toBe(missing.body.message);
    expect(
      (await staff(`/api/staff/records/${taicheng.receipt}/status`, TOWN, { body: { status: '审查中' } })).res.status,
    ).toBe(404);
    expect((await record(taicheng.receipt)).status.current).toBe('已收到');
    expect((await staff('/api/staff/records?town=taicheng', TOWN)).res.status).toBe(403);
    expect((await staff('/api/staff/export', TOWN, { body: { filters: { town: 'taicheng' } } })).res.status).toBe(403);
    const exported = (await staff('/api/staff/export', TOWN, { body: { filters: {} } })).body.records as {
      town: string;
    }[];
    expect(exported.every((r) => r.town === 'duhu')).toBe(true);
  });

  it('refuses requests from another site (403) and bad filters (400)', async () => {
    const res = await call(
      staffFn,
      new Request(`${ORIGIN}/api/staff/session`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${CITY}`,
          'Content-Type': 'application/json',
          'Sec-Fetch-Site': 'cross-site',
        },
        body: '{}',
      }),
    );
    expect(res.status).toBe(403);
    expect((await staff('/api/staff/records?status=偷看', CITY)).res.status).toBe(400);
    expect((await staff('/api/staff/records?from=2026-13-45', CITY)).res.status).toBe(400);
  });
});

describe('the desk API', () => {
  it('lists with filters and counts per status, without personal data or hashes', async () => {
    const a = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    await submit(legalAid, '/api/legal-aid', legalAidSelf());
    await staff(`/api/staff/records/${a.receipt}/status`, CITY, { body: { status: '审查中' } });
    const { body } = await staff('/api/staff/records?formType=legal-aid&status=审查中');
    const records = body.records as { receipt: string; status: string; formType: string }[];
    expect(records.some((r) => r.receipt === a.receipt)).toBe(true);
    expect(records.every((r) => r.status === '审查中' && r.formType === 'legal-aid')).toBe(true);
    const counts = body.counts as Record<string, number>;
    expect(counts['审查中']).toBe(records.length);
    expect(counts['已收到']).toBeGreaterThan(0); // counts ignore the status filter
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/phoneCheck|idemHash|submissionHash|"ct"|陈大文/);
    expect(body).toMatchObject({ total: 1, next: null, withPersonal: 1 });
    expect((body.records as { verified: boolean }[]).every((r) => r.verified)).toBe(true);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(
      ((await staff(`/api/staff/records?from=${today}&to=${today}`)).body.records as unknown[]).length,
    ).toBeGreaterThan(0);
    expect(((await staff('/api/staff/records?to=2020-01-01')).body.records as unknown[]).length).toBe(0);
  });

  it('changes the status with a note the applicant sees on the status page; 需补充材料 lists every material at once', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const missing = await staff(`/api/staff/records/${receipt}/status`, CITY, {
      body: { status: '需补充材料', note: '' },
    });
    expect(missing.res.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'materials', message: expect.stringContaining('一次性') }]);
    const personalNote = await staff(`/api/staff/records/${receipt}/status`, CITY, {
      body: { status: '不予受理', note: '已电话联系 13800138000' },
    });
    expect(personalNote.res.status).toBe(400);
    expect(personalNote.body.errors).toEqual([{ field: 'note', message: expect.stringContaining('个人信息') }]);
    const ok = await staff(`/api/staff/records/${receipt}/status`, CITY, {
      body: {
        status: '需补充材料',
        materials: ['申请人的居民身份证或者其他身份证明', '欠条的复印件'],
        note: '可以拍照后到司法所提交。',
        expected: '已收到',
      },
    });
    expect(ok.res.status).toBe(200);
    const res = await call(statusFn, postJson('/api/status', { receipt, phone: '13800138000' }));
    const view = (await res.json()) as { current: string; history: { status: string; note?: string }[] };
    expect(view.current).toBe('需补充材料');
    expect(view.history.at(-1)!.note).toBe(
      '请一次性补充以下材料：\n1. 申请人的居民身份证或者其他身份证明\n2. 欠条的复印件\n可以拍照后到司法所提交。',
    );
    expect(JSON.stringify(view)).not.toContain('城区管理员'); // who did it is in the audit trail, not shown to the applicant
    // Someone else changed it meanwhile: refused, not overwritten.
    const stale = await staff(`/api/staff/records/${receipt}/status`, CITY, {
      body: { status: '已受理', expected: '已收到' },
    });
    expect(stale.res.status).toBe(409);
    expect((await record(receipt)).status.current).toBe('需补充材料');
  });

  it('refuses to change a withdrawn application', async () => {
    const { receipt, withdrawToken } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    await call(
      (await import('../../functions/withdraw.mts')).default,
      postJson('/api/withdraw', { receipt, token: withdrawToken }),
    );
    expect((await staff(`/api/staff/records/${receipt}/status`, CITY, { body: { status: '审查中' } })).res.status).toBe(
      409,
    );
  });

  it('exports the filtered records still sealed, and they open on the staff side', async () => {
    const { receipt } = await submit(mediationFn, '/api/mediation', mediation());
    const { body } = await staff('/api/staff/export', CITY, { body: { filters: { formType: 'mediation' } } });
    const records = body.records as { receipt: string; formType: string; personal: unknown }[];
    expect(records.every((r) => r.formType === 'mediation')).toBe(true);
    const mine = records.find((r) => r.receipt === receipt)!;
    expect(await open(mine.personal, receipt, [await testOpeningKey()])).toMatchObject({ name: '李小梅' });
  });

  it('pages the queue by keyset, sorted by deadline (overdue first), with deadline filters, receipt search and counts', async () => {
    const receipts: string[] = [];
    for (let i = 0; i < 3; i++) receipts.push(await aged(12 - i)); // legal aid, 12, 11, 10 days ago: overdue
    receipts.push(await aged(6)); // due tomorrow: “即将到期”
    for (let i = 0; i < 52; i++) receipts.push((await submit(legalAid, '/api/legal-aid', legalAidSelf())).receipt);
    await submit(mediationFn, '/api/mediation', mediation()); // no decision owed: last
    const first = await staff('/api/staff/records');
    const page1 = first.body.records as { receipt: string; dueOn: string | null }[];
    expect(page1).toHaveLength(50);
    expect(page1.slice(0, 4).map((r) => r.receipt)).toEqual(receipts.slice(0, 4));
    expect(first.body).toMatchObject({ total: 57, overdue: 3, soon: 1 });
    const second = await staff(`/api/staff/records?after=${first.body.next}`);
    const page2 = second.body.records as { receipt: string; formType: string }[];
    expect(page2).toHaveLength(7);
    expect(second.body.next).toBeNull();
    expect(page2.at(-1)!.formType).toBe('mediation');
    expect(new Set([...page1, ...page2].map((r) => r.receipt)).size).toBe(57);
    const overdue = await staff('/api/staff/records?due=overdue');
    expect((overdue.body.records as { receipt: string }[]).map((r) => r.receipt)).toEqual(receipts.slice(0, 3));
    expect(overdue.body.counts).toMatchObject({ 已收到: 3 });
    const soon = await staff('/api/staff/records?due=soon');
    expect((soon.body.records as { receipt: string }[]).map((r) => r.receipt)).toEqual([receipts[3]]);
    const newest = (await staff('/api/staff/records?sort=newest')).body.records as { formType: string }[];
    expect(newest[0]!.formType).toBe('mediation');
    const typed = receipts[10]!.toLowerCase().replace(/-/g, ' ');
    const found = await staff(`/api/staff/records?receipt=${encodeURIComponent(typed)}`);
    expect((found.body.records as { receipt: string }[]).map((r) => r.receipt)).toEqual([receipts[10]]);
    expect((await staff('/api/staff/records?after=not-a-cursor')).res.status).toBe(400);
    expect((await staff('/api/staff/records?due=later')).res.status).toBe(400);
  });

  it('shows a row changed directly in the database as not verified (校验不符) in the list and the record', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    await sql().query(`UPDATE requests SET town = 'duhu' WHERE receipt = $1`, [receipt]);
    const listed = (await staff('/api/staff/records')).body.records as { receipt: string; verified: boolean }[];
    expect(listed.find((r) => r.receipt === receipt)!.verified).toBe(false);
    expect((await staff(`/api/staff/records/${receipt}`)).body.record).toMatchObject({ verified: false });
  });

  it('exports in pages under the size limit, in the list order, and metadata only on request; every page audited', async () => {
    for (let i = 0; i < 6; i++) await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const deps: StaffDeps = { ...staffDepsFor(ctx(ip)), exportPageBytes: 2_500 };
    const page = async (body: Record<string, unknown>) => {
      const res = await handleStaff(staffReq('/api/staff/export', CITY, { body }), deps, { ip });
      expect(res.status).toBe(200);
      return (await res.json()) as { records: { receipt: string; personal: unknown }[]; next: string | null };
    };
    const seen: string[] = [];
    let next: string | null | undefined;
    let pages = 0;
    do {
      const p = await page({ filters: {}, ...(next ? { after: next } : {}) });
      expect(JSON.stringify(p).length).toBeLessThan(2_500 + 3_000);
      seen.push(...p.records.map((r) => r.receipt));
      next = p.next;
      pages++;
    } while (next);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(6);
    const meta = await page({ filters: {}, personal: false });
    expect(meta.records.every((r) => r.personal === null)).toBe(true);
    const exports = (await auditEntries()).filter((e) => e.action === 'export');
    expect(exports.length).toBe(pages + 1);
    expect(exports.flatMap((e) => e.receipts ?? []).filter((r) => seen.includes(r)).length).toBeGreaterThanOrEqual(6);
    expect(exports.at(-1)!.detail).toMatchObject({ personal: 'no' });
  });
});

describe('audit trail', () => {
  it('records every sign-in, list, read, status change, export and audit view: who, when, what, which receipt', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const before = Date.now();
    await staff('/api/staff/session', TOWN, { body: {} });
    await staff('/api/staff/records');
    await staff(`/api/staff/records/${receipt}`);
    await staff(`/api/staff/records/${receipt}/status`, CITY, { body: { status: '已受理' } });
    await staff('/api/staff/export', CITY, { body: { filters: { formType: 'legal-aid' } } });
    const view = await staff(`/api/staff/audit?receipt=${receipt}`);
    const mine = await auditFor(receipt);
    expect(mine.map((e) => e.action).sort()).toEqual(['export', 'read', 'status-change']);
    for (const e of mine) {
      expect(e.actor).toBe('城区管理员');
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(mine.find((e) => e.action === 'status-change')!.detail).toMatchObject({ from: '已收到', to: '已受理' });
    const all = await auditEntries();
    expect(all.some((e) => e.action === 'sign-in' && e.actor === '都斛司法所')).toBe(true);
    expect(all.some((e) => e.action === 'list' && e.actor === '城区管理员')).toBe(true);
    expect(all.some((e) => e.action === 'audit-view')).toBe(true);
    // Viewable on the desk, newest first, every entry verified.
    const shown = view.body.entries as (AuditEntry & { verified: boolean })[];
    expect(shown.map((e) => e.action)).toEqual(['export', 'status-change', 'read']);
    expect(shown.every((e) => e.verified)).toBe(true);
  });

  it('town offices see only entries about their towns and their own actions', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf()); // taicheng
    await staff(`/api/staff/records/${receipt}`);
    const town = (await staff('/api/staff/audit', TOWN)).body.entries as AuditEntry[];
    expect(town.some((e) => e.receipt === receipt)).toBe(false);
    expect(town.every((e) => e.actor === '都斛司法所' || e.town === 'duhu')).toBe(true);
  });

  it('cannot be altered: no route edits or deletes entries, ids are never reused, the database refuses changes, and a changed entry fails its check', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await call(
        staffFn,
        new Request(`${ORIGIN}/api/staff/audit`, {
          method,
          headers: { Authorization: `Bearer ${CITY}`, 'Content-Type': 'application/json' },
          body: method === 'DELETE' ? undefined : '{}',
        }),
      );
      expect(res.status, method).toBe(405);
    }
    for (const path of ['/api/staff/audit/entries', '/api/staff/audit/x/delete'])
      expect((await staff(path, CITY, { method: 'DELETE' })).res.status).toBe(404);
    // Ids are unique; an append never overwrites an existing entry.
    await staff('/api/staff/records');
    const first = (await auditEntries())[0]!;
    expect(await staffStore().appendAudit({ ...first, actor: '冒名' })).toEqual({ written: false });
    expect((await auditEntries())[0]!.actor).toBe(first.actor);
    const a = newAuditEntry('s'.repeat(40), { actor: 'x', action: 'read' }, new Date());
    const b = newAuditEntry('s'.repeat(40), { actor: 'x', action: 'read' }, new Date(Date.parse(a.at)));
    expect(a.id).not.toBe(b.id);
    // The database itself refuses UPDATE and DELETE on the audit trail.
    await expect(sql().query(`UPDATE audit_entries SET actor = '别人'`)).rejects.toThrow(/append-only/);
    await expect(sql().query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
    // Someone who can also change the schema edits an entry: the desk shows it as not verified.
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    await staff(`/api/staff/records/${receipt}`);
    const target = (await auditEntries()).find((e) => e.receipt === receipt)!;
    await sql().query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
    await sql().query(`UPDATE audit_entries SET actor = '别人' WHERE id = $1`, [target.id]);
    await sql().query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
    const shown = (await staff(`/api/staff/audit?receipt=${receipt}`)).body.entries as (AuditEntry & {
      verified: boolean;
    })[];
    expect(shown.find((e) => e.id === target.id)).toMatchObject({ actor: '别人', verified: false });
  });

  it('hands out nothing when the audit entry cannot be written', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const deps: StaffDeps = {
      ...staffDepsFor(ctx(ip)),
      store: { ...staffStore(), appendAudit: async () => ({ written: false }) },
    };
    const res = await handleStaff(staffReq(`/api/staff/records/${receipt}`, CITY), deps, { ip });
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain('"ct"');
  });

  it('pages the audit view by time, newest first', async () => {
    for (let i = 0; i < 105; i++)
      await staffStore().appendAudit(
        newAuditEntry(secret(), { actor: '城区管理员', action: 'read' }, new Date(Date.now() - i * 1000)),
      );
    const first = await staff('/api/staff/audit');
    const entries = first.body.entries as AuditEntry[];
    expect(entries).toHaveLength(100);
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await staff(`/api/staff/audit?before=${encodeURIComponent(first.body.next as string)}`);
    const rest = second.body.entries as AuditEntry[];
    expect(rest.length).toBeGreaterThanOrEqual(5);
    expect(rest.every((e) => e.at <= times.at(-1)!)).toBe(true);
    expect(new Set([...entries, ...rest].map((e) => e.id)).size).toBe(entries.length + rest.length);
    expect((await staff('/api/staff/audit?from=2026-03-01&to=2026-01-01')).res.status).toBe(400);
  });
});

describe('logs', () => {
  it('never carry personal data or tokens', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidForOther());
    await staff(`/api/staff/records/${receipt}`);
    await staff('/api/staff/export', CITY, { body: { filters: {} } });
    await staff('/api/staff/session', 'tsk_' + 'z'.repeat(43), { body: {} });
    const all = logs.join('\n');
    expect(logs.length).toBeGreaterThan(3);
    for (const s of ['陈小明', '买买提', '0750-5524538', makeId('19990909', '317'), CITY, TOWN, 'tsk_', ip])
      expect(all).not.toContain(s);
    expect(all).toContain('"staff":"城区管理员"');
  });
});

const DAY = 86_400_000;

/** A legal-aid record submitted `daysAgo` days ago, then moved by staff to `status` a minute later. */
async function aged(daysAgo: number, status?: '已办结' | '不予受理' | '审查中', town = 'taicheng'): Promise<string> {
  const at = new Date(Date.now() - daysAgo * DAY);
  const deps = { ...depsFor(ctx(ip)), now: () => at };
  const res = await handleApplication(
    'legal-aid',
    postJson('/api/legal-aid', { ...legalAidSelf(), town, _key: newKey() }),
    deps,
    'cid',
  );
  const { receipt } = (await res.json()) as { receipt: string };
  if (status) {
    const sd: StaffDeps = { ...staffDepsFor(ctx(ip)), now: () => new Date(at.getTime() + 60_000) };
    const note = status === '不予受理' ? '不属于法律援助的事项范围。' : '';
    const body = { status, note };
    expect(
      (await handleStaff(staffReq(`/api/staff/records/${receipt}/status`, CITY, { body }), sd, { ip })).status,
    ).toBe(200);
  }
  return receipt;
}

const job = (over: Partial<Parameters<typeof retentionJob>[0]> = {}) =>
  retentionJob({ now: new Date(), policy: { days: 365, maxAgeDays: 730 }, secret: secret(), secretOk: true, ...over });

describe('desk counts', () => {
  it('come from tallies kept in step with every insert, change, purge and delete, equal to counting the rows', async () => {
    const now = new Date();
    const recs = await syntheticRecords({
      count: 400,
      from: new Date(now.getTime() - 700 * DAY),
      to: now,
      secret: secret(),
      seed: 3,
    });
    expect(await insertRecords(sql(), secret(), recs)).toBe(400);
    const open = recs.filter((r) => ['已收到', '审查中', '已受理'].includes(r.status.current));
    expect(open.length).toBeGreaterThan(1);
    const change = (receipt: string, status: string) =>
      staff(`/api/staff/records/${receipt}/status`, CITY, { body: { status, note: '不属于受理范围。' } });
    expect((await change(open[0]!.receipt, '已办结')).res.status).toBe(200);
    expect((await change(open[1]!.receipt, '不予受理')).res.status).toBe(200);
    expect((await job())!.purged.length).toBeGreaterThan(0);
    await sql().query('DELETE FROM requests WHERE receipt = $1', [recs[5]!.receipt]);
    const tallies = await sql().query(
      'SELECT town, kind, status, has_personal, n FROM request_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4',
    );
    const counted = await sql().query(
      'SELECT town, kind, status, has_personal, count(*)::int AS n FROM requests GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4',
    );
    expect(tallies.rows).toEqual(counted.rows);
    // The desk's counts from the tallies equal those counted over a date range that covers every row.
    const today = beijingDate(now);
    const byStatus = <T extends { status: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.status.localeCompare(b.status));
    const scopes = [
      { cityWide: true, towns: [] },
      { cityWide: false, towns: ['duhu', 'baisha'] },
    ];
    const filters = [
      {},
      { town: 'duhu' },
      { formType: 'legal-aid' as const },
      { due: 'overdue' as const },
      { due: 'soon' as const, formType: 'legal-aid' as const },
    ];
    for (const scope of scopes)
      for (const f of filters) {
        const fast = await staffStore().countRecords({ filters: f, scope, today });
        const slow = await staffStore().countRecords({ filters: { ...f, from: '2000-01-01' }, scope, today });
        expect(
          byStatus(fast).filter((x) => x.total > 0),
          JSON.stringify([scope, f]),
        ).toEqual(byStatus(slow).filter((x) => x.total > 0));
      }
  });
});

describe('retention', () => {
  it('purges personal data of records closed longer than the period, keeps the anonymous metadata, and touches nothing else', async () => {
    const oldDone = await aged(400, '已办结');
    const oldRefused = await aged(400, '不予受理');
    const recentDone = await aged(10, '已办结');
    const oldOpen = await aged(400, '审查中');
    const oldUntouched = await aged(400);
    const before = {
      recentDone: await record(recentDone),
      oldOpen: await record(oldOpen),
      oldUntouched: await record(oldUntouched),
    };
    const report = await job();
    expect([...report!.purged].sort()).toEqual([oldDone, oldRefused].sort());
    for (const r of [oldDone, oldRefused]) {
      const rec = await record(r);
      expect(rec.personal).toBeNull();
      expect(rec.purgedAt).toBeTruthy();
      expect(rec.meta).toMatchObject({
        town: 'taicheng',
        category: 'labour',
        phoneCheck: '',
        idemHash: '',
        submissionHash: '',
      });
      expect(rec.status.history.every((h) => h.note === undefined)).toBe(true);
      expect(rec.status.current).toBe(r === oldDone ? '已办结' : '不予受理');
      // The status page no longer finds it, and the desk still verifies the purged row.
      expect((await call(statusFn, postJson('/api/status', { receipt: r, phone: '13800138000' }))).status).toBe(404);
      expect((await staff(`/api/staff/records/${r}`)).body.record).toMatchObject({ verified: true, personal: null });
    }
    // Everything else is exactly as before.
    expect(await record(recentDone)).toEqual(before.recentDone);
    expect(await record(oldOpen)).toEqual(before.oldOpen);
    expect(await record(oldUntouched)).toEqual(before.oldUntouched);
    // An entry of intent before the batch and one of completion after, naming the receipts; a second run purges nothing.
    const entries = await auditEntries();
    const start = entries.find((e) => e.action === 'retention-start')!;
    const done = entries.find((e) => e.action === 'retention')!;
    expect([...start.receipts!].sort()).toEqual([oldDone, oldRefused].sort());
    expect([...done.receipts!].sort()).toEqual([oldDone, oldRefused].sort());
    expect(start.at <= done.at).toBe(true);
    expect((await job())!.purged).toEqual([]);
    // Staff can no longer change a purged record.
    expect((await staff(`/api/staff/records/${oldDone}/status`, CITY, { body: { status: '审查中' } })).res.status).toBe(
      409,
    );
  });

  it('purges records that never close once they reach the maximum age', async () => {
    const forgotten = await aged(800, '审查中');
    const young = await aged(400, '审查中');
    const report = await job();
    expect(report!.purged).toEqual([forgotten]);
    expect((await record(forgotten)).personal).toBeNull();
    expect((await record(young)).personal).not.toBeNull();
  });

  it('resumes after being killed after its first batch; every purged receipt had an audit entry of intent before its purge', async () => {
    const due = [];
    for (let i = 0; i < 7; i++) due.push(await aged(400 + i, '已办结'));
    const { retentionStore } = await import('../../src/lib/store/retention.ts');
    const { retentionRun } = await import('../../src/lib/staff/retention.ts');
    const events: string[] = [];
    let purges = 0;
    const real = retentionStore(secret(), () => new Date());
    const killing = {
      ...real,
      async audit(
        action: 'retention-start' | 'retention',
        receipts: string[],
        detail: Record<string, string | number>,
      ) {
        events.push(`${action}:${[...receipts].sort().join(',')}`);
        return real.audit(action, receipts, detail);
      },
      async purge(batch: Parameters<typeof real.purge>[0]) {
        if (purges++ === 1) throw new Error('killed'); // the process dies during the second batch
        const done = await real.purge(batch);
        events.push(`purged:${[...done].sort().join(',')}`);
        return done;
      },
    };
    const policy = { days: 365, maxAgeDays: 730 };
    await expect(retentionRun(killing, policy, new Date(), { batchSize: 3, budgetMs: 60_000 })).rejects.toThrow(
      'killed',
    );
    const purgedAfterKill = (
      await sql().query<{ n: number }>('SELECT count(*)::int AS n FROM requests WHERE purged_at IS NOT NULL')
    ).rows[0]!.n;
    expect(purgedAfterKill).toBe(3);
    const report = await job({ batchSize: 3 });
    expect(report!.purged).toHaveLength(4);
    for (const r of due) expect((await record(r)).personal).toBeNull();
    // Ordering in the killed run: intent, then purge, for the batch that was purged.
    expect(events[0]!.startsWith('retention-start:')).toBe(true);
    expect(events[1]!.startsWith('purged:')).toBe(true);
    // Every purged receipt appears in a retention-start entry written no later than its purge.
    const entries = await auditEntries();
    for (const r of due) {
      const { rows } = await sql().query<{ purged_at: Date }>('SELECT purged_at FROM requests WHERE receipt = $1', [r]);
      const intent = entries.find((e) => e.action === 'retention-start' && e.receipts?.includes(r));
      expect(intent, r).toBeTruthy();
      expect(Date.parse(intent!.at)).toBeLessThanOrEqual(Math.max(rows[0]!.purged_at.getTime(), Date.now()));
    }
  });

  it('stops starting batches when its time budget is spent, and the next run continues', async () => {
    for (let i = 0; i < 5; i++) await aged(400 + i, '已办结');
    let t = 0;
    const { retentionStore } = await import('../../src/lib/store/retention.ts');
    const { retentionRun } = await import('../../src/lib/staff/retention.ts');
    const report = await retentionRun(
      retentionStore(secret(), () => new Date()),
      { days: 365, maxAgeDays: 730 },
      new Date(),
      {
        batchSize: 2,
        budgetMs: 1000,
        clock: () => (t += 700),
      },
    );
    expect(report.stoppedEarly).toBe(true);
    expect(report.purged.length).toBeLessThan(5);
    expect((await job())!.purged.length).toBe(5 - report.purged.length);
  });

  it('deletes nothing when RETENTION_DAYS is not set, and refuses to run with the development secret on a deployed site', async () => {
    const r = await aged(4000, '已办结');
    expect(await job({ policy: null })).toBeNull();
    expect((await record(r)).personal).not.toBeNull();
    expect(await job({ secretOk: false })).toBeNull();
    expect((await record(r)).personal).not.toBeNull();
    expect(logs.join('\n')).toContain('retention-refused');
    expect((await auditEntries()).some((e) => e.action === 'retention-start')).toBe(false);
  });

  it('a deployed site without RETENTION_DAYS refuses new submissions with a clear 503 (status lookups still work)', async () => {
    const deployed = { requestId: 'x', ip, deploy: { context: 'production', id: 'p' } } as never;
    const saved = process.env.APPLICATIONS_SECRET;
    process.env.APPLICATIONS_SECRET = 'a-real-secret-for-this-test-only-0123456789';
    try {
      delete process.env.RETENTION_DAYS;
      const res = await (legalAid as Fn)(postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }), deployed);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toContain('保存期限');
      process.env.RETENTION_DAYS = '1095';
      const ok = await (legalAid as Fn)(postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }), deployed);
      expect(ok.status).toBe(201);
    } finally {
      delete process.env.RETENTION_DAYS;
      if (saved === undefined) delete process.env.APPLICATIONS_SECRET;
      else process.env.APPLICATIONS_SECRET = saved;
    }
  });
});

describe('public statistics (/stats/)', () => {
  /** A record received on `day` (ISO), accepted one day later when `accepted`. */
  async function on(day: string, accepted: boolean, town = 'taicheng'): Promise<string> {
    const at = new Date(day);
    const res = await handleApplication(
      'legal-aid',
      postJson('/api/legal-aid', { ...legalAidSelf(), town, _key: newKey() }),
      { ...depsFor(ctx(ip)), now: () => at },
      'cid',
    );
    const { receipt } = (await res.json()) as { receipt: string };
    if (accepted) {
      const sd: StaffDeps = { ...staffDepsFor(ctx(ip)), now: () => new Date(at.getTime() + DAY) };
      await handleStaff(staffReq(`/api/staff/records/${receipt}/status`, CITY, { body: { status: '已受理' } }), sd, {
        ip,
      });
    }
    return receipt;
  }

  const statsDeps = async (now: Date) => {
    const { statsStore, jobStore } = await import('../../src/lib/store/stats.ts');
    const { shell } = await import('../../functions/_shared/shell.ts');
    return {
      store: statsStore(),
      jobs: jobStore(),
      now: () => now,
      base: '/',
      shell,
      deadlineMs: 20_000,
      perCallMs: 15_000,
      log: () => {},
      logFailure: () => {},
    };
  };
  const page = async (now: Date, query = '') => {
    const { handleStats } = await import('../../src/lib/staff/stats-page.ts');
    const res = await handleStats(new Request(`${ORIGIN}/stats/${query}`), await statsDeps(now), 'cid');
    return { res, text: await res.text() };
  };
  const tables = (text: string) => text.slice(text.indexOf('<h2'), text.indexOf('id="how-to-read"'));

  it('publishes closed months only; two refreshes on different days of an open month publish the same figures', async () => {
    for (let i = 0; i < 7; i++) await on(`2026-10-0${i + 1}T03:00:00Z`, i < 6);
    for (let i = 0; i < 3; i++) await on(`2026-11-0${i + 1}T03:00:00Z`, false);
    const early = await page(new Date('2026-11-05T04:00:00Z'));
    expect(early.res.status).toBe(200);
    // October is closed: 7 received, 6 accepted; November is open and not shown at all.
    expect(early.text).toMatch(/<th scope="row">10月<\/th><td>7<\/td><td>6<\/td>/);
    expect(early.text).not.toContain('11月</th>');
    // More happens in November, and a later refresh runs: the published figures are the same.
    for (let i = 0; i < 6; i++) await on(`2026-11-1${i}T03:00:00Z`, true);
    await sql().query(`UPDATE requests SET town = 'duhu' WHERE created_at < '2026-10-05'`);
    const later = await page(new Date('2026-11-25T04:00:00Z'));
    expect(tables(later.text)).toBe(tables(early.text));
  });

  it('freezes a month when it closes: its figures never change, whatever happens to the records later', async () => {
    for (let i = 0; i < 8; i++) await on(`2026-09-0${i + 1}T03:00:00Z`, true);
    const first = await page(new Date('2026-10-02T00:00:00Z'));
    expect(first.text).toMatch(/<th scope="row">9月<\/th><td>8<\/td><td>8<\/td>/);
    // Records change afterwards (a correction of the data, a late status): September stays as published.
    await sql().query(`UPDATE requests SET status = '已撤回'`);
    const { refreshStats } = await import('../../src/lib/staff/stats-refresh.ts');
    const { statsStore, jobStore } = await import('../../src/lib/store/stats.ts');
    expect(await refreshStats(statsStore(), jobStore(), new Date('2026-12-02T00:00:00Z'), 'later')).toEqual([
      '2026-10',
      '2026-11',
    ]);
    const after = await page(new Date('2026-12-02T00:00:00Z'));
    expect(after.text).toMatch(/<th scope="row">9月<\/th><td>8<\/td><td>8<\/td>/);
    const frozen = await sql().query<{ period: string }>('SELECT period FROM stats_periods ORDER BY period');
    expect(frozen.rows.map((r) => r.period)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('runs one refresh at a time, and a failed refresh is logged, shown as pending and retried', async () => {
    await on('2026-08-03T03:00:00Z', false);
    const { refreshStats } = await import('../../src/lib/staff/stats-refresh.ts');
    const { statsStore, jobStore } = await import('../../src/lib/store/stats.ts');
    const now = new Date('2026-09-02T00:00:00Z');
    const jobs = jobStore();
    expect(await jobs.lease('stats-refresh', 'someone-else', now, new Date(now.getTime() + 60_000))).toBe(true);
    expect(await refreshStats(statsStore(), jobs, now, 'me')).toBeNull();
    await jobs.finish('stats-refresh', 'someone-else', now);
    // The database fails in the middle of a refresh.
    const failures: string[] = [];
    const broken = { ...statsStore(), monthRaw: async () => Promise.reject(new Error('connection lost')) };
    const deps = {
      ...(await statsDeps(now)),
      store: broken,
      logFailure: (_c: string, _e: unknown, event: string) => void failures.push(event),
    };
    const { handleStats } = await import('../../src/lib/staff/stats-page.ts');
    const res = await handleStats(new Request(`${ORIGIN}/stats/`), deps, 'cid');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('2026年8月的数字正在生成');
    expect(failures).toEqual(['stats-refresh-failed']);
    expect(await jobs.state('stats-refresh')).toMatchObject({ failures: 1 });
    // The next request retries and publishes it.
    const ok = await page(now);
    expect(ok.text).not.toContain('正在生成');
    expect(ok.text).toContain('8月</th>');
    expect(await jobs.state('stats-refresh')).toMatchObject({ failures: 0 });
  });

  it('publishes a closed year with town rows and a total, month rows as frozen, small counts suppressed', async () => {
    for (let i = 0; i < 9; i++)
      await on(`2025-0${(i % 3) + 3}-1${i}T03:00:00Z`, i % 2 === 0, i < 6 ? 'taicheng' : 'duhu');
    const { text } = await page(new Date('2026-02-10T00:00:00Z'), '?year=2025');
    expect(text).toMatch(/<table class="stats-table"><caption id="[^"]+">2025年法律援助申请：按月份<\/caption>/);
    expect(text).toContain('<th scope="col">收到</th>');
    expect(text).toMatch(/<th scope="row">台城街道<\/th><td>6<\/td>/);
    expect(text).toContain('全年合计');
    expect(text).toMatch(/<svg [^>]*role="img" aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(text).toContain('&lt;5');
    // No count of 1–4 is ever shown (the last cell of a row is the median of days, not a count).
    expect(text).not.toMatch(/<td>[1-4]<\/td><td>/);
    expect(text).not.toMatch(/陈大文|13800138000|style=|<script/);
    const current = await page(new Date('2026-02-10T00:00:00Z'), '?year=2026&type=mediation');
    expect(current.text).not.toContain('stats-table__total');
  });

  it('renders a complete page without JavaScript', async () => {
    await on('2026-10-03T03:00:00Z', true);
    const res = await call(statsFn, new Request(`${ORIGIN}/stats/`));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=600');
    const text = await res.text();
    expect(text).toMatch(/<html lang="zh-CN"/);
    expect(text.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(text).not.toContain('noindex');
    expect((await call(statsFn, new Request(`${ORIGIN}/stats/`, { method: 'POST' }))).status).toBe(405);
  });
});
