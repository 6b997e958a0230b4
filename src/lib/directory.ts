/**
 * The office directory's pure logic: office types, which offices serve a town,
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

/** schema.org type used in an office page's JSON-LD. */
export type SchemaOrgType = 'GovernmentOffice' | 'LegalService' | 'Notary';

export interface OfficeType {
  /** URL slug: /directory/type/<id>/. Fixed; never rename a published one. */
  id: string;
  /** What residents call it: 司法所. */
  name: string;
  /** One sentence for lists. */
  short: string;
  /** Plain explanation of what this kind of office does, for its type page. */
  about: string;
  /** Work lines this kind of office usually serves (service pages list it under “去哪里办”). */
  lines: WorkLineId[];
  /** Where this kind of office is found, in words: 每个镇（街道）一个. */
  coverage: string;
  /** Anchor of the plan part that sets this kind of office's “三进” tasks (/plan/#…), if any. */
  plan?: string;
  /** What a resident can do while the list for this type has no entries (or none for their town). */
  empty: string;
  /** Statute articles that explain it, shown with their text on the type page. */
  law: { law: string; article: number; note: string }[];
  jsonLdType: SchemaOrgType;
  /** true when entries are people (village legal advisers), not offices in content/directory/offices/. */
  people?: boolean;
}

const OFFICE_TYPE_DATA = [
  {
    id: 'justice-office',
    name: '司法所',
    short: '市司法局设在镇（街道）的基层单位，普法、调解、安置帮教、社区矫正都找它。',
    about:
      '司法所是台山市司法局设在镇（街道）的基层单位，是“三进”工作的落实主体。按照“三进”实施方案，司法所组织法制宣传，指导和培训村（居）人民调解员，做好刑满释放人员的安置帮教，接受社区矫正机构的委托承担社区矫正相关工作，还协助联系律师事务所与村（居）挂钩，让律师进村服务。',
    lines: ['publicity', 'mediation', 'resettlement', 'community-correction', 'lawyers'],
    coverage: '每个镇（街道）一个，全市共17个。',
    plan: 'duties',
    empty: '请先拨打台山市司法局电话，问清您所在镇（街道）司法所的地址和办公时间。',
    law: [{ law: '社区矫正法', article: 9, note: '司法所受委托承担社区矫正相关工作' }],
    jsonLdType: 'GovernmentOffice',
  },
  {
    id: 'legal-aid-office',
    name: '法律援助处',
    short: '台山市的法律援助机构，受理和审查法律援助申请，指派律师。',
    about:
      '法律援助处是台山市司法局设立的法律援助机构。它受理、审查法律援助申请，决定给不给法律援助，并指派律师等法律援助人员为符合条件的群众免费办案。',
    lines: ['legal-aid'],
    coverage: '全市一个，服务全市。',
    plan: 'legal-aid',
    empty: '请先拨打台山市司法局电话或12348，问清地址和办公时间。',
    law: [
      { law: '法律援助法', article: 12, note: '县级以上司法行政部门设立法律援助机构' },
      { law: '法律援助法', article: 38, note: '向哪里的法律援助机构申请' },
    ],
    jsonLdType: 'GovernmentOffice',
  },
  {
    id: 'legal-aid-station',
    name: '法律援助工作站',
    short: '离家近的法律援助服务点，每个镇（街道）都有一个。',
    about:
      '法律援助工作站是法律援助的就近服务点。按照“三进”实施方案，工作站依托司法所等设立，方便群众在家门口咨询法律援助、提出申请。是否给予法律援助，由法律援助机构审查决定。',
    lines: ['legal-aid'],
    coverage: '每个镇（街道）一个，共17个；法院、检察院、看守所和妇联也设有工作站。',
    plan: 'legal-aid',
    empty: '可以先到台山市法律援助处，或拨打12348咨询；也可以在网上申请法律援助。',
    law: [{ law: '法律援助法', article: 43, note: '收到申请后7日内作出决定' }],
    jsonLdType: 'GovernmentOffice',
  },
  {
    id: 'public-legal-service-centre',
    name: '公共法律服务中心',
    short: '把法律咨询、法律援助、调解等服务集中在一个窗口办理的场所。',
    about:
      '公共法律服务中心把法律咨询、法律援助申请、人民调解等服务集中在一个地方办理，群众去一个窗口就能问清楚该找谁。',
    lines: ['publicity', 'mediation', 'legal-aid', 'lawyers'],
    coverage: '名单正在核实。',
    empty: '想咨询法律问题，可以先拨打12348或台山市司法局电话。',
    law: [],
    jsonLdType: 'GovernmentOffice',
  },
  {
    id: 'mediation-committee',
    name: '人民调解委员会',
    short: '调解邻里、家庭等民间纠纷的群众性组织，调解不收费。',
    about:
      '人民调解委员会是依法设立、调解民间纠纷的群众性组织。依照法律，村民委员会、居民委员会设立人民调解委员会，企业事业单位根据需要设立。调解要双方自愿，不收任何费用。遇到邻里、家庭、土地等纠纷，可以先找您所在村（居）委会的人民调解委员会。',
    lines: ['mediation'],
    coverage: '依法在村（居）委会设立；企业、行业根据需要设立。',
    plan: 'mediation',
    empty: '遇到纠纷，可以先找您所在的村（居）委会，或到所在镇（街道）的司法所求助；也可以在网上申请人民调解。',
    law: [
      { law: '人民调解法', article: 8, note: '村（居）委会设立人民调解委员会' },
      { law: '人民调解法', article: 4, note: '调解不收费' },
    ],
    jsonLdType: 'LegalService',
  },
  {
    id: 'law-firm',
    name: '律师事务所',
    short: '律师执业的机构，可以委托律师咨询、代写文书、打官司。',
    about:
      '律师事务所是律师执业的机构。您可以委托律师提供法律咨询、代写法律文书、代理诉讼或调解。按照“三进”实施方案，律师事务所与司法所“所所结对”，选派律师到村（居）、社区驻点服务。',
    lines: ['lawyers'],
    coverage: '名单正在整理。',
    plan: 'lawyers',
    empty: '需要找律师的，可以先拨打12348咨询；经济困难的，可以申请法律援助。',
    law: [{ law: '律师法', article: 28, note: '律师可以从事的业务' }],
    jsonLdType: 'LegalService',
  },
  {
    id: 'legal-adviser',
    name: '村（居）法律顾问',
    short: '“一村一法律顾问”：律师到村（居）定期服务，免费解答法律问题。',
    about:
      '按照“三进”实施方案推行的“一村一法律顾问”制度，律师担任村（居）法律顾问，每月至少到村（居）服务一天，为村民、居民解答法律问题，帮村（居）委会把关村规民约和法律文书。想知道您村（社区）的法律顾问是谁、哪天来，可以问村（居）委会。',
    lines: ['lawyers'],
    coverage: '按“一村一法律顾问”推行，名单正在整理。',
    plan: 'lawyers',
    empty: '想知道您村（社区）的法律顾问是谁、哪天来，可以问村（居）委会，或拨打台山市司法局电话。',
    law: [{ law: '律师法', article: 29, note: '律师担任法律顾问的职责' }],
    jsonLdType: 'LegalService',
    people: true,
  },
  {
    id: 'notary-office',
    name: '公证处',
    short: '办理遗嘱、委托、声明、合同等公证。',
    about:
      '公证处是依法办理公证的机构。遗嘱、委托书、声明、合同，以及出国、回国要用的亲属关系、学历等证明，都可以申请公证。可以向您的住所地、经常居住地、行为地或者事实发生地的公证机构申请。',
    lines: ['notary'],
    coverage: '名单正在核实。',
    plan: 'notary',
    empty: '办公证前，请先拨打台山市司法局电话或12348，问清去哪里办、带什么材料。',
    law: [{ law: '公证法', article: 25, note: '向哪里的公证机构申请' }],
    jsonLdType: 'Notary',
  },
] as const satisfies readonly OfficeType[];

