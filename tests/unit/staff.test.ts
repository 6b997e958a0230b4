/**
 * Pure logic of the staff desk: sealing and opening, key files and key ids,
 * staff tokens, lockout, the 7-day decision limit, status changes and their
 * notes, CSV, retention and the statistics with small-count suppression
 * (checked by brute force on small tables).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveText } from '../../src/lib/citations.ts';
import { loadLawIndex } from '../../src/integrations/content-checks.ts';
import type { ApplicationRecord, StatusEntry } from '../../src/lib/requests/record.ts';
import {
  fromB64url,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  kidMatches,
  open,
  parsePrivateKeyFile,
  parsePublicKey,
  publicKeySealer,
  seal,
  toB64url,
} from '../../src/lib/staff/crypto.ts';
import { csvCell, toCsv } from '../../src/lib/staff/csv.ts';
import { deadlineText, decisionDeadline } from '../../src/lib/staff/deadline.ts';
import { beijingDate } from '../../src/lib/time.ts';
import { exportCsv, exportFileName, personalRows } from '../../src/lib/staff/desk-format.ts';
import { closedAt, dueBefore, purged, retentionDays, retentionPolicy } from '../../src/lib/staff/retention.ts';
import {
  inferIntervals,
  monthsBetween,
  publishMonth,
  publishYear,
  snapshotFrom,
  suppress,
  type CellState,
  type PeriodRaw,
  type SuppressionProblem,
} from '../../src/lib/staff/stats.ts';
import { lastClosedMonth } from '../../src/lib/staff/stats-refresh.ts';
import { checkStatusChange, looksPersonal } from '../../src/lib/staff/status-change.ts';
import {
  canSee,
  expired,
  findStaff,
  newToken,
  parseStaffTokens,
  staffLine,
  TOKEN_PATTERN,
  tokenHash,
} from '../../src/lib/staff/tokens.ts';
import { verifyAuditEntry, newAuditEntry } from '../../src/lib/staff/audit.ts';
import { route } from '../../src/lib/staff/api/index.ts';
import { parseFilters, type RecordSummary } from '../../src/lib/staff/records.ts';

const RECEIPT = 'FY-20261127-7K3Q9P';

describe('sealing personal data', () => {
  it('round-trips with the private key; the stored form names the key and holds only base64url', async () => {
    const pair = await generateKeyPair(new Date('2026-11-27T02:00:00Z'));
    expect(pair.kid).toMatch(/^20261127-[A-Za-z0-9_-]{12}$/);
    expect(await kidMatches(pair.publicJwk)).toBe(true);
    const sealer = publicKeySealer(parsePublicKey(JSON.stringify(pair.publicJwk)));
    const data = { name: '陈大文', facts: '<script>x</script>', exemptions: ['migrant-worker'], householdSize: 4 };
    const sealed = (await sealer.seal(data, { receipt: RECEIPT })) as Record<string, unknown>;
    expect(sealed).toMatchObject({ encoding: 'ecdh-p256-aes256gcm', v: 1, kid: pair.kid });
    for (const k of ['epk', 'iv', 'ct'] as const) expect(sealed[k]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromB64url(sealed.epk as string)).toHaveLength(65);
    expect(fromB64url(sealed.iv as string)).toHaveLength(12);
    expect(JSON.stringify(sealed)).not.toContain('陈大文');
    const key = await importPrivateKey(pair.privateJwk);
    expect(await open(sealed, RECEIPT, [{ kid: pair.kid, key }])).toEqual(data);
  });

  it('uses a fresh ephemeral key and nonce every time', async () => {
    const pair = await generateKeyPair();
    const to = { key: await importPublicKey(pair.publicJwk), kid: pair.kid };
    const a = await seal({ x: 1 }, to, RECEIPT);
    const b = await seal({ x: 1 }, to, RECEIPT);
    expect(a.epk).not.toBe(b.epk);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses another receipt, another key id label, and anything that is not a sealed record', async () => {
    const pair = await generateKeyPair();
    const key = await importPrivateKey(pair.privateJwk);
    const sealed = await seal({ x: 1 }, { key: await importPublicKey(pair.publicJwk), kid: pair.kid }, RECEIPT);
    await expect(open(sealed, 'FY-20261127-7K3Q9Q', [{ kid: pair.kid, key }])).rejects.toMatchObject({
      reason: 'failed',
    });
    await expect(open({ ...sealed, kid: 'other' }, RECEIPT, [{ kid: 'other', key }])).rejects.toMatchObject({
      reason: 'failed',
    });
    await expect(open({ encoding: 'plain', data: {} }, RECEIPT, [{ kid: pair.kid, key }])).rejects.toMatchObject({
      reason: 'format',
    });
    await expect(open(sealed, RECEIPT, [])).rejects.toMatchObject({ reason: 'no-key', kid: pair.kid });
  });

  it('imports private keys as non-extractable', async () => {
    const pair = await generateKeyPair();
    const key = await importPrivateKey(pair.privateJwk);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });

  it('reads key files: one JWK or a JWK set; refuses public keys, bad JSON and tampered key ids', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    expect(parsePrivateKeyFile(JSON.stringify(a.privateJwk)).map((k) => k.kid)).toEqual([a.kid]);
    expect(parsePrivateKeyFile(JSON.stringify({ keys: [a.privateJwk, b.privateJwk] })).map((k) => k.kid)).toEqual([
      a.kid,
      b.kid,
    ]);
    expect(() => parsePrivateKeyFile(JSON.stringify(a.publicJwk))).toThrow(/not a private key/);
    expect(() => parsePrivateKeyFile('not json')).toThrow();
    expect(() => parsePublicKey(JSON.stringify(a.privateJwk))).toThrow(/PRIVATE/);
    expect(() => parsePublicKey(JSON.stringify({ ...a.publicJwk, kid: undefined }))).toThrow(/kid/);
    expect(await kidMatches({ ...a.publicJwk, kid: b.kid })).toBe(false);
  });

  it('base64url round-trips', () => {
    const bytes = new Uint8Array([0, 1, 250, 251, 252, 253, 254, 255]);
    expect([...fromB64url(toB64url(bytes))]).toEqual([...bytes]);
    expect(() => fromB64url('a+b/')).toThrow();
  });
});

describe('staff tokens', () => {
  const t1 = newToken();
  const t2 = newToken();
  const env = [
    staffLine('陈丽', ['taicheng', 'dajiang'], t1, '2027-06-30'),
    staffLine('李明', '*', t2, '2027-03-31'),
  ].join(';\n');

  it('makes 256-bit tokens and lines with only their hash', () => {
    expect(t1).toMatch(TOKEN_PATTERN);
    expect(t1).not.toBe(t2);
    expect(env).not.toContain(t1);
    expect(env).toContain(tokenHash(t1));
  });

  it('parses STAFF_TOKENS, reporting bad entries by number only', () => {
    const h = 'a'.repeat(64);
    const { staff, problems } = parseStaffTokens(
      `${env};bad entry;王|nowhere|${h}|2027-01-01;赵|*|${h};钱|*|${h}|next year`,
    );
    expect(staff.map((s) => [s.name, s.towns, s.cityWide, s.expires])).toEqual([
      ['陈丽', ['taicheng', 'dajiang'], false, '2027-06-30'],
      ['李明', [], true, '2027-03-31'],
    ]);
    expect(problems).toEqual([
      'entry 3: expected name|towns|sha256-hex|YYYY-MM-DD',
      'entry 4: unknown town id',
      'entry 5: no expiry date (name|towns|hash|YYYY-MM-DD); make a new token with npm run staff:add',
      'entry 6: expiry is not a date like 2027-06-30',
    ]);
    expect(parseStaffTokens(undefined)).toEqual({ staff: [], problems: [] });
  });

  it('finds the person holding a token, and nobody for anything else', () => {
    const { staff } = parseStaffTokens(env);
    expect(findStaff(staff, t1)?.name).toBe('陈丽');
    expect(findStaff(staff, t2)?.name).toBe('李明');
    for (const wrong of ['', t1.slice(0, -1), `${t1}x`, tokenHash(t1), 'tsk_'])
      expect(findStaff(staff, wrong)).toBeNull();
    expect(canSee(staff[0]!, 'taicheng')).toBe(true);
    expect(canSee(staff[0]!, 'duhu')).toBe(false);
    expect(canSee(staff[1]!, 'duhu')).toBe(true);
  });

  it('refuses names, towns and dates that would break the line', () => {
    expect(() => staffLine('a|b', '*', t1, '2027-01-01')).toThrow();
    expect(() => staffLine('陈丽', ['atlantis'], t1, '2027-01-01')).toThrow(/atlantis/);
    expect(() => staffLine('陈丽', [], t1, '2027-01-01')).toThrow();
    expect(() => staffLine('陈丽', '*', t1, 'soon')).toThrow(/expires/);
  });

  it('expires after its last day (Beijing dates)', () => {
    const { staff } = parseStaffTokens(env);
    expect(expired(staff[0]!, '2027-06-30')).toBe(false);
    expect(expired(staff[0]!, '2027-07-01')).toBe(true);
  });
});

describe('the 7-day decision limit (法律援助法第四十三条)', () => {
  const history: StatusEntry[] = [{ status: '已收到', at: '2026-11-27T01:00:00Z', by: 'system' }];
  const r = (current: StatusEntry['status'], h = history) => ({
    formType: 'legal-aid',
    createdAt: '2026-11-27T01:00:00Z',
    status: { current, history: h },
  });

  it('does not count the day of receipt (民法典第二百零一条), in Beijing time', () => {
    expect(decisionDeadline(r('已收到'), new Date('2026-11-27T10:00:00Z'))).toEqual({
      lastDay: '2026-12-04',
      daysLeft: 7,
      overdue: false,
      waiting: false,
    });
    expect(decisionDeadline(r('审查中'), new Date('2026-12-04T15:00:00Z'))).toMatchObject({
      daysLeft: 0,
      overdue: false,
    });
    // 16:30 UTC on 12-04 is already 12-05 in Beijing.
    expect(decisionDeadline(r('审查中'), new Date('2026-12-04T16:30:00Z'))).toMatchObject({
      daysLeft: -1,
      overdue: true,
    });
    // Received at 23:30 Beijing time (15:30 UTC): that Beijing day.
    expect(
      decisionDeadline({ ...r('已收到'), createdAt: '2026-11-27T15:30:00Z' }, new Date('2026-11-28T01:00:00Z'))
        ?.lastDay,
    ).toBe('2026-12-04');
    // Received at 00:30 Beijing time (16:30 UTC the day before) counts as the next Beijing day.
    expect(
      decisionDeadline({ ...r('已收到'), createdAt: '2026-11-27T16:30:00Z' }, new Date('2026-11-28T01:00:00Z'))
        ?.lastDay,
    ).toBe('2026-12-05');
  });

  it('is shown while waiting for materials, and gone once decided, closed, withdrawn, or for mediation', () => {
    expect(decisionDeadline(r('需补充材料'), new Date('2026-11-28T01:00:00Z'))?.waiting).toBe(true);
    expect(decisionDeadline(r('已受理'), new Date())).toBeNull();
    expect(
      decisionDeadline(
        r('审查中', [...history, { status: '不予受理', at: '2026-11-28T01:00:00Z', by: 'staff' }]),
        new Date(),
      ),
    ).toBeNull();
    expect(decisionDeadline(r('已撤回'), new Date())).toBeNull();
    expect(decisionDeadline({ ...r('已收到'), formType: 'mediation' }, new Date())).toBeNull();
  });

  it('reads plainly', () => {
    expect(deadlineText({ lastDay: '2026-12-04', daysLeft: 3, overdue: false, waiting: false })).toBe(
      '还剩3天（12月4日前决定）',
    );
    expect(deadlineText({ lastDay: '2026-12-04', daysLeft: 0, overdue: false, waiting: true })).toBe(
      '今天到期（12月4日），等待补充材料',
    );
    expect(deadlineText({ lastDay: '2026-12-04', daysLeft: -2, overdue: true, waiting: false })).toBe(
      '已超期2天（应在12月4日前决定）',
    );
    expect(beijingDate('2026-11-27T16:00:00Z')).toBe('2026-11-28');
  });
});

describe('status changes', () => {
  it('需补充材料 needs the full list, numbered, in the note the applicant reads', () => {
    expect(checkStatusChange({ status: '需补充材料', note: '' })).toMatchObject({
      ok: false,
      errors: [{ field: 'materials' }],
    });
    expect(
      checkStatusChange({ status: '需补充材料', materials: ['身份证明', ' ', '欠条'], note: '拍照即可。' }),
    ).toEqual({
      ok: true,
      status: '需补充材料',
      note: '请一次性补充以下材料：\n1. 身份证明\n2. 欠条\n拍照即可。',
    });
  });

  it('不予受理 needs a reason; staff cannot set 已收到 or 已撤回; notes stay short', () => {
    expect(checkStatusChange({ status: '不予受理' })).toMatchObject({ ok: false, errors: [{ field: 'note' }] });
    expect(checkStatusChange({ status: '已撤回' })).toMatchObject({ ok: false, errors: [{ field: 'status' }] });
    expect(checkStatusChange({ status: '已收到' })).toMatchObject({ ok: false });
    expect(checkStatusChange({ status: '已受理', note: '字'.repeat(501) })).toMatchObject({
      ok: false,
      errors: [{ field: 'note' }],
    });
    expect(checkStatusChange({ status: '已受理', materials: ['x'] })).toMatchObject({
      ok: false,
      errors: [{ field: 'materials' }],
    });
    expect(checkStatusChange({ status: '已受理' })).toEqual({ ok: true, status: '已受理', note: '' });
  });

  it('refuses notes that look like identity or phone numbers, but allows the bureau number and dates', () => {
    for (const bad of [
      '电话13800138000',
      '138 0013 8000',
      '１３８００１３８０００',
      '440781196504121234',
      '44078119650412123X',
      '0750-1234567',
      '020 12345678',
    ])
      expect(looksPersonal(bad), bad).toBe(true);
    for (const ok of ['请致电 0750-5524538', '12348', '请在2026年12月4日前补充', '第四十三条', '3000元'])
      expect(looksPersonal(ok), ok).toBe(false);
  });
});

describe('CSV', () => {
  it('quotes every cell, doubles quotes, keeps line breaks, and neutralises formulas', () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(f).startsWith(`"'`)).toBe(true);
    expect(csvCell('a=1')).toBe('"a=1"');
    expect(csvCell(null)).toBe('""');
  });

  it('starts with a BOM and ends rows with CRLF', () => {
    const text = toCsv(['姓名'], [['陈大文']]);
    expect(text).toBe('\uFEFF"姓名"\r\n"陈大文"\r\n');
  });

  it('exports decrypted records with labels the applicant saw, and the reason when a record could not be opened', () => {
    const summary = (over: Partial<RecordSummary>): RecordSummary => ({
      receipt: RECEIPT,
      formType: 'legal-aid',
      town: 'taicheng',
      category: 'labour',
      createdAt: '2026-11-27T01:00:00Z',
      updatedAt: '2026-11-27T01:00:00Z',
      status: '已收到',
      history: [{ status: '已收到', at: '2026-11-27T01:00:00Z', by: 'system' }],
      corrections: 0,
      lang: 'zh-Hans',
      kid: 'k',
      dueOn: '2026-12-04',
      verified: true,
      ...over,
    });
    const csv = exportCsv(
      [
        {
          summary: summary({}),
          data: {
            forWhom: 'self',
            name: '陈大文',
            exemptions: ['migrant-worker', 'assistance'],
            urgent: true,
            householdSize: 4,
            facts: '=cmd',
          },
        },
        {
          summary: summary({
            receipt: 'TJ-20261127-7K3Q9Q',
            formType: 'mediation',
            town: 'duhu',
            category: 'neighbour',
            lang: 'zh-Hant',
            dueOn: null,
          }),
          data: null,
          problem: '缺少私钥 k2',
        },
        {
          summary: summary({
            receipt: 'FY-20261127-8M4R2T',
            status: '已撤回',
            history: [
              { status: '已收到', at: '2026-11-27T01:00:00Z', by: 'system' },
              { status: '已撤回', at: '2026-11-27T01:05:00Z', by: 'applicant' },
            ],
            kid: null,
            dueOn: null,
          }),
          data: null,
          problem: '申请人已撤回，已删除',
        },
      ],
      new Date('2026-11-28T01:00:00Z'),
    );
    const [header, a, b, c] = csv.slice(1).trim().split('\r\n');
    expect(header).toContain('"法律援助：姓名"');
    expect(header).toContain('"人民调解：姓名"');
    expect(a).toContain('"陈大文"');
    expect(a).toContain('"为我自己申请"');
    expect(a).toContain('"进城务工人员，要讨工资或者要工伤赔偿、低保、特困等社会救助对象，司法救助对象，或者优抚对象"');
    expect(a).toContain('"是"');
    expect(a).toContain(`"'=cmd"`);
    expect(a).toContain('"还剩6天（12月4日前决定）"');
    expect(b).toContain('"都斛镇"');
    expect(b).toContain('"缺少私钥 k2"');
    // The script the person used, so a reply can be in the same one.
    expect(header).toContain('"填写用字"');
    expect(a).toContain('"简体"');
    expect(b).toContain('"繁體"');
    // A withdrawn legal-aid application owes no decision, and was not decided either.
    expect(c).toContain('"已撤回，无需决定"');
    expect(c).not.toContain('已作出决定');
    expect(exportFileName(new Date('2026-11-27T06:03:00Z'))).toBe('申请导出-20261127-1403.csv');
  });

  it('lists a decrypted application in the order of the form, skipping empty answers', () => {
    const rows = personalRows('mediation', {
      name: '李小梅',
      phone: '13912345678',
      otherWilling: 'unknown',
      address: '',
    });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['姓名', '李小梅'],
      ['联系电话', '13912345678'],
      ['对方是否愿意调解', '不知道'],
    ]);
  });
});

describe('the staff API helpers', () => {
  it('routes only the documented paths', () => {
    expect(route('/api/staff/session')).toEqual({ name: 'session', method: 'POST' });
    expect(route('/sfj/api/staff/records/')).toEqual({ name: 'list', method: 'GET' });
    expect(route('/api/staff/records/FY-20261127-7K3Q9P')).toEqual({
      name: 'read',
      method: 'GET',
      receipt: 'FY-20261127-7K3Q9P',
    });
    expect(route('/api/staff/records/FY-20261127-7K3Q9P/status')).toEqual({
      name: 'status',
      method: 'POST',
      receipt: 'FY-20261127-7K3Q9P',
    });
    for (const p of ['/api/staff/audit/1', '/api/staff/records/x/delete', '/api/staff/', '/api/other'])
      expect(route(p)).toEqual({ name: 'none' });
  });

  it('refuses unknown filter values instead of ignoring them', () => {
    expect(parseFilters({ formType: 'legal-aid', status: '审查中', town: 'duhu', from: '2026-11-01', to: '' })).toEqual(
      { formType: 'legal-aid', status: '审查中', town: 'duhu', from: '2026-11-01' },
    );
    for (const bad of [{ formType: 'x' }, { status: 'x' }, { town: 'x' }, { from: '2026-1-1' }])
      expect(() => parseFilters(bad)).toThrow();
  });

  it('audit entries verify, and any change breaks them', () => {
    const e = newAuditEntry(
      'secret-'.repeat(6),
      { actor: '陈丽', action: 'read', receipt: RECEIPT, town: 'taicheng' },
      new Date('2026-11-27T16:30:00Z'),
    );
    expect(e.id).toMatch(/^2026-11-28\/2026-11-27T16:30:00\.000Z-[0-9a-f]{16}$/);
    expect(verifyAuditEntry('secret-'.repeat(6), e)).toBe(true);
    expect(verifyAuditEntry('secret-'.repeat(6), { ...e, actor: '别人' })).toBe(false);
    expect(verifyAuditEntry('other-'.repeat(7), e)).toBe(false);
  });
});

describe('retention', () => {
  const rec = (current: StatusEntry['status'], closed: string): ApplicationRecord => ({
    schemaVersion: 1,
    receipt: RECEIPT,
    formType: 'legal-aid',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: closed,
    status: {
      current,
      history: [
        { status: '已收到', at: '2025-01-01T00:00:00Z', by: 'system' },
        { status: current, at: closed, by: 'staff', note: '说明' },
      ],
    },
    meta: {
      town: 'taicheng',
      category: 'labour',
      phoneCheck: 'p',
      idemHash: 'i',
      submissionHash: 's',
      withdrawUntil: '2025-01-01T00:10:00Z',
      corrections: 0,
    },
    personal: { encoding: 'ecdh-p256-aes256gcm', v: 1, kid: 'k', epk: 'e', iv: 'i', ct: 'c' },
  });
  const now = new Date('2026-01-10T00:00:00Z');

  it('dates closing from the latest entry with the final status, and purges to the anonymous metadata', () => {
    expect(closedAt(rec('已办结', '2025-01-05T00:00:00Z'))).toBe('2025-01-05T00:00:00Z');
    expect(closedAt(rec('审查中', '2025-01-05T00:00:00Z'))).toBeNull();
    const p = purged(rec('已办结', '2025-01-05T00:00:00Z'), now);
    expect(p).toMatchObject({
      personal: null,
      purgedAt: now.toISOString(),
      meta: { town: 'taicheng', category: 'labour', phoneCheck: '', idemHash: '', submissionHash: '' },
    });
    expect(p.status.history.map((h) => h.note)).toEqual([undefined, undefined]);
  });

  it('reads RETENTION_DAYS and RETENTION_MAX_AGE_DAYS strictly; the maximum age is never shorter than the period', () => {
    expect(retentionDays('1095')).toBe(1095);
    for (const bad of [undefined, '', '0', '-5', '3.5', 'abc', '99999999']) expect(retentionDays(bad)).toBeNull();
    expect(retentionPolicy('365', undefined)).toEqual({ days: 365, maxAgeDays: 730 });
    expect(retentionPolicy('365', '1000')).toEqual({ days: 365, maxAgeDays: 1000 });
    expect(retentionPolicy('365', '30')).toEqual({ days: 365, maxAgeDays: 365 });
    expect(retentionPolicy(undefined, '1000')).toBeNull();
    expect(dueBefore({ days: 1, maxAgeDays: 2 }, now)).toEqual({
      closedBefore: new Date('2026-01-09T00:00:00Z'),
      receivedBefore: new Date('2026-01-08T00:00:00Z'),
    });
  });
});

// ------------------------------------------------------------------ statistics

/**
 * Every value each hidden cell can take, given what is published: brute force
 * over small ranges (“<5” is 0–4, “×” is 5 up to `cap`), checking each sum
 * and inequality as soon as all its cells have a value.
 */
