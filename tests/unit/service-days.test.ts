/**
 * 村居法律顾问服务日 (src/lib/consult/service-days.ts) on a fixture schedule
 * (tests/fixtures/service-days.json, made up for the tests: the real file has
 * no entries until the bureau publishes a schedule): upcoming days, and
 * bookings refused outside the schedule, in the past or when the slot is full;
 * the 法律咨询 form's slot question and schema made from a schedule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBooking,
  dayLabel,
  SCHEDULE,
  seatFor,
  slotDay,
  slotId,
  slotOptions,
  upcoming,
  type ServiceDayEntry,
} from '../../src/lib/consult/service-days.ts';
import { renderDayList, type ListedBooking } from '../../src/lib/consult/day-list.ts';
import { fieldByName } from '../../src/lib/forms/definitions.ts';
import { renderFormPage } from '../../src/lib/requests/views.ts';
import { consultationFormFor, consultationRecordDef } from '../../src/lib/requests/consultation/form.ts';
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

describe('booking in the 法律咨询 form', () => {
  const today = '2031-02-01';
  const form = consultationFormFor(FIXTURE, today);
  const visit = {
    question: '老板拖欠工资三个月了，我该怎么办才好？',
    topic: 'wages',
    town: 'sijiu',
    phone: '13712345678',
  };
  const values = { ...visit, channel: 'visit', callTime: 'any' };

  it('offers the upcoming slots under 当面咨询, soonest first, with the place and how many each slot can see', () => {
    const slot = fieldByName(form.def, 'slot')!;
    expect(slot).toMatchObject({ kind: 'radios', showIf: { field: 'channel', values: ['visit'] } });
    expect(slotOptions(upcoming(FIXTURE, today))).toEqual(slot.options);
    expect(slot.options!.map((o) => o.value)).toEqual([`${duhu.id}@14:30`, first, `${sijiu.id}@10:00`]);
    expect(slot.options![1]).toEqual({
      value: first,
      label: '3月14日（星期五） 09:00–10:00，四九镇 测试用的社区（虚构）',
      hint: '地点：测试用的接待地点（虚构）。这个时段最多约2人。',
    });
    const page = String(renderFormPage(form.def, {}, { base: '/' }));
    expect(page).toContain(`name="slot" type="radio" value="${first}"`);
    expect(page).toContain('data-show-if="channel" data-show-values="visit"');
  });

  it('without a schedule (or once every day is past) there is no slot question and none is needed', () => {
    for (const f of [consultationFormFor([], today), consultationFormFor(FIXTURE, '2031-03-15')]) {
      expect(fieldByName(f.def, 'slot')).toBeUndefined();
      expect(f.parse(values)).toMatchObject({ ok: true });
    }
    expect(consultationFormFor(FIXTURE, '2031-02-11').def).not.toEqual(form.def);
  });

  it('needs a slot for 当面咨询, refuses one outside the schedule or past, and drops one sent with another channel', () => {
    const errors = (v: Record<string, string>, f = form) => {
      const r = f.parse(v);
      return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.message}`);
    };
    expect(errors(values)).toEqual(['slot:请选择一个服务日时段']);
    expect(errors({ ...values, slot: `${sijiu.id}@13:00` })).toEqual([
      'slot:这个时段不在已公布的服务日安排里，请从列表中重新选择。',
    ]);
    expect(errors({ ...values, slot: `${duhu.id}@14:30` }, consultationFormFor(FIXTURE, '2031-02-11'))).toEqual([
      'slot:这个服务日已经过去了，请选择以后的日期。',
    ]);
    expect(form.parse({ ...values, slot: first })).toMatchObject({ ok: true, data: { slot: first } });
    const online = form.parse({ ...visit, channel: 'online', slot: first });
    expect(online.ok && online.data.slot).toBe(undefined);
  });

  it('a seat names its slot, day and capacity, and the words for a full slot', () => {
    expect(slotDay(first)).toBe(sijiu.id);
    expect(seatFor(FIXTURE, first)).toEqual({
      slot: first,
      day: sijiu.id,
      capacity: 2,
      fullMessage: '2031-03-14 09:00–10:00 的2个名额已经约满了。请选择其他时段，或者打电话 0750-5524538 问问。',
    });
    expect(seatFor(FIXTURE, `${sijiu.id}@13:00`)).toBeUndefined();
    expect(dayLabel('2031-02-10')).toBe('2月10日（星期一）');
  });
});

describe('the adviser’s list of a service day', () => {
  const list = (bookings: ListedBooking[], unopened = '载入私钥后显示') =>
    String(renderDayList(sijiu, bookings, unopened));

  it('one table per slot with the count against the capacity; names and phones once opened', () => {
    const out = list([
      { receipt: 'ZX-20310201-AAAA-AAAA-AAAA', slot: first, status: '已收到', caller: '黄<b>伯', phone: '13712345678' },
      { receipt: 'ZX-20310201-BBBB-BBBB-BBBB', slot: first, status: '审查中', caller: '', phone: '13800138000' },
    ]);
    expect(out).toContain('<h3 id="day-list-title" tabindex="-1">3月14日（星期五） 四九镇 测试用的社区（虚构）</h3>');
    expect(out).toContain('<caption id="day-slot-0">09:00–10:00：已约 2 人（名额 2 人）</caption>');
    expect(out).toContain('<caption id="day-slot-1">10:00–11:00：已约 0 人（名额 3 人）</caption>');
    expect(out).toContain('<td>黄&lt;b&gt;伯</td><td>13712345678</td>');
    expect(out).toContain('（没有留）');
    expect(out).toContain('这个时段还没有人预约。');
    expect(out).not.toContain('时段已改动');
  });

  it('says why a person is not shown, and never leaves off a booking whose slot time was changed', () => {
    const out = list([{ receipt: 'ZX-20310201-CCCC-CCCC-CCCC', slot: `${sijiu.id}@08:30`, status: '已收到' }]);
    expect(out).toContain('时段已改动的预约：1 人（约的是 08:30），请打电话确认');
    expect(out).toContain('<span class="desk-muted">载入私钥后显示</span>');
  });
});

describe('reading a booking on the desk', () => {
  it('labels the booked slot with every day of the schedule, past days too', () => {
    const def = consultationRecordDef(FIXTURE);
    const slot = fieldByName(def, 'slot')!;
    expect(slot.options!.map((o) => o.value)).toEqual([`${duhu.id}@14:30`, first, `${sijiu.id}@10:00`]);
    expect(fieldByName(consultationRecordDef([]), 'slot')).toBeUndefined();
  });
});
