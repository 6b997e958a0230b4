/**
 * 村居法律顾问服务日 (src/lib/consult/service-days.ts) on a fixture schedule
 * (tests/fixtures/service-days.json, made up for the tests: the real file has
 * no entries until the bureau publishes a schedule): upcoming days, and
 * bookings refused outside the schedule, in the past or when the slot is full.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBooking, SCHEDULE, slotId, upcoming, type ServiceDayEntry } from '../../src/lib/consult/service-days.ts';
import { serviceDaySchema } from '../../src/schemas/service-days.ts';
import { projectRoot } from '../support/dist.ts';

const FIXTURE = JSON.parse(
  readFileSync(join(projectRoot, 'tests', 'fixtures', 'service-days.json'), 'utf8'),
) as ServiceDayEntry[];
const [sijiu, duhu] = FIXTURE as [ServiceDayEntry, ServiceDayEntry];
const first = slotId(sijiu, sijiu.slots[0]!);

describe('the schedule', () => {
  it('is empty until the bureau publishes one (nothing invented), and the fixture meets the schema', () => {
    expect(SCHEDULE).toEqual([]);
    for (const d of FIXTURE) expect(serviceDaySchema.safeParse(d).success).toBe(true);
  });
  it('refuses an entry without its source or with a slot ending before it starts', () => {
    expect(serviceDaySchema.safeParse({ ...sijiu, source: undefined }).success).toBe(false);
    const bad = { ...sijiu, slots: [{ start: '10:00', end: '09:00', capacity: 2 }] };
    expect(serviceDaySchema.safeParse(bad).error?.issues[0]?.message).toBe('时段的结束时间要晚于开始时间');
  });
  it('lists upcoming days soonest first, by town', () => {
    expect(upcoming(FIXTURE, '2031-01-01').map((d) => d.id)).toEqual([duhu.id, sijiu.id]);
    expect(upcoming(FIXTURE, '2031-02-11').map((d) => d.id)).toEqual([sijiu.id]);
    expect(upcoming(FIXTURE, '2031-01-01', 'duhu').map((d) => d.id)).toEqual([duhu.id]);
  });
});

describe('checkBooking', () => {
  it('takes a booking while the slot has room', () => {
    expect(checkBooking(FIXTURE, first, '2031-03-01', 0)).toMatchObject({ ok: true, left: 1 });
    expect(checkBooking(FIXTURE, first, '2031-03-14', 1)).toMatchObject({ ok: true, left: 0 });
  });
  it('refuses a full slot with a clear message', () => {
    const r = checkBooking(FIXTURE, first, '2031-03-01', 2);
    expect(r).toMatchObject({ ok: false, code: 'full' });
    expect(!r.ok && r.message).toContain('2个名额已经约满了');
  });
  it('refuses a date or time outside the schedule, and a day already past', () => {
    expect(checkBooking(FIXTURE, '2031-03-15-sijiu-fixture@09:00', '2031-03-01', 0)).toMatchObject({ code: 'unknown' });
    expect(checkBooking(FIXTURE, `${sijiu.id}@13:00`, '2031-03-01', 0)).toMatchObject({ code: 'unknown' });
    expect(checkBooking(FIXTURE, first, '2031-03-15', 0)).toMatchObject({ code: 'past' });
  });
});