function feasibleValues(p: SuppressionProblem, states: CellState[], cap: number): Map<number, Set<number>> {
  const hidden = states.map((s, i) => (s === 'value' ? -1 : i)).filter((i) => i >= 0);
  const order = new Map(hidden.map((cell, k) => [cell, k]));
  const ranges = hidden.map((i) =>
    states[i] === 'small' ? [0, 1, 2, 3, 4] : Array.from({ length: cap - 4 }, (_, k) => k + 5),
  );
  const out = new Map<number, Set<number>>(hidden.map((i) => [i, new Set<number>()]));
  const v = [...p.values];
  // Each constraint is checked at the depth where its last hidden cell gets a value.
  const checks: (() => boolean)[][] = hidden.map(() => []);
  const depth = (cells: number[]) => Math.max(-1, ...cells.map((c) => order.get(c) ?? -1));
  const constraints: [number[], () => boolean][] = [
    ...p.groups.map(
      (g) =>
        [[...g.members, g.total], () => g.members.reduce((n, m) => n + v[m]!, 0) === v[g.total]] as [
          number[],
          () => boolean,
        ],
    ),
    ...p.leq.map(([a, b]) => [[a, b], () => v[a]! <= v[b]!] as [number[], () => boolean]),
  ];
  for (const [cells, check] of constraints) {
    const d = depth(cells);
    if (d < 0) expect(check()).toBe(true);
    else checks[d]!.push(check);
  }
  const walk = (k: number) => {
    if (k === hidden.length) {
      hidden.forEach((i) => out.get(i)!.add(v[i]!));
      return;
    }
    for (const x of ranges[k]!) {
      v[hidden[k]!] = x;
      if (checks[k]!.every((c) => c())) walk(k + 1);
    }
  };
  walk(0);
  return out;
}

