/**
 * The directory as built (dist/): a page for every town, type and office;
 * town pages list their own 司法所 and 法律援助工作站; office pages carry
 * valid JSON-LD naming the office, the correction link and the verification
 * status; empty types say so; service pages say where to go.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-checks.ts';
import { BUREAU } from '../../src/lib/site.ts';
import { WORK_LINES } from '../../src/lib/taxonomy.ts';
import { TOWNS } from '../../src/lib/towns.ts';
import { officeSchema } from '../../src/schemas/directory.ts';
import { projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const officesDir = join(projectRoot, 'content', 'directory', 'offices');
const offices = readdirSync(officesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({
    id: f.replace(/\.yaml$/, ''),
    data: officeSchema.parse(parse(readFileSync(join(officesDir, f), 'utf8'))),
  }));
/** The office types as written in content/directory/office-types.yaml. */
const officeTypes = loadContent(projectRoot).entries.officeTypes!.map((e) => e.data as { id: string; name: string });
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe('town pages', () => {
  it.each(TOWNS.map((t) => [t.name, t.id]))('%s lists its 司法所 and its 法律援助工作站, with links', (name, id) => {
    const html = page(`directory/town/${id}`);
    expect(text(html)).toContain(`${name}的司法所和法律服务机构`);
    for (const type of ['justice-office', 'legal-aid-station']) {
      const own = offices.filter(
        (o) => o.data.type === type && Array.isArray(o.data.towns) && o.data.towns.includes(id as never),
      );
      expect(own.length, `${name} ${type}`).toBeGreaterThan(0);
      for (const o of own) {
        expect(html).toContain(`href="/directory/${o.id}/"`);
        expect(text(html)).toContain(o.data.name);
      }
    }
    expect(html).toContain('data-pagefind-filter="镇街:' + name + '"');
    expect(html).toContain('data-pagefind-filter="类型:机构"');
  });
});

describe('type pages', () => {
  it.each(officeTypes.map((t) => [t.name, t.id]))('%s has a page', (name, id) => {
    const html = page(`directory/type/${id}`);
    expect(html).toMatch(new RegExp(`<h1>${name.replace(/[()（）]/g, '.')}</h1>`));
    const count = offices.filter((o) => o.data.type === id).length;
    if (count === 0 && id !== 'legal-adviser') expect(text(html)).toContain('名单正在整理');
    expect(text(html)).toContain('怎样补充或更正名单');
  });
  it('says plainly that law firms, village legal advisers and the 公证处 are still being compiled', () => {
    for (const id of ['law-firm', 'legal-adviser', 'notary-office']) {
      expect(text(page(`directory/type/${id}`)), id).toContain('名单正在整理');
    }
  });
});

describe('office pages', () => {
  it.each(offices.map((o) => [o.id, o]))(
    '%s: JSON-LD names the office; status, date and correction link are shown',
    (id, o) => {
      const html = page(`directory/${id}`);
      const blocks = jsonLd(html);
      expect(blocks).toHaveLength(1);
      const ld = JSON.parse(blocks[0]!);
      expect(ld['@context']).toBe('https://schema.org');
      expect(['GovernmentOffice', 'LegalService', 'Notary']).toContain(ld['@type']);
      expect(ld.name).toBe(o.data.name);
      expect(text(html)).toContain(o.data.name);
      expect(text(html)).toContain(o.data.source);
      const mailto = html.match(/href="(mailto:[^"]+)"[^>]*>信息有误？/);
      expect(mailto, '信息有误？ link').not.toBeNull();
      const params = new URLSearchParams(mailto![1]!.replace(/&amp;/g, '&').split('?')[1]);
      expect(params.get('subject')).toContain(o.data.name);
      if (o.data.verified) {
        expect(text(html)).toContain(o.data.lastVerified!.toISOString().slice(0, 10));
      } else {
        expect(text(html)).toContain('尚未核实');
        expect(ld).not.toHaveProperty('telephone');
        // In the main content of an unverified entry's page, only the bureau's published numbers are links.
        const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        const tels = [...main.matchAll(/href="tel:([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(tels)).toEqual(new Set([BUREAU.phone, BUREAU.hotline]));
      }
      for (const s of o.data.services) expect(html).toContain(`href="/services/${s}/"`);
    },
  );
});

describe('overview and service pages', () => {
  it('offers every town and every type as a plain link', () => {
    const html = page('directory');
    for (const t of TOWNS) expect(html).toContain(`href="/directory/town/${t.id}/"`);
    for (const t of officeTypes) expect(html).toContain(`href="/directory/type/${t.id}/"`);
  });
  it.each(WORK_LINES.map((w) => [w.name, w.id]))('%s service page says where to go', (_name, id) => {
    const html = page(`services/${id}`);
    expect(html).toContain('id="where-to-go"');
    const section = html.slice(html.indexOf('id="where-to-go"'));
    expect(section).toMatch(/href="\/directory\/type\/[a-z-]+\/"/);
  });
  it('links the 法律援助 service page to the 法律援助处 by name', () => {
    expect(page('services/legal-aid')).toContain('href="/directory/taishan-legal-aid-office/"');
  });
  it('builds no directory page for an id that is not an office', () => {
    expect(existsSync(join(dist, 'directory', 'town', 'index.html'))).toBe(false);
  });
});
