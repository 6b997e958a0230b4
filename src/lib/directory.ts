/**
 * The office directory's pure logic: the office types' fixed ids, which offices serve a town,
 * what a page may show as contact details, the correction-report mailto link
 * and the schema.org JSON-LD. No I/O; pages pass in the collection data.
 *
 * Honesty rules live here too, so pages cannot drift from them: an entry's
 * own contact details are shown only when the entry is verified (the schema
 * already refuses them otherwise); everything else falls back to the bureau.
 */
import { BUREAU } from './site.ts';
import { TOWNS, type TownRecord } from './towns.ts';
import { workLine, type WorkLineId } from './taxonomy.ts';

/**
 * The office types' ids: URL slugs (/directory/type/<id>/) and the values of an
 * office file's `type`, in the order pages list them. Fixed: never rename a
 * published one; a new type needs a developer (pages, schema.org type, CMS).
 * What each type is called and how it is explained is content, edited by the
 * bureau: content/directory/office-types.yaml (schema: src/schemas/office-types.ts).
 */
export const OFFICE_TYPE_IDS = [
  'justice-office',
  'legal-aid-office',
  'legal-aid-station',
  'public-legal-service-centre',
  'mediation-committee',
  'law-firm',
  'legal-adviser',
  'notary-office',
] as const;
export type OfficeTypeId = (typeof OFFICE_TYPE_IDS)[number];

/** The type whose entries are people (village legal advisers in legal-advisers.yaml), not office files. */
export const PEOPLE_TYPE: OfficeTypeId = 'legal-adviser';

/** schema.org type used in an office page's JSON-LD. */
export type SchemaOrgType = 'GovernmentOffice' | 'LegalService' | 'Notary';

const JSON_LD_TYPES: Record<OfficeTypeId, SchemaOrgType> = {
  'justice-office': 'GovernmentOffice',
  'legal-aid-office': 'GovernmentOffice',
  'legal-aid-station': 'GovernmentOffice',
  'public-legal-service-centre': 'GovernmentOffice',
  'mediation-committee': 'LegalService',
  'law-firm': 'LegalService',
  'legal-adviser': 'LegalService',
  'notary-office': 'Notary',
};

/** An office type's text, as written in content/directory/office-types.yaml (fields documented in its schema). */
export interface OfficeTypeText {
  name: string;
  short: string;
  about: string;
  lines: WorkLineId[];
  coverage: string;
  plan?: string;
  empty: string;
  law: { law: string; article: number | string; note?: string }[];
}

export interface OfficeType extends OfficeTypeText {
  id: OfficeTypeId;
  jsonLdType: SchemaOrgType;
  /** true when entries are people (village legal advisers), not offices in content/directory/offices/. */
  people: boolean;
}

/**
 * The office types, in the fixed order, from the entries of the officeTypes
 * collection. The content checks guarantee one entry per id before any page is
 * built, so a missing one here is a bug.
 */
export function officeTypesFrom(entries: { id: string; data: OfficeTypeText }[]): OfficeType[] {
  return OFFICE_TYPE_IDS.map((id) => {
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new Error(`content/directory/office-types.yaml 缺少机构类型 ${id}`);
    return { ...entry.data, id, jsonLdType: JSON_LD_TYPES[id], people: id === PEOPLE_TYPE };
  });
}

export function officeType(types: readonly OfficeType[], id: string): OfficeType {
  const t = types.find((x) => x.id === id);
  if (!t) throw new Error(`未知的机构类型：${id}`);
  return t;
}

/** Written in `towns:` for an office that serves the whole city (法律援助处). */
export const CITY_WIDE = '全市';

/** The fields of an office entry this module needs (the schema's output type satisfies it). */
export interface OfficeLike {
  type: string;
  name: string;
  towns: typeof CITY_WIDE | string[];
  services: WorkLineId[];
  address?: string;
  phone?: string;
  openingHours?: string;
  email?: string;
  notes?: string;
  verified: boolean;
  descriptiveName?: boolean;
  source: string;
  lastVerified?: Date;
  order?: number;
}

export interface OfficeEntry<T extends OfficeLike = OfficeLike> {
  id: string;
  data: T;
}

/**
 * Office ids (file names) become /directory/<id>/: lowercase slugs that do not
 * collide with the directory's own pages. The content checks enforce both
 * (src/schemas/rules.ts), with the message editors read.
 */
export const RESERVED_IDS = ['town', 'type', 'index'];
export const OFFICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isCityWide(office: OfficeLike): boolean {
  return office.towns === CITY_WIDE;
}

export function servesTown(office: OfficeLike, townId: string): boolean {
  return office.towns === CITY_WIDE || office.towns.includes(townId);
}

/** The towns an office serves, in the official order. */
export function townsServed(office: OfficeLike): TownRecord[] {
  return office.towns === CITY_WIDE ? TOWNS : TOWNS.filter((t) => office.towns.includes(t.id));
}

