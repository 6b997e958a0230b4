/**
 * 法律援助申请 (online legal-aid application): the questions, and the one zod
 * schema that the page script, the function and the tests all use.
 *
 * What is asked follows the law and the paper form, and no more:
 *  - who needs aid, and whether a guardian or close relative applies for them
 *    (《中华人民共和国法律援助法》第四十条);
 *  - the matter: the civil and administrative matters of 第三十一条, or a
 *    criminal case (第二十四条、第二十九条);
 *  - the stage (未诉 / 仲裁中 / 诉讼中) and the court or body;
 *  - the economic situation, stated honestly with a personal pledge and an
 *    authorisation to verify (第四十一条). NEVER a hardship certificate: the law
 *    replaced it with the pledge, and asking for one was the complaint that made
 *    the provincial department apologise.
 *  - the groups that need no hardship test (第三十二条) or no verification
 *    (第四十二条), so staff can see it at once.
 */
import * as z from '../../forms/zod.ts';
import {
  choice,
  describeLimits,
  flag,
  idNumber,
  line,
  multi,
  parseForm,
  partyName,
  personName,
  phone,
  pledge,
  requireWhen,
  text,
  town,
  wholeNumber,
  PEOPLE,
  TOWN_OPTIONS,
  YUAN,
  type FormDef,
  type FormValues,
  type Option,
} from '../../forms/fields.ts';
import { callbackFields, callbackShape, checkCallback } from '../../forms/callback.ts';
import { requestPaths } from '../types.ts';
import type { RequestForm } from '../forms.ts';
import { legalAid, MATTER_OPTIONS } from './index.ts';

export const FOR_WHOM = ['self', 'other'] as const;
export const AGENT_RELATIONS = ['guardian', 'relative'] as const;
export const AGENT_REASONS = ['incapacity', 'custody', 'other'] as const;

