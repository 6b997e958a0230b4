/**
 * 法律援助申请: everything the site says about this kind of request apart from
 * the form itself (form.ts). The law behind it: 《中华人民共和国法律援助法》
 * (scope 第三十一条, decision within 7 days 第四十三条, objection 第四十九条,
 * confidentiality 第二十一条).
 */
import type { Option } from '../../forms/definitions.ts';
import type { RequestType, StartPage } from '../types.ts';

const opts = (pairs: [string, string, string?][]): Option[] =>
  pairs.map(([value, label, hint]) => ({ value, label, ...(hint ? { hint } : {}) }));

/** 《中华人民共和国法律援助法》第三十一条 (一)–(八), 刑事案件, and anything else. */
export const MATTER_OPTIONS = opts([
  ['labour', '讨要工资，或者确认劳动关系'],
  ['injury', '工伤、交通事故、食品药品安全事故、医疗事故的人身损害赔偿'],
  ['support', '要赡养费、抚养费、扶养费'],
  ['social-insurance', '要社会保险待遇（如养老金、医保、工伤保险）或者社会救助'],
  ['pension', '请求发给抚恤金'],
  ['state-compensation', '请求国家赔偿'],
  [
    'capacity',
    '请求认定某人没有或只有部分民事行为能力',
    '例如老人失智、家人有精神疾病，需要法院认定后由监护人代办事务',
  ],
  ['environment', '环境污染、生态破坏造成的损害赔偿'],
  ['criminal-defence', '刑事案件：犯罪嫌疑人、被告人需要辩护律师'],
  ['criminal-victim', '刑事案件：被害人、自诉人、附带民事诉讼的原告人需要代理律师'],
  ['other', '其他事情，或者拿不准属于哪一类', '工作人员会根据您写的事情经过判断'],
]);

export const legalAid = {
  id: 'legal-aid',
  receiptPrefix: 'FY',
  labels: { name: '法律援助', request: '法律援助申请', apply: '申请法律援助', correct: '更正法律援助申请' },
  statuses: ['已收到', '审查中', '需补充材料', '已受理', '不予受理', '已办结', '已撤回'],
  staffStatuses: ['审查中', '需补充材料', '已受理', '不予受理', '已办结'],
  category: { label: '事情类别', options: MATTER_OPTIONS },
  decision: {
    days: 7,
    unit: 'calendar',
    decidedBy: ['已受理', '不予受理'],
    what: '作出是否给予法律援助的决定',
    source: '《中华人民共和国法律援助法》第四十三条',
  },
  /**
   * Materials often missing, offered as checkboxes (staff can add any other).
   * 第四十三条: tell the applicant everything that is missing AT ONCE (一次性告知).
   * Never a hardship certificate: 第四十一条 replaced it with a personal pledge.
   */
  commonMaterials: [
    '申请人的居民身份证或者其他身份证明',
    '代为申请人的身份证明，以及与申请人关系的证明',
    '与所申请法律援助事项有关的材料（如合同、欠条、判决书、仲裁文书）',
    '属于免予核查经济困难状况人员的证明材料（《中华人民共和国法律援助法》第四十二条）',
  ],
  nextSteps: [
    '法律援助机构收到申请后，会在7日内审查并决定是否给予法律援助（《中华人民共和国法律援助法》第四十三条）。',
    '材料不齐的，工作人员会一次性告诉您还要补充哪些材料；请按要求补充，否则视为撤回申请。',
    '决定给予法律援助的，3日内会指派律师等法律援助人员为您办理；决定不给予的，会书面告诉您理由。',
    '对不给予法律援助的决定有意见，可以向台山市司法局提出异议（第四十九条）。',
    '去办理时，请带上身份证件和与事情有关的材料，例如合同、工资条、欠条、病历、法院传票。不需要开经济困难证明。',
  ],
  privacy: {
    purpose:
      '只用于审查和办理您的法律援助申请：决定是否给予法律援助、联系您、指派律师等法律援助人员为您办理，以及依法统计。',
    collects: [
      '需要法律援助的人的姓名、居民身份证号码、联系电话、所在镇（街）和住址；替家人申请的，还有您的姓名、身份证号码、电话和你们的关系。',
      '事情的类别、对方是谁、事情到了哪一步、事情经过。',
      '家庭人口、收入和财产情况，以及是否属于遭受家庭暴力、残疾、社会救助对象等特殊情况。',
      '方便联系的时间和联系时的注意事项。',
    ],
    sensitive:
      '身份证号码、收入和财产、遭受家庭暴力或残疾等特定身份，以及不满十四周岁孩子的信息，属于敏感个人信息（《中华人民共和国个人信息保护法》第二十八条）。审查法律援助申请需要核实身份和经济状况，所以必须收集；一旦泄露可能影响您的人身和财产安全，我们会严格保护。替不满十四周岁的孩子申请的，由您作为监护人提供。',
    whoSees:
      '负责办理的工作人员；决定给予法律援助后，还有为您办案的律师等法律援助人员。他们对知道的个人隐私负有保密义务（《中华人民共和国法律援助法》第二十一条）。',
    archive: '法律援助',
  },
  quickExit: false,
} as const satisfies RequestType<'legal-aid'>;

/** Its start page's title, search facet and description (src/layouts/RequestStart.astro). */
export const startPage = {
  title: '申请法律援助',
  workLine: 'legal-aid',
  description: '在网上申请法律援助：谁可以申请、要准备什么、多久有结果、个人信息怎样处理。不需要经济困难证明。',
} as const satisfies StartPage;
