/**
 * The office directory (机构名录): `offices` (content/directory/offices/<id>.yaml,
 * one file per office) and `legalAdvisers` (content/directory/legal-advisers.yaml,
 * one record per village or community, keyed by an id).
 *
 * Honesty is built into the schema, not left to goodwill:
 *  - every entry says what it rests on (`source`) and whether the bureau has
 *    confirmed it with the office itself (`verified`);
 *  - an entry's own contact details (address, phone, hours, email) and a
 *    person's name can only be published on a verified entry, with the date
 *    it was verified; unknown details stay empty and the page shows the
 *    bureau's contact and 12348 instead;
 *  - the date is checked strictly (a real calendar date, not in the future).
 * How editors use these fields: docs/editing.md, 维护机构名录.
 */
import { z } from 'astro/zod';
import { CITY_WIDE, OFFICE_TYPE_IDS, PEOPLE_TYPE } from '../lib/directory.ts';
import { TOWN_IDS } from '../lib/towns.ts';
import { workLineId } from './shared.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written YYYY-MM-DD. Astro's YAML parser hands us a Date,
 * the `yaml` package (npm run check:content) a string; both are accepted and
 * checked. Impossible dates written unquoted (2025-02-30) are rolled over by
 * the YAML parser before we see them; src/integrations/content-checks.ts
 * catches those in the file text.
 */
export const calendarDate = z
  .union([z.date(), z.string()], { error: '请写日期，格式 YYYY-MM-DD，例如 2025-03-01' })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: '日期不存在，请写真实的日期，格式 YYYY-MM-DD' });
        return z.NEVER;
      }
      return value;
    }
    const m = ISO_DATE.exec(value.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `“${value}”不是日期，请写成 YYYY-MM-DD，例如 2025-03-01` });
      return z.NEVER;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: 'custom', message: `日期 ${value} 不存在，请写真实的日期` });
      return z.NEVER;
    }
    return date;
  })
  .refine((d) => d.getTime() <= Date.now(), { error: '核实日期不能晚于今天' });

/** 0750-5524538, 0750-12345678, 020-12345678, a mobile number, or 12348. */
const PHONE = /^(?:0\d{2,3}-\d{7,8}(?:-\d{1,6})?|1[3-9]\d{9}|12348)$/;

/** The honesty fields every directory entry has. */
const honestyFields = {
  /**
   * true only when bureau staff have confirmed the entry with the office (or
   * person) itself: the name and every contact detail shown. false for an
   * entry whose existence is established but whose details are not confirmed.
   */
  verified: z.boolean({ error: '请写 verified: true（已核实）或 verified: false（未核实）' }),
  /**
   * What the entry rests on, in words a resident can check: a document, a
   * published list, a confirmation call (who, when). Required for every entry.
   */
  source: z
    .string({ error: '请写 source：这条信息依据什么（文件名称、公布名单，或向谁核实）' })
    .trim()
    .min(10, { error: 'source 太短：请写清楚依据什么，至少 10 个字' })
    .max(300, { error: 'source 最多 300 个字' }),
  /** Optional link to the source: an internal path (/plan/#duties) or an https:// address. */
  sourceUrl: z
    .string()
    .regex(/^(?:\/[^/]|https:\/\/)/, { error: 'sourceUrl 要以 / 开头（站内页面）或以 https:// 开头' })
    .optional(),
  /** Date the entry was last confirmed, YYYY-MM-DD. Required when verified: true. */
  lastVerified: calendarDate.optional(),
  /** Anything residents should know, in one or two plain sentences. Citations are checked. */
  notes: z.string().trim().min(2).max(300, { error: 'notes 最多 300 个字' }).optional(),
};

/** Fields that are contact details: published only on verified entries. */
export const CONTACT_FIELDS = ['address', 'phone', 'openingHours', 'email'] as const;

const contactFields = {
  /** Street address as the office publishes it (台山市…镇…路…号). */
  address: z.string().trim().min(6, { error: '地址太短：请写完整地址' }).max(100).optional(),
  /** One phone number with area code: "0750-5524538" (in quotes), a mobile, or 12348. */
  phone: z
    .string({ error: '电话要写成带引号的文字，例如 phone: "0750-5524538"' })
    .regex(PHONE, { error: '电话格式不对：请写区号加号码，例如 "0750-5524538"，或 11 位手机号' })
    .optional(),
  /** Opening hours in words: 周一至周五 8:30—12:00，14:30—17:30（法定节假日除外）. */
  openingHours: z.string().trim().min(4).max(120).optional(),
  /** Public email address. */
  email: z.email({ error: '邮箱格式不对，例如 ts686@126.com' }).optional(),
};

/** Misspelt or unknown fields are refused, in words an editor understands. */
const unknownFields = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `不认识的字段：${(issue.keys ?? []).join('、')}（是不是拼错了？可用的字段见 docs/editing.md）`
      : undefined,
};

interface Ctx {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

function honestyRules(
  data: { verified: boolean; lastVerified?: Date } & Partial<Record<string, unknown>>,
  ctx: Ctx,
  privateFields: string[],
) {
  if (data.verified && !data.lastVerified) {
    ctx.addIssue({
      code: 'custom',
      path: ['lastVerified'],
      message: '已核实（verified: true）的条目要写核实日期 lastVerified，格式 YYYY-MM-DD',
    });
  }
  if (!data.verified) {
    for (const field of privateFields) {
      if (data[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `未核实的条目不能公布 ${field}：请先向机构本身核实，再写 verified: true 和 lastVerified；核实前留空，页面会显示司法局电话和 12348`,
        });
      }
    }
  }
}

