import { describe, expect, it } from 'vitest';
import { withBase, withoutBase } from '../../src/lib/paths.ts';
import { qrPath } from '../../src/lib/qr.ts';

describe('withBase', () => {
  it('prefixes site paths with the base', () => {
    expect(withBase('/plan/', '/')).toBe('/plan/');
    expect(withBase('/plan/#legal-aid', '/sfj/')).toBe('/sfj/plan/#legal-aid');
    expect(withBase('/', '/sfj')).toBe('/sfj/');
  });
  it('leaves external, protocol-relative and fragment links alone', () => {
    for (const link of ['https://example.org/', '//cdn.example/x', 'mailto:a@b.c', 'tel:12348', '#main']) {
      expect(withBase(link, '/sfj/')).toBe(link);
    }
  });
  it('withoutBase undoes withBase', () => {
    expect(withoutBase('/sfj/services/notary/', '/sfj/')).toBe('/services/notary/');
    expect(withoutBase('/services/', '/')).toBe('/services/');
  });
});

describe('qrPath', () => {
  it('draws a QR code whose size grows with the text and stays deterministic', () => {
    const a = qrPath('http://localhost:8888/plan/');
    expect(a.size).toBeGreaterThanOrEqual(21);
    expect((a.size - 17) % 4).toBe(0); // QR versions are 21, 25, 29 … modules wide
    expect(a.d).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    expect(qrPath('http://localhost:8888/plan/').d).toBe(a.d);
    expect(qrPath('https://example.org/' + 'x'.repeat(120)).size).toBeGreaterThan(a.size);
  });
});
