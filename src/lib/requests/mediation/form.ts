/**
 * 人民调解申请 (request for people's mediation): the questions and the one zod
 * schema used by the page script, the function and the tests.
 *
 * Mediation is voluntary and free (《中华人民共和国人民调解法》第三条、第四条); a
 * party may apply, and if the other side clearly refuses there can be no
 * mediation (第十七条). Parties may choose their mediator and ask for public or
 * private mediation (第二十三条): those are options here, not fine print.
 * No identity-card number is asked: the committee needs a name and a way to
 * call, and checks identity when the parties meet (个人信息保护法: ask for
 * what the work needs, no more).
 */
import * as z from '../../forms/zod.ts';
import {
  choice,
  describeLimits,
  line,
  parseForm,
  partyName,
  personName,
  phone,
  pledge,
  text,
  town,
  TOWN_OPTIONS,
  type FormDef,
  type FormValues,
  type Option,
} from '../../forms/fields.ts';
import { callbackFields, callbackShape, checkCallback } from '../../forms/callback.ts';
import { requestPaths } from '../types.ts';
import type { RequestForm } from '../forms.ts';
import { DISPUTE_OPTIONS, mediation } from './index.ts';

export const DISPUTE_TYPES = [
  'family',
  'neighbour',
  'land-house',
  'debt-contract',
  'labour',
  'injury',
  'medical',
  'property-management',
  'consumer',
  'other',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const OTHER_WILLING = ['yes', 'no', 'unknown'] as const;
export const PROCEEDINGS = ['none', 'court', 'arbitration', 'police', 'other'] as const;
export const MEDIATOR_CHOICE = ['assign', 'choose'] as const;
export const PUBLICITY = ['private', 'public', 'either'] as const;
export const CONTACT_TIMES = ['any', 'morning', 'afternoon'] as const;

const opts = (pairs: [string, string, string?][]): Option[] =>
  pairs.map(([value, label, hint]) => ({ value, label, ...(hint ? { hint } : {}) }));

/** The questions; mediationForm below adds the schema's length limits to their hints. */
const mediationQuestions: FormDef = {
  type: mediation.id,
  title: mediation.labels.request,
  action: requestPaths(mediation.id).api,
  sections: [
    {
      id: 'applicant',
      title: '您的信息',
      fields: [
        { name: 'name', kind: 'text', label: '姓名', autocomplete: 'name', width: 'm' },
        {
          name: 'phone',
          kind: 'text',
          label: '联系电话',
          hint: '调解员会打这个电话联系您，查询办理进度也要用这个号码',
          autocomplete: 'tel',
          inputmode: 'tel',
          width: 'm',
        },
        {
          name: 'town',
          kind: 'select',
          label: '您住在哪个镇（街）？',
          short: '您所在镇（街）',
          hint: '不住在台山的，选事情发生的地方',
          options: TOWN_OPTIONS,
        },
        {
          name: 'address',
          kind: 'text',
          label: '住址',
          hint: '不方便填写的可以不填',
          autocomplete: 'street-address',
          optional: true,
          width: 'l',
        },
      ],
    },
    {
      id: 'other-party',
      title: '对方的信息',
      fields: [
        {
          name: 'otherName',
          kind: 'text',
          label: '对方是谁？',
          short: '对方姓名或名称',
          hint: '对方的姓名或单位名称。不知道全名的，可以写“隔壁的陈伯”这样的称呼。对方有几个人的，在“纠纷经过”里写明。',
          width: 'l',
        },
        {
          name: 'otherContact',
          kind: 'text',
          label: '对方的联系方式',
          short: '对方联系方式',
          hint: '知道的电话或住址，不知道的可以不填',
          optional: true,
          width: 'l',
        },
        {
          name: 'otherWilling',
          kind: 'radios',
          label: '对方愿意调解吗？',
          short: '对方是否愿意调解',
          hint: '人民调解要双方自愿；对方明确拒绝的，不能调解（《中华人民共和国人民调解法》第十七条），可以改走仲裁、诉讼等途径。不知道的，调解员会去问。',
          options: opts([
            ['yes', '愿意'],
            ['unknown', '不知道'],
            ['no', '明确说过不愿意'],
          ]),
        },
      ],
    },
    {
      id: 'dispute',
      title: '纠纷情况',
      fields: [
        { name: 'disputeType', kind: 'radios', label: '是哪一类纠纷？', short: '纠纷类别', options: DISPUTE_OPTIONS },
        {
          name: 'disputeTown',
          kind: 'select',
          label: '纠纷发生在哪个镇（街）？',
          short: '纠纷所在镇（街）',
          hint: '我们会请当地的人民调解委员会办理',
          options: TOWN_OPTIONS,
        },
        {
          name: 'disputePlace',
          kind: 'text',
          label: '具体在哪个村（社区）或地点？',
          short: '纠纷地点',
          optional: true,
          width: 'l',
        },
        {
          name: 'facts',
          kind: 'textarea',
          label: '纠纷经过',
          hint: '简单写清楚：双方是什么关系，什么时候、因为什么事情闹了矛盾，现在怎么样了。',
          rows: 8,
        },
        {
          name: 'request',
          kind: 'textarea',
          label: '您希望怎样解决？',
          short: '希望怎样解决',
          hint: '例如：希望对方赔偿医药费3000元；希望对方把排水沟改回原来的位置。',
          rows: 4,
        },
        {
          name: 'proceedings',
          kind: 'radios',
          label: '这件事有没有在法院、仲裁机构或者公安机关处理？',
          short: '其他途径处理情况',
          options: opts([
            ['none', '没有'],
            ['court', '已经向法院起诉'],
            ['arbitration', '已经申请仲裁'],
            ['police', '已经报警'],
            ['other', '其他部门正在处理'],
          ]),
        },
        {
          name: 'proceedingsDetail',
          kind: 'text',
          label: '在哪里处理，处理到哪一步了？',
          short: '处理情况',
          optional: true,
          showIf: { field: 'proceedings', values: ['court', 'arbitration', 'police', 'other'] },
          width: 'l',
        },
      ],
    },
    {
      id: 'rights',
      title: '调解方式',
      intro:
        '人民调解不收费。调解时您可以选择或者接受调解员，可以要求公开或者不公开调解，可以随时要求终止调解；达成协议要双方自愿（《中华人民共和国人民调解法》第四条、第二十三条）。',
      fields: [
        {
          name: 'mediator',
          kind: 'radios',
          label: '调解员怎么安排？',
          short: '调解员',
          options: opts([
            ['assign', '由人民调解委员会安排'],
            ['choose', '我想自己选择调解员'],
          ]),
        },
        {
          name: 'mediatorNote',
          kind: 'text',
          label: '想请哪位调解员，或者对调解员有什么要求？',
          short: '对调解员的要求',
          optional: true,
          showIf: { field: 'mediator', values: ['choose'] },
          width: 'l',
        },
        {
          name: 'publicity',
          kind: 'radios',
          label: '调解公开进行吗？',
          short: '是否公开调解',
          options: opts([
            ['private', '不公开：只有双方和调解员在场'],
            ['public', '可以公开进行'],
            ['either', '都可以，听调解员安排'],
          ]),
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
        {
          name: 'pledgeVoluntary',
          kind: 'checkbox',
          label:
            '我已经了解：人民调解不收费，要双方自愿；调解不成，我仍然可以申请仲裁或者起诉。我自愿申请调解，并会如实说明纠纷情况。',
          short: '自愿申请调解',
        },
      ],
    },
  ],
};

export const mediationSchema = z
  .object({
    name: personName('姓名'),
    phone: phone(),
    town: town('您所在的镇（街）'),
    address: line('住址', 4, 100, false),
    otherName: partyName('对方的姓名或名称'),
    otherContact: line('对方的联系方式', 0, 100, false),
    otherWilling: choice(OTHER_WILLING, '对方是否愿意调解'),
    disputeType: choice(DISPUTE_TYPES, '纠纷的类别'),
    disputeTown: town('纠纷发生的镇（街）'),
    disputePlace: line('纠纷地点', 2, 60, false),
    facts: text('纠纷经过', 20, 2000),
    request: text('希望怎样解决', 4, 500),
    proceedings: choice(PROCEEDINGS, '这件事有没有在其他地方处理'),
    proceedingsDetail: line('处理情况', 0, 100, false),
    mediator: choice(MEDIATOR_CHOICE, '调解员怎么安排'),
    mediatorNote: line('对调解员的要求', 0, 100, false),
    publicity: choice(PUBLICITY, '调解是否公开进行'),
    contactTime: choice(CONTACT_TIMES, '方便接电话的时间'),
    ...callbackShape,
    contactNote: line('联系注意事项', 0, 100, false),
    pledgeVoluntary: pledge('请阅读并勾选：您了解人民调解的规则，自愿申请调解'),
  })
  .check(z.superRefine(checkCallback, { when: () => true }));

/** The questions with the schema's length limits in their hints (one source for both). */
export const mediationForm: FormDef = describeLimits(mediationQuestions, mediationSchema);

export type MediationInput = z.input<typeof mediationSchema>;
export type MediationApplication = z.output<typeof mediationSchema>;

export function parseMediation(values: FormValues) {
  return parseForm(mediationForm, mediationSchema, values);
}

export const requestForm: RequestForm<MediationApplication> = {
  def: mediationForm,
  parse: parseMediation,
  routing: (a) => ({ town: a.disputeTown, category: a.disputeType, phone: a.phone ?? '' }),
};
