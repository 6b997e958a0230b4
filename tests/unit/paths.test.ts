import { describe, expect, it } from 'vitest';
import { withBase, withoutBase } from '../../src/lib/paths.ts';

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
