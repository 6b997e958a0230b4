/**
 * Queries, not scans: the store's own SQL (src/lib/store/) explained by the
 * database on 20,000 synthetic requests over two years (scripts/seed-requests.ts),
 * checking that every query of the desk, the audit view, retention and the
 * statistics reads an index, never the whole requests table. The benchmark
 * (npm run bench -- --only database) prints the same plans at 100,000 rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_SECRET } from '../../functions/_shared/secrets.ts';
import { newAuditEntry } from '../../src/lib/staff/audit.ts';
import { parseCursor } from '../../src/lib/staff/records.ts';
import type { ListQuery } from '../../src/lib/staff/store.ts';
import { DUE } from '../../src/lib/store/retention.ts';
import { auditSql, countSql, listSql, serviceDaySql } from '../../src/lib/store/staff.ts';
import { MONTH } from '../../src/lib/store/stats.ts';
import { insertAuditEntries, insertRecords, syntheticRecords } from '../../scripts/seed-requests.ts';
import { planSummary } from '../../scripts/explain.ts';
import { useDatabase } from './support/database.ts';

const { sql } = useDatabase({ empty: false });
const now = new Date('2026-12-07T02:00:00Z');
const city = { cityWide: true, towns: [] };
const duhu = { cityWide: false, towns: ['duhu', 'baisha'] };
const base: ListQuery = { filters: {}, scope: city, today: '2026-12-07', sort: 'due', limit: 50 };

beforeAll(async () => {
  const records = await syntheticRecords({
    count: 20_000,
    from: new Date('2024-12-07T00:00:00Z'),
    to: now,
    secret: DEV_SECRET,
  });
  expect(await insertRecords(sql(), DEV_SECRET, records)).toBe(20_000);
  const entries = records
    .slice(0, 3000)
    .map((r, i) =>
      newAuditEntry(
        DEV_SECRET,
        { actor: i % 2 ? '城区管理员' : '都斛司法所', action: 'read', receipt: r.receipt, town: r.meta.town },
        new Date(now.getTime() - i * 60_000),
      ),
    );
  await insertAuditEntries(sql(), entries);
  await sql().query('VACUUM ANALYZE requests');
  await sql().query('VACUUM ANALYZE audit_entries');
}, 600_000);

const plan = (q: { text: string; values: unknown[] }) => planSummary(sql(), q.text, q.values);

describe('query plans on 20,000 requests', () => {
  it('pages the desk’s queue from an index, whatever the filter and order, and never reads the whole table', async () => {
    const after = parseCursor(
      Buffer.from(
        encodeURIComponent(
          JSON.stringify(['due', '2026-12-01', '2026-11-20T00:00:00.000Z', 'FY-20261120-0000-0000-0000']),
        ),
      ).toString('base64url'),
      'due',
    );
    const cases: [string, ListQuery, RegExp][] = [
      ['city, by deadline', base, /requests_queue/],
      ['city, by deadline, second page', { ...base, after }, /requests_queue/],
      ['one town', { ...base, filters: { town: 'duhu' } }, /requests_town_queue/],
      ['one status', { ...base, filters: { status: '审查中' } }, /requests_status_queue/],
      ['overdue', { ...base, filters: { due: 'overdue' } }, /requests_(status_)?queue/],
      ['newest', { ...base, sort: 'newest' }, /requests_newest/],
      ['newest in one town', { ...base, sort: 'newest', filters: { town: 'duhu' } }, /requests_town_(newest|queue)/],
      ['a town office (two towns)', { ...base, scope: duhu }, /requests_(town_)?queue/],
      ['one receipt', { ...base, filters: { receipt: 'FY-20261120-0000-0000-0000' } }, /requests_pkey/],
    ];
    for (const [what, q, index] of cases) {
      const p = await plan(listSql(q));
      expect(p.text, what).toMatch(index);
      expect(p.seqScans, `${what}:\n${p.text}`).toEqual([]);
    }
  });

  it('counts per status from the tallies and the queue index, or from the date index when a date range narrows it', async () => {
    // request_tallies is a few hundred rows: reading it whole is the point.
    for (const q of [base, { ...base, scope: duhu }, { ...base, filters: { due: 'overdue' as const } }]) {
      const p = await plan(countSql(q));
      expect(p.text).toMatch(/request_tallies/);
      expect(p.text).toMatch(/Index/);
      expect(p.seqScans.filter((t) => t !== 'request_tallies')).toEqual([]);
    }
    const ranged = await plan(countSql({ ...base, filters: { formType: 'legal-aid' as const, from: '2026-11-01' } }));
    expect(ranged.text).not.toMatch(/request_tallies/);
    expect(ranged.text).toMatch(/Index/);
    expect(ranged.seqScans).toEqual([]);
  });

  it('pages the audit trail by time, by receipt and for a town office from indexes', async () => {
    const viewer = { name: '都斛司法所', cityWide: false, towns: ['duhu'] };
    const range = { from: '2026-01-01T00:00:00Z', to: '2026-12-08T00:00:00Z', limit: 100 };
    expect((await plan(auditSql({ ...range, viewer: { ...viewer, cityWide: true } }))).text).toMatch(/audit_time/);
    const byReceipt = await plan(auditSql({ ...range, viewer, receipt: 'FY-20261120-0000-0000-0000' }));
    expect(byReceipt.text).toMatch(/audit_receipt/);
    for (const q of [
      auditSql({ ...range, viewer }),
      auditSql({ ...range, viewer, receipt: 'FY-20261120-0000-0000-0000' }),
    ])
      expect((await plan(q)).seqScans).toEqual([]);
  });

  it('lists a service day’s bookings from its index, for the city and for a town office', async () => {
    for (const scope of [city, duhu]) {
      const p = await plan(serviceDaySql('2031-03-14-sijiu-fixture', scope));
      expect(p.text).toMatch(/requests_service_day/);
      expect(p.seqScans).toEqual([]);
    }
  });

  it('finds what retention must purge, and a month for the statistics, from indexes', async () => {
    const due = await plan({ text: DUE, values: ['2025-12-07T00:00:00Z', '2024-12-07T00:00:00Z', 500] });
    expect(due.text).toMatch(/requests_closed/);
    expect(due.seqScans).toEqual([]);
    const month = await plan({ text: MONTH, values: ['2026-10-31T16:00:00Z', '2026-11-30T16:00:00Z'] });
    expect(month.text).toMatch(/requests_(decided|accepted|closed|newest|queue)/);
    expect(month.seqScans).toEqual([]);
  });
});
