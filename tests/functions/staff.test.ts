/**
 * The staff desk's server side, in-process against a local Blobs server:
 * encryption at rest (searching every stored byte for what applicants typed),
 * decryption with the right key only, key rotation, sign-in with tokens,
 * lockout, town scoping, status changes seen on the applicant's status page,
 * the append-only audit trail, retention and the public statistics.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import apply from '../../functions/apply.mts';
import statusFn from '../../functions/status.mts';
import staffFn, { config as staffConfig } from '../../functions/staff.mts';
import statsFn, { config as statsConfig } from '../../functions/stats.mts';
import { config as retentionConfig } from '../../functions/retention.mts';
import { depsFor } from '../../functions/_shared/deps.ts';
import { staffDepsFor } from '../../functions/_shared/staff-deps.ts';
import { staffStore } from '../../functions/_shared/staff-store.ts';
import { retentionJob } from '../../functions/_shared/retention-job.ts';
import { handleApplication } from '../../src/lib/requests/handlers/index.ts';
import { storageKey, type ApplicationRecord } from '../../src/lib/requests/record.ts';
import { newAuditEntry, type AuditEntry } from '../../src/lib/staff/audit.ts';
import { generateKeyPair, importPrivateKey, open, OpenError } from '../../src/lib/staff/crypto.ts';
import { handleStaff, type StaffDeps } from '../../src/lib/staff/api/index.ts';
import { newToken, staffLine } from '../../src/lib/staff/tokens.ts';
import { HTML_PAYLOAD, legalAidForOther, legalAidSelf, makeId, mediation } from '../fixtures/applications.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';
import { startBlobs, usePoint, type LocalBlobs } from './support/blobs.ts';

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
const STAFF_TOKENS = [staffLine('城区管理员', '*', CITY), staffLine('都斛司法所', ['duhu'], TOWN)].join(';');

let blobs: LocalBlobs;
let logs: string[] = [];
let keyCounter = 0;
let ipCounter = 0;
const newKey = () => `staff-key-${Date.now()}-${++keyCounter}-aaaaaaaa`;
/** A fresh client address per test, so lockouts from one test do not spill into the next. */
let ip = '';