/**
 * `offices`: one YAML file per office in content/directory/offices/. The file
 * name is the id and the page address: legal-aid-station-dajiang.yaml →
 * /directory/legal-aid-station-dajiang/ (lowercase letters, digits, hyphens;
 * never “town” or “type”: rule offices.file-name in src/schemas/collection-rules.ts;
 * never rename a published one).
 */
export const officeSchema = z
  .strictObject(
    {
      /**
       * Office type, one of the fixed slugs: justice-office, legal-aid-office, legal-aid-station,
       * public-legal-service-centre, mediation-committee, law-firm, notary-office. (legal-adviser is a
       * type page too, but its entries are people and live in legal-advisers.yaml.)
       */
      type: z.enum(OFFICE_TYPE_IDS, { error: `type 必须是以下之一：${OFFICE_TYPE_IDS.join('、')}` }),
      /** The name shown to residents. If the official name is not confirmed, a descriptive one (大江镇司法所) with descriptiveName: true. */
      name: z
        .string({ error: '请写机构名称 name' })
        .trim()
        .min(4, { error: '名称至少 4 个字' })
        .max(40, { error: '名称最多 40 个字' }),
      /** true when `name` only describes the office (大江镇司法所) because its official name is not confirmed; the page says so. */
      descriptiveName: z.boolean().default(false),
      /** Towns served: 全市 (the whole city), or a list of town ids from content/directory/towns.json: [dajiang]. */
      towns: z.union(
        [
          z.literal(CITY_WIDE),
          z
            .array(z.enum(TOWN_IDS, { error: `镇街编号必须是以下之一：${TOWN_IDS.join('、')}` }))
            .min(1, { error: 'towns 至少写一个镇街编号，或写 全市' })
            .refine((a) => new Set(a).size === a.length, { error: 'towns 中有重复的镇街' }),
        ],
        { error: `towns 要写 全市，或镇街编号列表，例如 [dajiang]（可用编号：${TOWN_IDS.join('、')}）` },
      ),
      /** Work lines the office provides, by id (src/lib/taxonomy.ts): [mediation, legal-aid]. Each links to /services/<id>/. */
      services: z
        .array(workLineId)
        .min(1, { error: 'services 至少写一项服务' })
        .refine((a) => new Set(a).size === a.length, { error: 'services 中有重复的服务' }),
      /** Optional position in lists among offices of the same type and area (1 first); otherwise by town, then name. */
      order: z.number().int().min(1).max(999).optional(),
      ...contactFields,
      ...honestyFields,
    },
    unknownFields,
  )
  .superRefine((data, ctx) => {
    honestyRules(data, ctx, [...CONTACT_FIELDS]);
    if (data.type === PEOPLE_TYPE) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message:
          '村（居）法律顾问不是一个机构文件：请写在 content/directory/legal-advisers.yaml 里，每个村（社区）一条',
      });
    }
    if (data.verified && data.descriptiveName) {
      ctx.addIssue({
        code: 'custom',
        path: ['descriptiveName'],
        message: '已核实的条目要写正式名称：核实名称后把 descriptiveName 改为 false 或删掉',
      });
    }
  });

export type Office = z.infer<typeof officeSchema>;

/**
 * `legalAdvisers` (一村一法律顾问): one record per village or community, in
 * content/directory/legal-advisers.yaml, keyed by an id (dajiang-xxx-cun; the
 * id's form is rule legalAdvisers.record-id in src/schemas/collection-rules.ts).
 * The file is {} while no record is verified.
 * A person's name and phone are published only on verified records.
 */
export const legalAdviserSchema = z
  .strictObject(
    {
      /** Town id (content/directory/towns.json): dajiang. */
      town: z.enum(TOWN_IDS, { error: `town 必须是镇街编号之一：${TOWN_IDS.join('、')}` }),
      /** The village or community served, as its committee is named: 某某村, 某某社区. */
      village: z
        .string({ error: '请写村（社区）名称 village' })
        .trim()
        .regex(/^\p{Script=Han}{1,20}(村|社区)$/u, {
          error: 'village 要写村（社区）的名称，以“村”或“社区”结尾，例如 某某村',
        }),
      /** The adviser's name (a lawyer). Only on verified records. */
      adviser: z.string().trim().min(2).max(20).optional(),
      /** The adviser's law firm, as registered. */
      firm: z.string().trim().min(4).max(40).optional(),
      /** When the adviser comes, in words: 每月第一个星期三上午. */
      serviceDay: z.string().trim().min(2).max(60).optional(),
      /** Where the adviser receives residents: 村委会办公室. Only on verified records. */
      place: z.string().trim().min(2).max(60).optional(),
      /** The adviser's work phone for residents. Only on verified records. */
      phone: contactFields.phone,
      ...honestyFields,
    },
    unknownFields,
  )
  .superRefine((data, ctx) => honestyRules(data, ctx, ['adviser', 'place', 'phone']));

export type LegalAdviser = z.infer<typeof legalAdviserSchema>;