/** The values of MATTER_OPTIONS (index.ts): 第三十一条 (一)–(八), 刑事案件, and anything else. */
export const MATTER_TYPES = [
  'state-compensation',
  'social-insurance',
  'pension',
  'support',
  'labour',
  'capacity',
  'injury',
  'environment',
  'criminal-defence',
  'criminal-victim',
  'other',
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

export const STAGES = ['none', 'arbitration', 'litigation'] as const;

/** 第三十二条 (no hardship test) and 第四十二条 (no verification). */
export const EXEMPTIONS = [
  'violence-victim',
  'hero-relative',
  'good-samaritan',
  'wrongful-conviction',
  'no-income',
  'assistance',
  'migrant-worker',
  'none',
] as const;

export const ASSETS = ['no', 'yes', 'unsure'] as const;
export const CONTACT_TIMES = ['any', 'morning', 'afternoon'] as const;

const opts = (pairs: [string, string, string?][]): Option[] =>
  pairs.map(([value, label, hint]) => ({ value, label, ...(hint ? { hint } : {}) }));

export const EXEMPTION_OPTIONS = opts([
  ['violence-victim', '遭受虐待、遗弃或者家庭暴力，现在要维护自己的权益'],
  ['hero-relative', '英雄烈士的近亲属，要维护英雄烈士的名誉等人格权益'],
  ['good-samaritan', '因为见义勇为，要主张相关的民事权益'],
  ['wrongful-conviction', '再审改判无罪，要请求国家赔偿'],
  ['no-income', '没有固定生活来源的未成年人、老年人或残疾人'],
  ['assistance', '低保、特困等社会救助对象，司法救助对象，或者优抚对象'],
  ['migrant-worker', '进城务工人员，要讨工资或者要工伤赔偿'],
  ['none', '以上都不是'],
]);

/** The questions; legalAidForm below adds the schema's length limits to their hints. */
const legalAidQuestions: FormDef = {
  type: legalAid.id,
  title: legalAid.labels.request,
  action: requestPaths(legalAid.id).api,
  sections: [
    {
      id: 'who',
      title: '为谁申请',
      fields: [
        {
          name: 'forWhom',
          kind: 'radios',
          label: '您是为自己申请，还是替家人申请？',
          short: '为谁申请',
          options: opts([
            ['self', '为我自己申请'],
            [
              'other',
              '替家人申请（我是他的监护人或近亲属）',
              '需要帮助的人自己办不了时才可以代为申请，例如未成年人、不能辨认自己行为的人，或者被羁押、正在服刑的人',
            ],
          ]),
        },
      ],
    },
    {
      id: 'agent',
      title: '您的信息（代为申请的人）',
      intro: '替家人申请时填写这一部分；为自己申请的，不用填。',
      showIf: { field: 'forWhom', values: ['other'] },
      fields: [
        { name: 'agentName', kind: 'text', label: '您的姓名', short: '代办人姓名', autocomplete: 'name', width: 'm' },
        {
          name: 'agentIdNumber',
          kind: 'text',
          label: '您的居民身份证号码',
          short: '代办人身份证号码',
          hint: '18位，最后一位可能是字母X',
          autocomplete: 'off',
          inputmode: 'text',
          width: 'l',
        },
        {
          name: 'agentPhone',
          kind: 'text',
          label: '您的联系电话',
          short: '代办人电话',
          hint: '工作人员会打这个电话联系您，查询办理进度也要用这个号码',
          autocomplete: 'tel',
          inputmode: 'tel',
          width: 'm',
        },
        {
          name: 'agentRelation',
          kind: 'radios',
          label: '您和需要帮助的人是什么关系？',
          short: '代办人与申请人的关系',
          options: opts([
            ['guardian', '法定代理人（监护人），例如未成年人的父母'],
            ['relative', '近亲属：配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女'],
          ]),
        },
        {
          name: 'agentReason',
          kind: 'radios',
          label: '为什么由您代为申请？',
          short: '代为申请的原因',
          options: opts([
            ['incapacity', '需要帮助的人是未成年人，或者不能（或不能完全）辨认自己的行为'],
            ['custody', '需要帮助的人被羁押、正在服刑，或者在强制隔离戒毒'],
            ['other', '其他原因', '请在下面的“事情经过”里说明，工作人员会联系您说明怎么办'],
          ]),
        },
      ],
    },
    {
      id: 'person',
      title: '需要法律援助的人',
      intro: '为自己申请的，填您自己的信息；替家人申请的，填家人的信息。',
      fields: [
        { name: 'name', kind: 'text', label: '姓名', autocomplete: 'name', width: 'm' },
        {
          name: 'idNumber',
          kind: 'text',
          label: '居民身份证号码',
          hint: '18位，在身份证有照片的一面，最后一位可能是字母X',
          autocomplete: 'off',
          inputmode: 'text',
          width: 'l',
        },
        {
          name: 'phone',
          kind: 'text',
          label: '联系电话',
          hint: '手机号码，或者带区号的固定电话。为自己申请的，工作人员会打这个电话联系您，查询办理进度也要用这个号码。',
          need: '替家人申请的可以不填',
          autocomplete: 'tel',
          inputmode: 'tel',
          width: 'm',
        },
        {
          name: 'town',
          kind: 'select',
          label: '所在镇（街）',
          hint: '选住的地方；不住在台山的，选事情发生的地方',
          options: TOWN_OPTIONS,
        },
        {
          name: 'address',
          kind: 'text',
          label: '住址',
          hint: '写到村（社区）和门牌号。被羁押的，写羁押场所的名称。',
          autocomplete: 'street-address',
          width: 'l',
        },
      ],
    },
    {
      id: 'matter',
      title: '遇到的事情',
      fields: [
        { name: 'matterType', kind: 'radios', label: '是哪一类事情？', short: '事情类别', options: MATTER_OPTIONS },
        {
          name: 'opponent',
          kind: 'text',
          label: '对方是谁？',
          short: '对方当事人',
          hint: '对方的姓名或单位名称。不知道全名的，可以写“姓王的包工头”这样的称呼。',
          need: '刑事案件的犯罪嫌疑人、被告人申请辩护的，可以不填',
          width: 'l',
        },
        {
          name: 'stage',
          kind: 'radios',
          label: '事情现在到了哪一步？',
          short: '目前阶段',
          options: opts([
            ['none', '还没有打官司，也没有申请仲裁（未诉）'],
            ['arbitration', '已经申请劳动仲裁等仲裁（仲裁中）'],
            ['litigation', '已经在法院打官司，或者刑事案件已经立案（诉讼中）'],
          ]),
        },
        {
          name: 'stageBody',
          kind: 'text',
          label: '在哪个法院、仲裁委员会或者公安机关、检察院处理？',
          short: '受理机关',
          hint: '请写名称，例如“某某市人民法院”“某某劳动人事争议仲裁委员会”',
          need: '已经申请仲裁或者在打官司的要填',
          showIf: { field: 'stage', values: ['arbitration', 'litigation'] },
          width: 'l',
        },
        {
          name: 'urgent',
          kind: 'checkbox',
          label: '情况紧急：离仲裁、起诉等期限届满不到7天，或者需要马上申请财产保全、证据保全',
          short: '情况紧急',
          hint: '紧急的，法律援助机构可以先行提供法律援助，手续之后再补（《中华人民共和国法律援助法》第四十四条）。',
          optional: true,
          need: '情况紧急的才勾选',
        },
        {
          name: 'facts',
          kind: 'textarea',
          label: '事情经过',
          hint: '简单写清楚：什么时候、在哪里、发生了什么，现在想解决什么问题。写不清楚也没关系，工作人员会再联系您了解。',
          rows: 8,
        },
      ],
    },
    {
      id: 'economy',
      title: '经济状况',
      intro:
        '请如实说明经济状况。您不需要开经济困难证明，也不用找村（居）委会或单位盖章；如实填写、作出个人诚信承诺就可以（《中华人民共和国法律援助法》第四十一条）。',
      fields: [
        {
          name: 'exemptions',
          kind: 'checkboxes',
          label: '有没有下面的情况？（可以多选）',
          short: '特殊情况',
          hint: '属于前四种的，不看经济条件；属于后三种的，有材料证明就不用核查经济状况。',
          options: EXEMPTION_OPTIONS,
        },
        {
          name: 'householdSize',
          kind: 'text',
          label: '家里一起生活的有几口人？',
          short: '家庭人口',
          hint: '算上您自己。写“3”或者“三口人”都可以。',
          need: '上面选了“以上都不是”的要填',
          inputmode: 'numeric',
          width: 'xs',
          suffix: PEOPLE.unit,
          optional: true,
        },
        {
          name: 'monthlyIncome',
          kind: 'text',
          label: '全家最近6个月，平均每月收入大约多少元？',
          short: '家庭月收入',
          hint: '包括工资、养老金、做生意的收入等，大约数就行；没有收入的填0。写“1500”“一千五”或者“1.5万”都可以。',
          need: '上面选了“以上都不是”的要填',
          inputmode: 'numeric',
          width: 's',
          suffix: YUAN.unit,
          optional: true,
        },
        {
          name: 'assets',
          kind: 'radios',
          label: '家里有没有价值较大的财产？',
          short: '较大财产',
          hint: '例如自住以外的房屋、汽车、大额存款或理财。',
          need: '上面选了“以上都不是”的要回答',
          optional: true,
          options: opts([
            ['no', '没有'],
            ['yes', '有'],
            ['unsure', '说不清'],
          ]),
        },
        {
          name: 'economicNote',
          kind: 'textarea',
          label: '其他想说明的经济情况',
          short: '经济情况说明',
          hint: '例如：家人生重病、孩子读书开销大、遇到突发事故。',
          optional: true,
          rows: 4,
        },
        {
          name: 'pledgeTruth',
          kind: 'checkbox',
          label:
            '我承诺：这份申请填写的内容真实、完整。我知道，用欺骗等手段获得法律援助的，法律援助会被终止，还要支付已经发生的费用，并可能被罚款。',
          short: '个人诚信承诺',
        },
        {
          name: 'pledgeVerify',
          kind: 'checkbox',
          label: '我同意法律援助机构为审查这份申请，通过信息共享查询等方式核查我的经济状况。',
          short: '同意核查经济状况',
        },
      ],
    },
    {
      id: 'contact',
      title: '怎样联系您',
      fields: [
        {
          name: 'contactTime',
          kind: 'radios',
          label: '什么时间方便接电话？',
          short: '方便联系的时间',
          options: opts([
            ['any', '工作时间都可以'],
            ['morning', '上午'],
            ['afternoon', '下午'],
          ]),
        },
        ...callbackFields,
        {
          name: 'contactNote',
          kind: 'text',
          label: '联系您时要注意什么？',
          short: '联系注意事项',
          hint: '例如：只能发短信；打电话时请不要说是哪里打来的。',
          optional: true,
          width: 'l',
        },
      ],
    },
  ],
};

export const legalAidSchema = z
  .object({
    forWhom: choice(FOR_WHOM, '是为自己申请还是替家人申请'),
    agentName: personName('您的姓名', false),
    agentIdNumber: idNumber('您的身份证号码', false),
    agentPhone: phone(false),
    agentRelation: z.optional(choice(AGENT_RELATIONS, '您和需要帮助的人的关系')),
    agentReason: z.optional(choice(AGENT_REASONS, '代为申请的原因')),
    name: personName('姓名'),
    idNumber: idNumber(),
    phone: phone(false),
    town: town(),
    address: line('住址', 4, 100),
    matterType: choice(MATTER_TYPES, '事情的类别'),
    opponent: partyName('对方当事人', false),
    stage: choice(STAGES, '事情现在到了哪一步'),
    stageBody: line('受理的法院或机关名称', 2, 60, false),
    urgent: flag(),
    facts: text('事情经过', 20, 2000),
    exemptions: multi(EXEMPTIONS, '有没有下面的情况', 'none'),
    householdSize: wholeNumber('家庭人口', 1, 30, PEOPLE),
    monthlyIncome: wholeNumber('家庭月收入', 0, 10_000_000, YUAN),
    assets: z.optional(choice(ASSETS, '家里有没有价值较大的财产')),
    economicNote: text('经济情况说明', 0, 500, false),
    pledgeTruth: pledge('请阅读并勾选个人诚信承诺：承诺填写的内容真实、完整'),
    pledgeVerify: pledge('请勾选同意核查经济状况；不同意的，法律援助机构无法审查经济困难状况'),
    contactTime: choice(CONTACT_TIMES, '方便接电话的时间'),
    ...callbackShape,
    contactNote: line('联系注意事项', 0, 100, false),
  })
  .check(
    z.superRefine(
      (v, ctx) => {
        checkCallback(v, ctx);
        const other = v.forWhom === 'other';
        requireWhen(v, ctx, 'agentName', other, '请填写您的姓名（代为申请的人）');
        requireWhen(v, ctx, 'agentIdNumber', other, '请填写您的居民身份证号码（代为申请的人）');
        requireWhen(v, ctx, 'agentPhone', other, '请填写您的联系电话，工作人员会打这个电话联系您');
        requireWhen(v, ctx, 'agentRelation', other, '请选择您和需要帮助的人是什么关系');
        requireWhen(v, ctx, 'agentReason', other, '请选择为什么由您代为申请');
        requireWhen(
          v,
          ctx,
          'phone',
          v.forWhom === 'self',
          '请填写联系电话，工作人员会打这个电话联系您，查询进度也要用它',
        );
        requireWhen(
          v,
          ctx,
          'opponent',
          v.matterType !== undefined && v.matterType !== 'criminal-defence',
          '请填写对方是谁；不知道全名的，可以写“姓王的老板”这样的称呼',
        );
        requireWhen(
          v,
          ctx,
          'stageBody',
          v.stage === 'arbitration' || v.stage === 'litigation',
          '已经在仲裁或诉讼的，请填写受理的法院、仲裁委员会或机关名称',
        );
        const needsEconomy = Array.isArray(v.exemptions) && v.exemptions.length === 1 && v.exemptions[0] === 'none';
        requireWhen(v, ctx, 'householdSize', needsEconomy, '请填写家里一起生活的有几口人（算上您自己）');
        requireWhen(v, ctx, 'monthlyIncome', needsEconomy, '请填写全家平均每月收入大约多少元；没有收入的填0');
        requireWhen(v, ctx, 'assets', needsEconomy, '请回答家里有没有价值较大的财产');
        if (other && typeof v.agentIdNumber === 'string' && v.agentIdNumber === v.idNumber) {
          ctx.addIssue({
            code: 'custom',
            path: ['agentIdNumber'],
            message: '您的身份证号码和需要帮助的人的一样；替家人申请时，这里请填您自己的号码',
          });
        }
      },
      { when: () => true },
    ),
  );

/** The questions with the schema's length limits in their hints (one source for both). */
export const legalAidForm: FormDef = describeLimits(legalAidQuestions, legalAidSchema);

export type LegalAidInput = z.input<typeof legalAidSchema>;
export type LegalAidApplication = z.output<typeof legalAidSchema>;

export function parseLegalAid(values: FormValues) {
  return parseForm(legalAidForm, legalAidSchema, values);
}

/** The number staff call and the applicant uses to look up the status. */
export function legalAidContactPhone(a: LegalAidApplication): string {
  return (a.forWhom === 'other' ? a.agentPhone : a.phone) ?? a.phone ?? '';
}

export const requestForm: RequestForm<LegalAidApplication> = {
  def: legalAidForm,
  parse: parseLegalAid,
  routing: (a) => ({ town: a.town, category: a.matterType, phone: legalAidContactPhone(a) }),
};
