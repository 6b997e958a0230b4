/**
 * 人民调解申请: everything the site says about this kind of request apart from
 * the form itself (form.ts). Mediation is voluntary and free
 * (《中华人民共和国人民调解法》第三条、第四条); one side refusing means no
 * mediation (第十七条). No time limit for a decision is set by law.
 */
import type { Option } from '../../forms/definitions.ts';
import type { RequestType, StartPage } from '../types.ts';

export const DISPUTE_OPTIONS: Option[] = [
  ['family', '婚姻家庭：夫妻、赡养、抚养、继承等'],
  ['neighbour', '邻里纠纷：噪音、漏水、排水、通行等'],
  ['land-house', '房屋、宅基地、土地、山林'],
  ['debt-contract', '借钱欠债、买卖等合同纠纷'],
  ['labour', '工资、劳务报酬'],
  ['injury', '人身伤害、交通事故赔偿'],
  ['medical', '医疗纠纷'],
  ['property-management', '物业纠纷'],
  ['consumer', '消费纠纷'],
  ['other', '其他纠纷'],
].map(([value, label]) => ({ value: value!, label: label! }));

export const mediation = {
  id: 'mediation',
  receiptPrefix: 'TJ',
  labels: { name: '人民调解', request: '人民调解申请', apply: '申请人民调解', correct: '更正人民调解申请' },
  statuses: ['已收到', '审查中', '需补充材料', '已受理', '不予受理', '已办结', '已撤回'],
  staffStatuses: ['审查中', '需补充材料', '已受理', '不予受理', '已办结'],
  category: { label: '纠纷类别', options: DISPUTE_OPTIONS },
  commonMaterials: ['与纠纷有关的材料（如合同、欠条、照片）'],
  nextSteps: [
    '人民调解委员会会尽快打电话联系您，了解情况，并征求对方是否同意调解。',
    '调解不收费；对方明确拒绝调解的，不能调解，工作人员会告诉您还可以怎么办（《中华人民共和国人民调解法》第十七条）。',
    '调解成功的，可以签订调解协议；调解不成的，您仍然可以申请仲裁或者向法院起诉（第二十六条）。',
  ],
  privacy: {
    purpose: '只用于办理您的人民调解申请：交给纠纷所在地的人民调解委员会，联系您和对方当事人，安排调解，以及依法统计。',
    collects: [
      '您的姓名、联系电话、所在镇（街），以及您愿意填写的住址。',
      '对方的姓名或名称、您知道的对方联系方式。',
      '纠纷的类别、地点、经过，您希望怎样解决，是否已在法院、仲裁机构或公安机关处理，您对调解方式的选择。',
      '方便联系的时间和联系时的注意事项。',
    ],
    sensitive:
      '纠纷经过里可能有家庭矛盾、伤情、家庭暴力等敏感个人信息（《中华人民共和国个人信息保护法》第二十八条）。请只写办理调解需要的内容；这些信息只给负责调解的人员看。',
    whoSees:
      '负责办理的工作人员和人民调解委员会的调解员，调解员不得泄露当事人的个人隐私（《中华人民共和国人民调解法》第十五条）。调解员联系对方时，需要告诉对方您申请调解的事情；不希望对方知道您的住址或电话的，请在表里“联系您时要注意什么”一栏写明。',
    archive: '人民调解',
  },
  quickExit: true,
} as const satisfies RequestType<'mediation'>;

/** Its start page's title, search facet and description (src/layouts/RequestStart.astro). */
export const startPage = {
  title: '申请人民调解',
  workLine: 'mediation',
  description: '在网上申请人民调解：免费、自愿，可以选调解员，可以要求不公开调解。',
} as const satisfies StartPage;
