/**
 * Overseas phone numbers (src/lib/forms/phone.ts): typed as people abroad
 * write them, one canonical value, and one hash for the status lookup however
 * the number is typed.
 */
import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../src/lib/forms/phone.ts';
import { phoneHash } from '../../src/lib/requests/keys.ts';

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

  it('hashes one number the same however it is typed, and never like a mainland number', async () => {
    const secret = 'test-secret';
    const a = await phoneHash(secret, '+1 415 555 0123');
    expect(await phoneHash(secret, '001-415-555-0123')).toBe(a);
    expect(await phoneHash(secret, '(1) 415-555-0123')).toBe(a);
    expect(await phoneHash(secret, '14155550123')).not.toBe(a);
    expect(await phoneHash(secret, '(852) 9123 4567')).toBe(await phoneHash(secret, '+85291234567'));
  });
});