/** Rows (2 months, 3 towns, total) × measures (received, accepted), as computeStats builds them. */
function smallProblem(values: number[]): SuppressionProblem {
  const n = 6; // 2 months + 3 towns + total
  const idx = (m: number, r: number) => m * n + r;
  const groups = [0, 1].flatMap((m) => [
    { members: [idx(m, 0), idx(m, 1)], total: idx(m, 5) },
    { members: [idx(m, 2), idx(m, 3), idx(m, 4)], total: idx(m, 5) },
  ]);
  const leq = Array.from({ length: n }, (_, r) => [idx(1, r), idx(0, r)] as [number, number]);
  return { values, groups, leq };
}

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('statistics suppression', () => {
  it(
    'hides every count below 5 and enough others that no count of 1–4 can be worked out (brute force, 300 random tables)',
    { timeout: 60_000 },
    () => {
      const rnd = seeded(7);
      let secondary = 0;
      for (let t = 0; t < 300; t++) {
        const months = [Math.floor(rnd() * 9), Math.floor(rnd() * 9)];
        const total = months[0]! + months[1]!;
        // Split the total over three towns.
        const a = Math.floor(rnd() * (total + 1));
        const b = Math.floor(rnd() * (total - a + 1));
        const towns = [a, b, total - a - b];
        const received = [...months, ...towns, total];
        const accepted = received.map((x) => Math.floor(rnd() * (x + 1)));
        // Keep the accepted rows consistent too: months and towns must add up to the same total.
        accepted[1] = Math.max(0, Math.min(received[1]!, accepted[5]! - accepted[0]!));
        accepted[5] = accepted[0]! + accepted[1]!;
        accepted[4] = Math.max(0, accepted[5]! - accepted[2]! - accepted[3]!);
        if (accepted[4]! > received[4]! || accepted[2]! + accepted[3]! > accepted[5]!) continue;
        const p = smallProblem([...received, ...accepted]);
        const states = suppress(p);
        p.values.forEach((v, i) => {
          if (v < 5) expect(states[i]).toBe('small');
        });
        secondary += states.filter((s) => s === 'hidden').length;
        // Every count of 1 to 4 keeps at least two possible values for someone who sees the table.
        const feasible = feasibleValues(p, states, 20);
        for (const [cell, values] of feasible) {
          const v = p.values[cell]!;
          if (v >= 1 && v <= 4)
            expect(values.size, `table ${t}, cell ${cell} = ${v}: ${[...values]}`).toBeGreaterThan(1);
          expect(values.has(v)).toBe(true);
        }
      }
      expect(secondary).toBeGreaterThan(0); // the random tables did need secondary suppression
    },
  );

  it('catches a single hidden cell in a published sum', () => {
    const p: SuppressionProblem = { values: [3, 10, 13], groups: [{ members: [0, 1], total: 2 }], leq: [] };
    expect(inferIntervals(p, ['small', 'value', 'value'])[0]).toEqual({ lo: 3, hi: 3 });
    expect(suppress(p)).toEqual(['small', 'hidden', 'value']);
    // A zero that can be worked out reveals nobody: no secondary suppression for it.
    expect(suppress({ values: [0, 10, 10], groups: [{ members: [0, 1], total: 2 }], leq: [] })).toEqual([
      'small',
      'value',
      'value',
    ]);
  });

  it('never hides a cell published before (a closed year keeps its months), and still protects every small count', () => {
    // Months 7, 3 (published: 7 shown, 3 as “<5”), towns 8 and 2, total 10.
    const p: SuppressionProblem = {
      values: [7, 3, 8, 2, 10],
      groups: [
        { members: [0, 1], total: 4 },
        { members: [2, 3], total: 4 },
      ],
      leq: [],
    };
    const fixed = new Map<number, CellState>([
      [0, 'value'],
      [1, 'small'],
    ]);
    const states = suppress(p, fixed);
    expect(states.slice(0, 2)).toEqual(['value', 'small']);
    // The total would give away the month's 3 (10 − 7): only the total can be hidden, and it is.
    expect(states[4]).toBe('hidden');
    const feasible = feasibleValues(p, states, 20);
    expect(feasible.get(1)!.size).toBeGreaterThan(1);
    expect(feasible.get(3)!.size).toBeGreaterThan(1);
  });

  it('publishes a closed month as one row per kind, with counts below 5 shown as “<5”', () => {
    const raw: PeriodRaw = {
      'legal-aid': {
        taicheng: { received: 6, accepted: 4, closed: 5, days: [1, 2, 2, 3, 9] },
        duhu: { received: 2, accepted: 1, closed: 0, days: [4] },
      },
    };
    const m = publishMonth('2026-03', raw);
    expect(m.rows['legal-aid']).toEqual({
      key: '2026-03',
      label: '3月',
      received: { kind: 'value', value: 8 },
      accepted: { kind: 'value', value: 5 },
      closed: { kind: 'value', value: 5 },
      medianDays: 2.5,
    });
    expect(m.rows.mediation).toMatchObject({ received: { kind: 'small' }, medianDays: null });
  });

  it('publishes a closed year: the months exactly as frozen, towns and total suppressed around them', () => {
    const raws: PeriodRaw[] = [3, 4, 5].map((n, i) => ({
      'legal-aid': {
        taicheng: { received: n + 4, accepted: n, closed: i, days: [] },
        duhu: { received: 1, accepted: 0, closed: 0, days: [] },
      },
    }));
    const months = raws.map((raw, i) => ({ raw, published: publishMonth(`2025-0${i + 3}`, raw) }));
    const year = publishYear(2025, months);
    const la = year.types.find((t) => t.formType === 'legal-aid')!;
    expect(la.months).toEqual(months.map((m) => m.published.rows['legal-aid']));
    expect(la.total).toMatchObject({ key: 'total', received: { kind: 'value', value: 27 } });
    expect(la.towns.find((t) => t.key === 'taicheng')!.received).toEqual({ kind: 'value', value: 24 });
    expect(la.towns.find((t) => t.key === 'duhu')!.received).toEqual({ kind: 'small' });
    // 27 − 24 = 3 is shared by sixteen “<5” towns: none of them can be pinned, so nothing more is hidden.
    expect(la.towns.filter((t) => t.received.kind === 'small')).toHaveLength(16);
    // A month's “<5” beside the visible months and the total would be pinned: then the total is hidden.
    const small: PeriodRaw = { 'legal-aid': { taicheng: { received: 3, accepted: 0, closed: 0, days: [] } } };
    const withSmall = publishYear(2025, [...months, { raw: small, published: publishMonth('2025-06', small) }]);
    const t = withSmall.types.find((x) => x.formType === 'legal-aid')!;
    expect(t.months.at(-1)!.received).toEqual({ kind: 'small' });
    expect(t.total!.received).toEqual({ kind: 'hidden' });
  });

  it('shows the open year’s closed months only, closed years whole, and says which months are pending', () => {
    expect(lastClosedMonth(new Date('2026-01-05T00:00:00Z'))).toBe('2025-12');
    expect(lastClosedMonth(new Date('2026-03-31T16:30:00Z'))).toBe('2026-03'); // 00:30 on 1 April in Beijing
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const jan = publishMonth('2026-01', {});
    const snap = snapshotFrom([jan], [], ['2026-02'], '2026-02-01T00:00:00Z');
    expect(snap.years).toEqual([
      {
        year: 2026,
        closed: false,
        types: [
          { formType: 'legal-aid', months: [jan.rows['legal-aid']], towns: [], total: null },
          { formType: 'mediation', months: [jan.rows.mediation], towns: [], total: null },
          { formType: 'consultation', months: [jan.rows.consultation], towns: [], total: null },
        ],
      },
    ]);
    expect(snap.pending).toEqual(['2026-02']);
  });
});

describe('legal citations in the staff desk, the statistics and the privacy texts', () => {
  const root = join(import.meta.dirname, '..', '..');
  const index = loadLawIndex(join(root, 'content', 'laws'));
  const sources = [
    ...readdirSync(join(root, 'src', 'lib', 'staff'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
    join(root, 'src', 'pages', 'staff', 'index.astro'),
    join(root, 'src', 'pages', 'privacy.astro'),
    join(root, 'src', 'components', 'ProcessingNotice', 'ProcessingNotice.astro'),
  ];
  it.each(sources.map((f) => [f.slice(root.length + 1), f]))('%s cites only articles we hold', (_name, file) => {
    expect(resolveText(index, readFileSync(file, 'utf8')).errors).toEqual([]);
  });
  it('finds the citations it checks', () => {
    const total = sources.reduce((n, f) => n + resolveText(index, readFileSync(f, 'utf8')).resolved.length, 0);
    expect(total).toBeGreaterThan(10);
  });
});
