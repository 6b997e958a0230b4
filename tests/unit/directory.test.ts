/**
 * The directory's pure logic (src/lib/directory.ts), on fixture entries from
 * tests/fixtures/directory/ and the office types' text as published
 * (content/directory/office-types.yaml).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  OFFICE_TYPE_IDS,
  contactRows,
  correctionMailto,
  jsonLdScript,
  missingContacts,
  officeJsonLd,
  officeType,
  officeTypesFrom,
  officesForService,
  officesForTown,
  sortOffices,
  type OfficeEntry,
} from '../../src/lib/directory.ts';
import { officeSchema } from '../../src/schemas/directory.ts';
import { officeTypeSchema } from '../../src/schemas/office-types.ts';
import { projectRoot } from '../support/dist.ts';

const fixture = (file: string): OfficeEntry => ({
  id: file.replace(/\.yaml$/, ''),
  data: officeSchema.parse(
    parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'directory', 'valid', file), 'utf8')),
  ),
});
const verified = fixture('verified-office.yaml'); // justice-office, dajiang, verified with contacts
const station = fixture('unverified-office.yaml'); // legal-aid-station, dajiang + shuibu, unverified
const cityWide = fixture('city-wide-office.yaml'); // legal-aid-office, 全市
const all = [station, cityWide, verified];
const yamlTypes = parse(readFileSync(join(projectRoot, 'content', 'directory', 'office-types.yaml'), 'utf8')).types;
const TYPES = officeTypesFrom(
  (yamlTypes as unknown[]).map((t) => officeTypeSchema.parse(t)).map((data) => ({ id: data.id, data })),
);
const URL_ = 'https://example.org/directory/verified-office/';

describe('office types', () => {
  it('are the eight fixed slugs, in order', () => {
    expect(TYPES.map((t) => t.id)).toEqual([
      'justice-office',
      'legal-aid-office',
      'legal-aid-station',
      'public-legal-service-centre',
      'mediation-committee',
      'law-firm',
      'legal-adviser',
      'notary-office',
    ]);
  });
  it('are listed in the fixed order whatever the file’s order, and a missing one is a bug', () => {
    const entries = TYPES.map(({ id, jsonLdType: _j, people: _p, ...data }) => ({ id, data }));
    expect(officeTypesFrom([...entries].reverse()).map((t) => t.id)).toEqual([...OFFICE_TYPE_IDS]);
    expect(() => officeTypesFrom(entries.slice(1))).toThrow(/justice-office/);
  });
  it('mark the village legal advisers as people, and give each a schema.org type', () => {
    expect(TYPES.filter((t) => t.people).map((t) => t.id)).toEqual(['legal-adviser']);
    expect(officeType(TYPES, 'notary-office').jsonLdType).toBe('Notary');
  });
});

describe('officesForTown', () => {
  it('lists local entries of the town and city-wide entries separately, for every type', () => {
    const sections = officesForTown(TYPES, all, 'shuibu');
    expect(sections.map((s) => s.type.id)).toEqual([...OFFICE_TYPE_IDS]);
    const by = Object.fromEntries(sections.map((s) => [s.type.id, s]));
    expect(by['legal-aid-station']!.local.map((e) => e.id)).toEqual(['unverified-office']);
    expect(by['legal-aid-office']!.cityWide.map((e) => e.id)).toEqual(['city-wide-office']);
    expect(by['justice-office']!.local).toEqual([]); // the verified fixture serves dajiang only
  });
});

describe('officesForService', () => {
  it('lists every type that usually provides the line, with the entries that do', () => {
    const groups = officesForService(TYPES, all, 'legal-aid');
    expect(groups.map((g) => [g.type.id, g.offices.map((o) => o.id)])).toEqual([
      ['legal-aid-office', ['city-wide-office']],
      ['legal-aid-station', ['unverified-office']],
      ['public-legal-service-centre', []],
    ]);
  });
  it('includes a type whose entries provide the line even if the type usually does not', () => {
    const groups = officesForService(TYPES, all, 'resettlement');
    expect(groups.map((g) => g.type.id)).toEqual(['justice-office']);
  });
});

describe('sortOffices', () => {
  it('sorts by type, then city-wide first, then town order', () => {
    expect(sortOffices([station, verified, cityWide]).map((e) => e.id)).toEqual([
      'verified-office',
      'city-wide-office',
      'unverified-office',
    ]);
  });
});

describe('contacts', () => {
  it('shows a verified entry’s own contacts', () => {
    expect(contactRows(verified.data).map((r) => r.label)).toEqual(['地址', '电话', '办公时间', '邮箱']);
    expect(contactRows(verified.data)[1]).toEqual({ label: '电话', value: '0750-0000000', link: 'tel:0750-0000000' });
    expect(missingContacts(verified.data)).toBe('');
  });
  it('shows no contact of an unverified entry, even one that slipped past the schema', () => {
    expect(contactRows({ ...station.data, phone: '0750-0000000' })).toEqual([]);
    expect(missingContacts(station.data)).toBe('该机构的地址、电话和办公时间');
  });
});

describe('correctionMailto', () => {
  it('writes to the bureau with a subject and body naming the entry and its page', () => {
    const link = correctionMailto({ id: verified.id, name: verified.data.name }, URL_);
    expect(link.startsWith('mailto:ts686@126.com?subject=')).toBe(true);
    const params = new URLSearchParams(link.slice(link.indexOf('?') + 1));
    expect(params.get('subject')).toBe('机构名录信息有误：示例镇司法所（verified-office）');
    expect(params.get('body')).toContain(`页面：${URL_}`);
    expect(params.get('body')).toContain('“示例镇司法所”');
    expect(link).not.toMatch(/\s/); // fully encoded
  });
});

describe('officeJsonLd', () => {
  it('names the office and uses a fitting schema.org type', () => {
    const ld = officeJsonLd(verified, officeType(TYPES, verified.data.type), URL_);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentOffice',
      name: '示例镇司法所',
      url: URL_,
    });
    expect(ld.telephone).toBe('0750-0000000');
    expect(ld.address).toMatchObject({ '@type': 'PostalAddress', streetAddress: '台山市示例镇示例路1号' });
    expect(ld.areaServed).toEqual([{ '@type': 'AdministrativeArea', name: '台山市大江镇' }]);
  });
  it('claims no contact for an unverified entry and borrows none from the bureau', () => {
    const ld = officeJsonLd(station, officeType(TYPES, station.data.type), URL_);
    expect(ld).not.toHaveProperty('telephone');
    expect(ld).not.toHaveProperty('address');
    expect(ld).not.toHaveProperty('email');
  });
  it('serialises to JSON that cannot close its script element', () => {
    const text = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});
