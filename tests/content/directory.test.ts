/**
 * The published directory data (content/directory/): complete where the facts
 * are established (a 司法所 and a 法律援助工作站 for every town, one
 * 法律援助处) and honest (no contact without a source and a verification).
 * File names, unique names, phone numbers hidden in free text and the legal
 * advisers' file are content rules (src/schemas/collection-rules.ts), checked
 * on all content by tests/content/content.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS, officeSchema, type Office } from '../../src/schemas/directory.ts';
import { isCityWide, servesTown } from '../../src/lib/directory.ts';
import { TOWNS } from '../../src/lib/towns.ts';
import { projectRoot } from '../support/dist.ts';

const dir = join(projectRoot, 'content', 'directory');
const officeFiles = readdirSync(join(dir, 'offices')).filter((f) => f.endsWith('.yaml')).sort();
const raw = officeFiles.map((f) => ({ id: f.replace(/\.yaml$/, ''), text: readFileSync(join(dir, 'offices', f), 'utf8') }));
const offices = raw.map(({ id, text }) => ({ id, data: officeSchema.parse(parse(text)) as Office }));

describe('office entries', () => {
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
});
