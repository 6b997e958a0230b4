/**
 * The published directory data (content/directory/): complete where the facts
 * are established (a 司法所 and a 法律援助工作站 for every town, one
 * 法律援助处) and honest everywhere (no contact without a source and a
 * verification, no phone number hidden in free text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS, legalAdvisersFileSchema, officeSchema, type Office } from '../../src/schemas/directory.ts';
import { isCityWide, officeIdProblems, servesTown } from '../../src/lib/directory.ts';
import { BUREAU } from '../../src/lib/site.ts';
import { TOWNS } from '../../src/lib/towns.ts';
import { projectRoot } from '../support/dist.ts';

const dir = join(projectRoot, 'content', 'directory');
const officeFiles = readdirSync(join(dir, 'offices')).filter((f) => f.endsWith('.yaml')).sort();
const raw = officeFiles.map((f) => ({ id: f.replace(/\.yaml$/, ''), text: readFileSync(join(dir, 'offices', f), 'utf8') }));
const offices = raw.map(({ id, text }) => ({ id, data: officeSchema.parse(parse(text)) as Office }));

describe('office entries', () => {
  it('have ids (file names) that make valid, unreserved page addresses', () => {
    expect(officeIdProblems(offices.map((o) => o.id))).toEqual([]);
  });
  it('have unique names', () => {
    const names = offices.map((o) => o.data.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it.each(TOWNS.map((t) => [t.name, t.id]))('%s has exactly one 司法所 and one 法律援助工作站 of its own', (_name, townId) => {
    const local = (type: string) => offices.filter((o) => o.data.type === type && !isCityWide(o.data) && servesTown(o.data, townId));
    expect(local('justice-office').map((o) => o.id)).toEqual([`justice-office-${townId}`]);
    expect(local('legal-aid-station').map((o) => o.id)).toEqual([`legal-aid-station-${townId}`]);
  });
  it('include the city’s one 法律援助处, serving the whole city', () => {
    const aid = offices.filter((o) => o.data.type === 'legal-aid-office');
    expect(aid.map((o) => [o.data.name, o.data.towns])).toEqual([['台山市法律援助处', '全市']]);
  });
  it('never publish a phone, address, hours or email without a source and a verification date', () => {
    const offending = offices.filter(
      (o) => CONTACT_FIELDS.some((f) => o.data[f] !== undefined) && !(o.data.source && o.data.verified && o.data.lastVerified),
    );
    expect(offending.map((o) => o.id)).toEqual([]);
  });
  it('hide no phone number in names, notes or sources, except the bureau’s published ones', () => {
    const allowed = new Set<string>([BUREAU.phone, BUREAU.hotline]);
    const found = raw.flatMap(({ id, text }) =>
      [...text.replace(/^phone:.*$/m, '').matchAll(/0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\b\d{5,}\b/g)].map((m) => m[0]).filter((n) => !allowed.has(n)).map((n) => `${id}: ${n}`),
    );
    expect(found).toEqual([]);
  });
});

describe('village legal advisers', () => {
  it('meet the schema (empty until a list is verified)', () => {
    const file = parse(readFileSync(join(dir, 'legal-advisers.yaml'), 'utf8')) ?? {};
    expect(legalAdvisersFileSchema.safeParse(file).success).toBe(true);
  });
});
