/** A call-back time given in the caller's zone, shown to staff in Beijing time (src/lib/time.ts). */
import { describe, expect, it } from 'vitest';
import { CALLBACK_ZONES, callbackInBeijing, zoneOffsetMinutes } from '../../src/lib/time.ts';

describe('call-back times from abroad', () => {
  it('converts with each zone’s own summer time', () => {
    expect(callbackInBeijing('2026-12-10 18:30', 'America/Los_Angeles')?.beijing).toBe('2026-12-11 10:30');
    expect(callbackInBeijing('2026-07-10 18:30', 'America/Los_Angeles')?.beijing).toBe('2026-07-11 09:30');
    expect(callbackInBeijing('2026-12-10T20:00', 'America/New_York')?.beijing).toBe('2026-12-11 09:00');
    expect(callbackInBeijing('2026-12-10T09:00', 'Asia/Hong_Kong')?.beijing).toBe('2026-12-10 09:00');
    expect(callbackInBeijing('2026-12-10T12:00', 'Australia/Sydney')?.beijing).toBe('2026-12-10 09:00');
    expect(callbackInBeijing('2026-06-10T12:00', 'Australia/Sydney')?.beijing).toBe('2026-06-10 10:00');
    expect(callbackInBeijing('2026-07-10T02:00', 'Europe/London')?.beijing).toBe('2026-07-10 09:00');
    expect(callbackInBeijing('2026-12-10T09:00', 'Asia/Shanghai')?.beijing).toBe('2026-12-10 09:00');
  });

  it('refuses a time that does not exist', () => {
    expect(callbackInBeijing('2026-02-30 10:00', 'Asia/Singapore')).toBeUndefined();
    expect(callbackInBeijing('tomorrow', 'Asia/Singapore')).toBeUndefined();
  });

  it('offers the zones of overseas Taishanese, each a real IANA zone', () => {
    expect(CALLBACK_ZONES.map((z) => z.zone)).toEqual(
      expect.arrayContaining(['America/Vancouver', 'America/Toronto', 'Asia/Macau', 'Europe/London']),
    );
    for (const { zone } of CALLBACK_ZONES)
      expect(Number.isFinite(zoneOffsetMinutes(zone, Date.UTC(2026, 0, 1)))).toBe(true);
  });
});