/** The eight office types, in the order pages list them. */
export const OFFICE_TYPES: readonly OfficeType[] = OFFICE_TYPE_DATA;
export type OfficeTypeId = (typeof OFFICE_TYPE_DATA)[number]['id'];
export const OFFICE_TYPE_IDS = OFFICE_TYPE_DATA.map((t) => t.id) as unknown as [OfficeTypeId, ...OfficeTypeId[]];

export function officeType(id: string): OfficeType {
  const t = OFFICE_TYPES.find((x) => x.id === id);
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

/** Ids become /directory/<id>/, so they must not collide with /directory/town/ or /directory/type/. */
export const RESERVED_IDS = ['town', 'type', 'index'];
export const OFFICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Problems with office ids (file names), as messages an editor can act on. */
export function officeIdProblems(ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (!OFFICE_ID.test(id)) out.push(`机构编号“${id}”只能用小写字母、数字和短横线（文件名就是编号）`);
    if (RESERVED_IDS.includes(id)) out.push(`机构编号不能用“${id}”：它是名录里已有的页面地址`);
  }
  return out;
}

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
  const typeIndex = (e: E) => OFFICE_TYPES.findIndex((t) => t.id === e.data.type);
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
export function officesForTown<E extends OfficeEntry>(entries: E[], townId: string): TownSection<E>[] {
  const sorted = sortOffices(entries);
  return OFFICE_TYPES.map((type) => ({
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
export function officesForService<E extends OfficeEntry>(entries: E[], line: WorkLineId): ServiceGroup<E>[] {
  const sorted = sortOffices(entries);
  const provides = (e: E) => e.data.services.includes(line);
  return OFFICE_TYPES.filter(
    (t) => (t.lines as readonly string[]).includes(line) || sorted.some((e) => e.data.type === t.id && provides(e)),
  ).map((type) => ({ type, offices: sorted.filter((e) => e.data.type === type.id && provides(e)) }));
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
export function officeJsonLd(entry: OfficeEntry, pageUrl: string): Record<string, unknown> {
  const o = entry.data;
  const type = officeType(o.type);
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