/** Sorts entries by type order, then town order (city-wide first), then `order`, then name. */
export function sortOffices<E extends OfficeEntry>(entries: E[]): E[] {
  const typeIndex = (e: E) => (OFFICE_TYPE_IDS as readonly string[]).indexOf(e.data.type);
  const townIndex = (e: E) => (isCityWide(e.data) ? -1 : Math.min(...townsServed(e.data).map((t) => TOWNS.indexOf(t))));
  const order = (e: E) => e.data.order ?? 1000;
  return [...entries].sort(
    (a, b) =>
      typeIndex(a) - typeIndex(b) ||
      townIndex(a) - townIndex(b) ||
      order(a) - order(b) ||
      a.data.name.localeCompare(b.data.name, 'zh-CN'),
  );
}

export interface TownSection<E extends OfficeEntry> {
  type: OfficeType;
  /** Offices of this type that serve only part of the city and include this town. */
  local: E[];
  /** Offices of this type that serve the whole city. */
  cityWide: E[];
}

/** A town page's content: every office type, with the entries that serve the town. */
export function officesForTown<E extends OfficeEntry>(
  types: readonly OfficeType[],
  entries: E[],
  townId: string,
): TownSection<E>[] {
  const sorted = sortOffices(entries);
  return types.map((type) => ({
    type,
    local: sorted.filter((e) => e.data.type === type.id && !isCityWide(e.data) && servesTown(e.data, townId)),
    cityWide: sorted.filter((e) => e.data.type === type.id && isCityWide(e.data)),
  }));
}

export interface ServiceGroup<E extends OfficeEntry> {
  type: OfficeType;
  offices: E[];
}

/**
 * “去哪里办” on a service page: every office type that usually serves the work
 * line, with the entries that say they provide it (possibly none yet).
 */
export function officesForService<E extends OfficeEntry>(
  types: readonly OfficeType[],
  entries: E[],
  line: WorkLineId,
): ServiceGroup<E>[] {
  const sorted = sortOffices(entries);
  const provides = (e: E) => e.data.services.includes(line);
  return types
    .filter((t) => t.lines.includes(line) || sorted.some((e) => e.data.type === t.id && provides(e)))
    .map((type) => ({ type, offices: sorted.filter((e) => e.data.type === type.id && provides(e)) }));
}

export interface ContactRow {
  label: string;
  value: string;
  /** tel: or mailto: link for the value. */
  link?: string;
}

/**
 * The entry's own contact details that a page may show. Only verified entries
 * show any (the schema refuses contacts on unverified ones; this is the second lock).
 */
export function contactRows(office: OfficeLike): ContactRow[] {
  if (!office.verified) return [];
  const rows: ContactRow[] = [];
  if (office.address) rows.push({ label: '地址', value: office.address });
  if (office.phone) rows.push({ label: '电话', value: office.phone, link: `tel:${office.phone}` });
  if (office.openingHours) rows.push({ label: '办公时间', value: office.openingHours });
  if (office.email) rows.push({ label: '邮箱', value: office.email, link: `mailto:${office.email}` });
  return rows;
}

/** What a page must say is missing, e.g. 该机构的地址、电话和办公时间; '' when nothing is missing. */
export function missingContacts(office: OfficeLike): string {
  const shown = new Set(contactRows(office).map((r) => r.label));
  const missing = ['地址', '电话', '办公时间'].filter((l) => !shown.has(l));
  if (!missing.length) return '';
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join('、')}和${missing.at(-1)}`;
  return `该机构的${list}`;
}

export { isoDate } from './time.ts';

/** The “信息有误？” link: a mailto to the bureau with subject and body naming the entry. */
export function correctionMailto(
  entry: { id: string; name: string },
  pageUrl: string,
  email: string = BUREAU.email,
): string {
  const subject = `机构名录信息有误：${entry.name}（${entry.id}）`;
  const body = [
    `您好，我发现机构名录中“${entry.name}”的信息有误。`,
    `页面：${pageUrl}`,
    '',
    '哪一项有误（名称、地址、电话、办公时间或其他）：',
    '正确的信息是：',
    '您是从哪里知道的（选填）：',
    '方便回复您的联系方式（选填）：',
  ].join('\n');
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * schema.org JSON-LD for an office page. Only what the entry states: no
 * borrowed contacts, and address/telephone only for verified entries.
 */
export function officeJsonLd(entry: OfficeEntry, type: OfficeType, pageUrl: string): Record<string, unknown> {
  const o = entry.data;
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': type.jsonLdType,
    '@id': `${pageUrl}#office`,
    name: o.name,
    url: pageUrl,
    description: `${type.name}：${type.short}`,
    areaServed: isCityWide(o)
      ? { '@type': 'AdministrativeArea', name: '广东省台山市' }
      : townsServed(o).map((t) => ({ '@type': 'AdministrativeArea', name: `台山市${t.name}` })),
    knowsAbout: o.services.map((s) => workLine(s).name),
  };
  if (type.jsonLdType === 'GovernmentOffice') {
    ld.parentOrganization = { '@type': 'GovernmentOrganization', name: BUREAU.name };
  }
  for (const row of contactRows(o)) {
    if (row.label === '地址')
      ld.address = {
        '@type': 'PostalAddress',
        streetAddress: row.value,
        addressLocality: '台山市',
        addressRegion: '广东省',
        addressCountry: 'CN',
      };
    if (row.label === '电话') ld.telephone = row.value;
    if (row.label === '邮箱') ld.email = row.value;
  }
  return ld;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdScript(ld: unknown): string {
  return JSON.stringify(ld).replace(/</g, '\\u003c');
}
