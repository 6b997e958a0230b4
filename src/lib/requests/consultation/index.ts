/**
 * 法律咨询: a resident asks a legal question online and gets an answer (the
 * plan: “律师每月至少到村居、社区服务一天，开展法律咨询，及时解决群众提出的法律问题”).
 * Everything the site says about this kind apart from the form (form.ts).
 *
 * No law sets a time limit for answering a consultation; the bureau sets its
 * own target (ANSWER_TARGET_WORKING_DAYS below), tracked on the desk the way
 * the legal-aid decision is. The answer itself is the status 已答复.
 */
import type { Option } from '../../forms/definitions.ts';
import { TOPICS } from '../../taxonomy.ts';
import type { RequestType, StartPage } from '../types.ts';

/**
 * The bureau's answer-time target, in working days after the day the
 * question arrives (that day not counted). The bureau may change it here;
 * the desk, the confirmation page and the statistics all read it.
 */
export const ANSWER_TARGET_WORKING_DAYS = 2;

/** What the question is about: the site's case topics (src/lib/taxonomy.ts), then 其他. */
export const TOPIC_OPTIONS: Option[] = [
  ...TOPICS.map((t) => ({ value: t.id, label: t.name })),
  { value: 'other', label: '其他问题，或者拿不准属于哪一类' },
];

/** How the answer should come. */
export const CHANNEL_OPTIONS: Option[] = [
  { value: 'online', label: '网上答复', hint: '答复后，用回执号和电话号码在“查询进度”里查看' },
  { value: 'phone', label: '电话回复', hint: '工作人员在您方便的时间打电话答复' },
  { value: 'visit', label: '当面咨询', hint: '工作人员打电话和您约定时间地点，例如村居法律顾问服务日' },
];

export const consultation = {
  id: 'consultation',
  receiptPrefix: 'ZX',
  labels: { name: '法律咨询', request: '法律咨询', apply: '在线法律咨询', correct: '更正法律咨询' },
  statuses: ['已收到', '审查中', '已答复', '已办结', '已撤回'],
  staffStatuses: ['审查中', '已答复', '已办结'],
  category: { label: '咨询的问题类别', options: TOPIC_OPTIONS },
  decision: {
    days: ANSWER_TARGET_WORKING_DAYS,
    unit: 'working',
    decidedBy: ['已答复'],
    what: '答复法律咨询',
    source: '台山市司法局的答复时限目标（不是法定期限）',
  },
  commonMaterials: ['与问题有关的材料（如合同、欠条、判决书），当面咨询时请带上'],
  nextSteps: [
    `工作人员一般会在收到咨询后${ANSWER_TARGET_WORKING_DAYS}个工作日内答复（节假日顺延）。`,
    '选择网上答复的，答复后用回执号和电话号码在“查询进度”页面查看；选择电话回复或当面咨询的，工作人员会打电话联系您。',
    '答复是根据您写的情况给出的一般性法律意见。需要打官司、申请法律援助或者调解的，答复里会告诉您怎么办。',
    '情况紧急的，请拨打110；其他法律问题也可以拨打12348公共法律服务热线。',
  ],
  privacy: {
    purpose: '只用于答复您的法律咨询：工作人员阅读您的问题，按您选择的方式答复或联系您，以及依法统计。',
    collects: [
      '您的问题、问题的类别和所在镇（街）。',
      '联系电话；选择电话回复或当面咨询的，还有方便接电话的时间；在网上约村居法律顾问服务日的，还有所约的时段；您愿意留下的称呼。',
    ],
    sensitive:
      '问题里可能写到家庭矛盾、伤病、财产等敏感个人信息（《中华人民共和国个人信息保护法》第二十八条）。请只写说明问题需要的内容，不必写真实姓名、身份证号码和详细住址。',
    whoSees: '负责答复的工作人员和参与答复的律师。律师不得泄露当事人的隐私（《中华人民共和国律师法》第三十八条）。',
    archive: '法律咨询',
  },
  quickExit: true,
} as const satisfies RequestType<'consultation'>;

/** Its start page's title, search facet and description (src/layouts/RequestStart.astro). */
export const startPage = {
  title: '法律咨询',
  workLine: 'lawyers',
  description: '在网上提出法律问题，选择网上答复、电话回复或当面咨询。不用注册，提交后得到回执号。',
} as const satisfies StartPage;
