/**
 * Overseas phone numbers (src/lib/forms/phone.ts): typed as people abroad
 * write them, one canonical value, and one phone check for the status lookup
 * (src/lib/requests/keys.ts: a slow salted hash per record) that matches the
 * number however it is typed, and never a mainland number.
 */
import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../src/lib/forms/phone.ts';
import { phoneCheck, phoneMatches } from '../../src/lib/requests/keys.ts';

const value = (s: string) => {
  const r = checkPhone(s);
  return r.ok ? r.value : r.problem;
};

describe('overseas phone numbers', () => {
  it('accepts the ways a number is written abroad, with one canonical value', () => {
    for (const s of [
      '+1 415 555 0123',
      '001-415-555-0123',
      '+1 (415) 555-0123',
      '(1) 415 555 0123',
      '＋１ ４１５ ５５５ ０１２３',
    ])
      expect(value(s)).toBe('+14155550123');
    for (const s of ['(852) 9123 4567', '+852 9123 4567', '00852 91234567', '852 9123 4567', '+852-9123-4567'])
      expect(value(s)).toBe('+85291234567');
    expect(value('+853 6612 3456')).toBe('+85366123456');
    expect(value('+65 8123 4567')).toBe('+6581234567');
    expect(value('+44 20 7946 0000')).toBe('+442079460000');
    expect(value('+61 2 9374 4000')).toBe('+61293744000');
    expect(value('+1 604 555 0199')).toBe('+16045550199');
  });

  it('keeps mainland numbers as before, also when written with +86', () => {
    expect(value('+86 138 0013 8000')).toBe('13800138000');
    expect(value('(86) 750 5524538')).toBe('0750-5524538');
    expect(value('0086 750 5524538')).toBe('0750-5524538');
    expect(value('13800138000')).toBe('13800138000');
    expect(checkPhone('13800138000').ok && checkPhone('13800138000')).toMatchObject({ kind: 'mobile' });
    expect(checkPhone('+1 415 555 0123')).toMatchObject({ kind: 'international' });
  });

  it('refuses what cannot be a number', () => {
    expect(value('+1 415')).toBe('invalid');
    expect(value('+0 123 456 789')).toBe('invalid');
    expect(value('+1 415 555 0123 0000 00')).toBe('invalid');
    expect(value('5524538')).toBe('noAreaCode');
    expect(value('+1 415 abc')).toBe('characters');
  });

  it('matches one number however it is typed, and never a mainland number', async () => {
    const secret = 'test-secret';
    // The lowest cost phoneMatches accepts: the check's parameters travel with it.
    const cheap = { N: 2 ** 10, r: 8, p: 1 };
    const stored = await phoneCheck(secret, '+1 415 555 0123', cheap);
    for (const typed of ['+1 415 555 0123', '001-415-555-0123', '(1) 415-555-0123', '＋１ ４１５ ５５５ ０１２３'])
      expect(await phoneMatches(secret, typed, stored), typed).toBe(true);
    // The same digits read as a mainland number are another number.
    expect(await phoneMatches(secret, '14155550123', stored)).toBe(false);
    expect(await phoneMatches(secret, '+1 415 555 0124', stored)).toBe(false);
    const hk = await phoneCheck(secret, '(852) 9123 4567', cheap);
    expect(await phoneMatches(secret, '+85291234567', hk)).toBe(true);
    expect(await phoneMatches(secret, '91234567', hk)).toBe(false);
    // A mainland number written with +86 is the mainland number.
    const mainland = await phoneCheck(secret, '13800138000', cheap);
    expect(await phoneMatches(secret, '+86 138 0013 8000', mainland)).toBe(true);
    // Salted per record: the same number never gives the same stored value twice.
    expect(await phoneCheck(secret, '+1 415 555 0123', cheap)).not.toBe(stored);
  });
});