beforeAll(async () => {
  blobs = await startBlobs();
  process.env.STAFF_TOKENS = STAFF_TOKENS;
});
afterAll(async () => {
  delete process.env.STAFF_TOKENS;
  await blobs.stop();
});
beforeEach(() => {
  usePoint(blobs.url);
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

function record(receipt: string): ApplicationRecord {
  const e = blobs.entries(storageKey(receipt))[0];
  if (!e) throw new Error(`no record ${receipt}`);
  return e.value as ApplicationRecord;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Audit entries as stored on disk. */
function auditFiles(): { file: string; entry: AuditEntry }[] {
  return walk(blobs.directory)
    .filter(
      (f) => f.includes('site:audit') && f.includes(`${join('entries')}`) && !f.includes(`${join('', 'metadata', '')}`),
    )
    .flatMap((file) => {
      try {
        return [{ file, entry: JSON.parse(readFileSync(file, 'utf8')) as AuditEntry }];
      } catch {
        return [];
      }
    });
}

const kidOf = (rec: ApplicationRecord) => (rec.personal as Record<string, unknown> | null)?.kid;

const auditFor = (receipt: string) =>
  auditFiles()
    .map((a) => a.entry)
    .filter((e) => e.receipt === receipt || e.receipts?.includes(receipt));

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
    const raw = blobs.rawText();
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
    const rec = record(a.receipt);
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
      'phoneHash',
      'submissionHash',
      'town',
      'withdrawUntil',
    ]);
    expect(Object.keys(rec.personal!).sort()).toEqual(['ct', 'encoding', 'epk', 'iv', 'kid', 'v']);
  });

  it('opens with the bureau private key, and not with another key, under another receipt or with a changed byte', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const rec = record(receipt);
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
    const len = (r: string) => ((record(r).personal as Record<string, string>).ct ?? '').length;
    expect(len(short.receipt)).toBe(len(longer.receipt));
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
      expect(kidOf(record(fresh.receipt))).toBe(next.kid);
      expect(kidOf(record(old.receipt))).toBe(testPrivateJwk().kid);
      expect(await openRecord(record(fresh.receipt), keys)).toMatchObject({ name: '新密钥' });
      expect(await openRecord(record(old.receipt), keys)).toMatchObject({ name: '陈大文' });
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
      expect(kidOf(record(old.receipt))).toBe(next.kid);
      expect(await openRecord(record(old.receipt), keys)).toMatchObject({ address: '台城街道某某路99号' });
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
    expect(record(receipt).personal).toBeNull();
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
    });
    expect((await staff('/api/staff/session', TOWN, { body: {} })).body).toEqual({
      name: '都斛司法所',
      towns: ['duhu'],
      cityWide: false,
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
    const entries = auditFiles().map((a) => a.entry);
    expect(entries.filter((e) => e.action === 'sign-in-failed').length).toBeGreaterThanOrEqual(10);
    expect(entries.some((e) => e.action === 'lockout')).toBe(true);
    // The address is stored only as an HMAC.
    expect(blobs.rawText()).not.toContain(ip);
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
    expect(record(taicheng.receipt).status.current).toBe('已收到');
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
    await staff(`/api/staff/records/${a.receipt}/status`, CITY, { body: { status: '审查中' } });
    const { body } = await staff('/api/staff/records?formType=legal-aid&status=审查中');
    const records = body.records as { receipt: string; status: string; formType: string }[];
    expect(records.some((r) => r.receipt === a.receipt)).toBe(true);
    expect(records.every((r) => r.status === '审查中' && r.formType === 'legal-aid')).toBe(true);
    const counts = body.counts as Record<string, number>;
    expect(counts['审查中']).toBe(records.length);
    expect(counts['已收到']).toBeGreaterThan(0); // counts ignore the status filter
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/phoneHash|idemHash|submissionHash|"ct"|陈大文/);
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
    expect(record(receipt).status.current).toBe('需补充材料');
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
    const mine = auditFor(receipt);
    expect(mine.map((e) => e.action).sort()).toEqual(['export', 'read', 'status-change']);
    for (const e of mine) {
      expect(e.actor).toBe('城区管理员');
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(mine.find((e) => e.action === 'status-change')!.detail).toMatchObject({ from: '已收到', to: '已受理' });
    const all = auditFiles().map((a) => a.entry);
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

  it('cannot be altered: no route edits or deletes entries, keys are never reused, and a changed entry fails its check', async () => {
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
    // Keys are unique; an append never overwrites an existing entry.
    const first = auditFiles()[0]!;
    const forged: AuditEntry = { ...first.entry, actor: '冒名' };
    expect(await staffStore.appendAudit(forged)).toEqual({ written: false });
    expect(JSON.parse(readFileSync(first.file, 'utf8')).actor).toBe(first.entry.actor);
    const a = newAuditEntry('s'.repeat(40), { actor: 'x', action: 'read' }, new Date());
    const b = newAuditEntry('s'.repeat(40), { actor: 'x', action: 'read' }, new Date(Date.parse(a.at)));
    expect(a.id).not.toBe(b.id);
    // Someone with direct access to the store edits an entry: the desk shows it as not verified.
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    await staff(`/api/staff/records/${receipt}`);
    const target = auditFiles().find((x) => x.entry.receipt === receipt)!;
    writeFileSync(target.file, JSON.stringify({ ...target.entry, actor: '别人' }));
    const shown = (await staff(`/api/staff/audit?receipt=${receipt}`)).body.entries as (AuditEntry & {
      verified: boolean;
    })[];
    expect(shown.find((e) => e.id === target.entry.id)).toMatchObject({ actor: '别人', verified: false });
  });

  it('hands out nothing when the audit entry cannot be written', async () => {
    const { receipt } = await submit(legalAid, '/api/legal-aid', legalAidSelf());
    const deps: StaffDeps = {
      ...staffDepsFor(ctx(ip)),
      store: { ...staffStore, appendAudit: async () => ({ written: false }) },
    };
    const res = await handleStaff(staffReq(`/api/staff/records/${receipt}`, CITY), deps, { ip });
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain('"ct"');
  });

  it('limits a view to 31 days', async () => {
    expect((await staff('/api/staff/audit?from=2026-01-01&to=2026-03-01')).res.status).toBe(400);
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

describe('retention', () => {
  const DAY = 86_400_000;
  /** A record submitted `daysAgo` days ago, then moved by staff to `status` at that time. */
  async function aged(daysAgo: number, status?: '已办结' | '不予受理' | '审查中'): Promise<string> {
    const at = new Date(Date.now() - daysAgo * DAY);
    const deps = { ...depsFor(ctx(ip)), now: () => at };
    const res = await handleApplication(
      'legal-aid',
      postJson('/api/legal-aid', { ...legalAidSelf(), _key: newKey() }),
      deps,
      'cid',
    );
    const { receipt } = (await res.json()) as { receipt: string };
    if (status) {
      const sd: StaffDeps = { ...staffDepsFor(ctx(ip)), now: () => new Date(at.getTime() + 60_000) };
      const note = status === '不予受理' ? '不属于法律援助的事项范围。' : '';
      expect(
        (
          await handleStaff(staffReq(`/api/staff/records/${receipt}/status`, CITY, { body: { status, note } }), sd, {
            ip,
          })
        ).status,
      ).toBe(200);
    }
    return receipt;
  }

  it('purges personal data of records closed longer than the period, keeps the anonymous metadata, and touches nothing else', async () => {
    const oldDone = await aged(400, '已办结');
    const oldRefused = await aged(400, '不予受理');
    const recentDone = await aged(10, '已办结');
    const oldOpen = await aged(400, '审查中');
    const oldUntouched = await aged(400);
    const before = { recentDone: record(recentDone), oldOpen: record(oldOpen), oldUntouched: record(oldUntouched) };
    const report = await retentionJob(staffStore, new Date(), 365, depsFor(ctx(ip)).secret);
    expect(report!.purged).toEqual(expect.arrayContaining([oldDone, oldRefused]));
    expect(report!.purged).not.toEqual(expect.arrayContaining([recentDone]));
    for (const r of [oldDone, oldRefused]) {
      const rec = record(r);
      expect(rec.personal).toBeNull();
      expect(rec.purgedAt).toBeTruthy();
      expect(rec.meta).toMatchObject({
        town: 'taicheng',
        category: 'labour',
        phoneHash: '',
        idemHash: '',
        submissionHash: '',
      });
      expect(rec.status.history.every((h) => h.note === undefined)).toBe(true);
      expect(rec.status.current).toBe(r === oldDone ? '已办结' : '不予受理');
      // The status page no longer finds it (no phone hash left).
      expect((await call(statusFn, postJson('/api/status', { receipt: r, phone: '13800138000' }))).status).toBe(404);
    }
    // Everything else is byte for byte as before.
    expect(record(recentDone)).toEqual(before.recentDone);
    expect(record(oldOpen)).toEqual(before.oldOpen);
    expect(record(oldUntouched)).toEqual(before.oldUntouched);
    // One audit entry names the purged receipts; a second run purges nothing.
    expect(auditFiles().some((a) => a.entry.action === 'retention' && a.entry.receipts?.includes(oldDone))).toBe(true);
    expect((await retentionJob(staffStore, new Date(), 365, depsFor(ctx(ip)).secret))!.purged).toEqual([]);
    // Staff can no longer change a purged record.
    expect((await staff(`/api/staff/records/${oldDone}/status`, CITY, { body: { status: '审查中' } })).res.status).toBe(
      409,
    );
  });

  it('deletes nothing when RETENTION_DAYS is not set', async () => {
    const r = await aged(4000, '已办结');
    expect(await retentionJob(staffStore, new Date(), null, depsFor(ctx(ip)).secret)).toBeNull();
    expect(record(r).personal).not.toBeNull();
  });
});

describe('public statistics (/stats/)', () => {
  it('renders a complete page without JavaScript: tables with caption and scopes, an SVG chart with a text alternative, small counts suppressed, no personal data', async () => {
    // Refresh the snapshot from everything stored by the tests above.
    await retentionJob(staffStore, new Date(), null, depsFor(ctx(ip)).secret);
    const res = await call(statsFn, new Request(`${ORIGIN}/stats/`));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=600');
    const page = await res.text();
    expect(page).toMatch(/<html lang="zh-CN"/);
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page).not.toContain('noindex');
    expect(page).toMatch(/<table class="stats-table"><caption id="[^"]+">\d{4}年法律援助申请：按收到的月份<\/caption>/);
    expect(page).toContain('<th scope="col">收到</th>');
    expect(page).toMatch(/<th scope="row">台城街道<\/th>/);
    expect(page).toMatch(/<svg [^>]*role="img" aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(page).toMatch(/<desc id="[^"]+">[^<]*月[^<]*件/);
    expect(page).toContain('&lt;5');
    // The mediation rows for most towns are below 5: shown as <5, never as 1–4.
    expect(page).not.toMatch(/<td>[1-4]<\/td>/);
    expect(page).not.toMatch(/陈大文|李小梅|13800138000|style=|<script/);
    const form = await call(statsFn, new Request(`${ORIGIN}/stats/?type=mediation&year=${new Date().getFullYear()}`));
    const formPage = await form.text();
    expect(formPage).toContain('人民调解申请');
    expect(formPage).not.toMatch(/<h2 id="stats-legal-aid"/);
    expect((await call(statsFn, new Request(`${ORIGIN}/stats/`, { method: 'POST' }))).status).toBe(405);
  });
});
