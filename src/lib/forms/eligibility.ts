/**
 * The legal-aid eligibility check (/apply/legal-aid/check/): one question per
 * page, each answer a link to the next page, so it works without JavaScript
 * and without a server. It never blocks: every result links to the application.
 *
 * Order of the questions follows the law: is the matter within scope
 * (《中华人民共和国法律援助法》第三十一条, criminal cases 第二十四条、第二十九条),
 * is there no hardship test (第三十二条), is the person exempt from verification
 * (第四十二条), and only then the province's hardship standard (第三十四条;
 * Guangdong's rule told in plain words, with the 江门市 figure it uses when an
 * official one is in content/data/legal-aid-standard.yaml, and never a guess).
 */
import { BUREAU } from '../site.ts';
import { chineseDate } from '../time.ts';

export interface CheckAnswer {
  label: string;
  /** Step path below /apply/legal-aid/check/: '' is the first question. */
  next: string;
}

export interface CheckStep {
  path: string;
  title: string;
  paragraphs: string[];
  /** Conditions shown as a list before the answers. */
  items?: string[];
  answers?: CheckAnswer[];
  /** Results only: how the answer reads at a glance. */
  verdict?: 'likely' | 'maybe' | 'other';
  /** Results only: other help, as [text, site path]. */
  links?: [string, string][];
  back?: string;
}

export const CHECK_STEPS: CheckStep[] = [
  {
    path: '',
    title: '您遇到的是哪一类事情？',
    paragraphs: [
      '回答几个简单的问题，大约1分钟，帮您看看能不能申请法律援助。结果只供参考：不管结果怎样，您都可以申请，由法律援助机构审查决定。',
      '民事、行政方面可以申请法律援助的事情，见《中华人民共和国法律援助法》第三十一条。',
    ],
    answers: [
      { label: '讨要工资，或者确认劳动关系', next: 'special' },
      { label: '工伤、交通事故、医疗事故、食品药品安全事故的人身损害赔偿', next: 'special' },
      { label: '要赡养费、抚养费、扶养费', next: 'special' },
      { label: '要社会保险待遇、社会救助或者抚恤金', next: 'special' },
      { label: '国家赔偿、环境污染损害赔偿，或者请求认定家人没有民事行为能力', next: 'special' },
      { label: '刑事案件：自己或家人是犯罪嫌疑人、被告人，或者是被害人', next: 'result/criminal' },
      { label: '其他事情，或者说不清', next: 'result/maybe' },
    ],
  },
  {
    path: 'special',
    title: '有没有下面的情况？',
    paragraphs: ['有下面这些情况的，申请法律援助不看经济条件（《中华人民共和国法律援助法》第三十二条）：'],
    items: [
      '遭受虐待、遗弃或者家庭暴力，要维护自己的权益',
      '英雄烈士的近亲属，要维护英雄烈士的名誉等人格权益',
      '因为见义勇为，要主张相关的民事权益',
      '再审改判无罪，要请求国家赔偿',
    ],
    answers: [
      { label: '有其中一种情况', next: 'result/no-means-test' },
      { label: '都没有', next: 'exempt' },
    ],
    back: '',
  },
  {
    path: 'exempt',
    title: '您是不是下面这些人？',
    paragraphs: ['下面这些人，有材料证明身份的，不用核查经济困难状况（《中华人民共和国法律援助法》第四十二条）：'],
    items: [
      '没有固定生活来源的未成年人、老年人、残疾人',
      '低保、特困等社会救助对象，司法救助对象，或者优抚对象',
      '要讨工资或者要工伤赔偿的进城务工人员（农民工）',
    ],
    answers: [
      { label: '是其中一种人', next: 'result/exempt' },
      { label: '都不是', next: 'income' },
    ],
    back: 'special',
  },
  {
    path: 'income',
    title: '家里的经济情况是哪一种？',
    paragraphs: [
      '经济困难的标准由省人民政府确定（《中华人民共和国法律援助法》第三十四条）。广东省的标准，用大白话说是：把您和一起生活的家人最近6个月的收入加起来，算出每人每月能支配多少钱；这个数低于江门市上一年度城镇居民月人均可支配收入的一半，家里又没有价值较大的财产，就算经济困难。',
      '申请前6个月，家里因为突发事件、意外伤害、重大疾病，或者家人就读国内全日制中等、高等学校，每人每月花的比能支配的收入还多，标准会放宽：只要低于江门市上一年度城镇居民月人均可支配收入（不必低于一半），家里又没有价值较大的财产，也算经济困难。',
    ],
    answers: [
      { label: '收入低于这个标准，也没有价值较大的财产', next: 'result/likely' },
      {
        label:
          '收入超过那个“一半”，但没超过江门市上一年度的人均数，而且因为突发事件、意外伤害、重病或者家人读书，花的比挣的还多',
        next: 'result/likely',
      },
      { label: '说不清', next: 'result/maybe' },
      { label: '收入明显高于这个标准，或者有价值较大的财产', next: 'result/other' },
    ],
    back: 'exempt',
  },
  {
    path: 'result/likely',
    verdict: 'likely',
    title: '您很可能可以申请法律援助',
    paragraphs: [
      '根据您的回答，您的事情属于法律援助的范围，经济状况也可能符合条件。最后由法律援助机构审查决定，收到申请后7日内作出决定（《中华人民共和国法律援助法》第四十三条）。',
      '申请时如实说明经济状况、作出个人诚信承诺就可以，不需要开经济困难证明（《中华人民共和国法律援助法》第四十一条）。',
    ],
    back: 'income',
  },
  {
    path: 'result/no-means-test',
    verdict: 'likely',
    title: '您申请法律援助不受经济条件限制',
    paragraphs: [
      '根据您的回答，您属于《中华人民共和国法律援助法》第三十二条规定的情形，申请法律援助不看经济困难条件。',
      '申请时请在表里勾选相应的情况。能说明情况的材料，例如报警记录、病历、告诫书、人身安全保护令，可以在工作人员联系您时再提供。',
    ],
    back: 'special',
  },
  {
    path: 'result/exempt',
    verdict: 'likely',
    title: '您很可能不用核查经济状况',
    paragraphs: [
      '根据您的回答，您属于《中华人民共和国法律援助法》第四十二条规定的人员，有材料证明的，免予核查经济困难状况。',
      '请准备证明身份的材料，例如低保证、特困供养证明、残疾人证、优抚证件；农民工讨薪或要工伤赔偿的，准备能证明在哪里干活的材料，例如工资条、考勤记录、工友证言、聊天记录。这些材料可以在工作人员联系您时再提供。',
    ],
    back: 'exempt',
  },
  {
    path: 'result/criminal',
    verdict: 'likely',
    title: '刑事案件可以申请法律援助',
    paragraphs: [
      '刑事案件的犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，本人及其近亲属可以申请法律援助（《中华人民共和国法律援助法》第二十四条）。',
      '被害人及其法定代理人或者近亲属、自诉人、附带民事诉讼的原告人，因经济困难没有委托诉讼代理人的，也可以申请（《中华人民共和国法律援助法》第二十九条）。',
      '犯罪嫌疑人、被告人是未成年人，视力、听力、言语残疾人，不能完全辨认自己行为的成年人，或者可能被判处无期徒刑、死刑的，没有委托辩护人时，法院、检察院、公安机关应当通知法律援助机构指派律师（《中华人民共和国法律援助法》第二十五条）。',
      '被羁押的犯罪嫌疑人、被告人和服刑人员，可以由法定代理人或者近亲属代为申请（《中华人民共和国法律援助法》第四十条）。',
    ],
    back: '',
  },
  {
    path: 'result/maybe',
    verdict: 'maybe',
    title: '您可能可以申请：建议直接申请，或者先打电话问一问',
    paragraphs: [
      '根据您的回答，还不能确定是否符合条件。除了列出的事情，法律、法规、规章还规定了其他可以申请的情形（《中华人民共和国法律援助法》第三十一条），广东省的经济困难标准对开支大的家庭也会放宽。',
      `您可以直接在网上申请，由法律援助机构审查；也可以先打 ${BUREAU.hotline} 或 ${BUREAU.phone} 问一问。`,
    ],
    back: '',
  },
  {
    path: 'result/other',
    verdict: 'other',
    title: '您可能不符合经济困难条件',
    paragraphs: [
      '根据您的回答，您可能不符合法律援助的经济困难条件。您仍然可以申请，由法律援助机构审查决定。',
      '也可以试试下面这些帮助：',
    ],
    links: [
      ['打 12348 公共法律服务热线，免费咨询', ''],
      ['邻里、家庭、债务等纠纷，可以申请免费的人民调解', '/apply/mediation/'],
      ['请律师代理：看看律师服务怎么找', '/services/lawyers/'],
    ],
    back: 'income',
  },
];

export function stepByPath(path: string): CheckStep | undefined {
  return CHECK_STEPS.find((s) => s.path === path);
}

/** Site path of a step. */
export function stepHref(path: string): string {
  return `/apply/legal-aid/check/${path ? `${path}/` : ''}`;
}

// ---------------------------------------------------------------- the figure

/** One year's 江门市城镇常住居民人均可支配收入, as content/data/legal-aid-standard.yaml records it. */
export interface IncomeFigure {
  /** The year the figure is for; it applies in the following year (上一年度). */
  year: number;
  /** Yuan per person for the year. */
  annual: number;
  /** The publishing document, without 《》. */
  source: string;
  publisher: string;
  published: Date;
  /** The official page, when confirmed. */
  url?: string;
}

/** The amounts the standard compares with, from the newest figure. */
export interface IncomeStandard {
  figure: IncomeFigure;
  /** The figure per month, to the yuan: the line after heavy costs (粤府令第268号第三条). */
  monthly: number;
  /** Half of it per month, to the yuan: the ordinary line. */
  half: number;
  /** The figure is for last year, as the standard says; otherwise it is older. */
  current: boolean;
}

/**
 * The newest figure and its monthly amounts. Rounded to the yuan (a half
 * rounds up), as the cities' own notices state them: 中山's 62196 元 for 2022
 * became 2592 元/月.
 */
export function incomeStandard(figures: readonly IncomeFigure[], today: string): IncomeStandard | undefined {
  const figure = [...figures].sort((a, b) => b.year - a.year)[0];
  if (!figure) return undefined;
  return {
    figure,
    monthly: Math.round(figure.annual / 12),
    half: Math.round(figure.annual / 24),
    current: figure.year >= Number(today.slice(0, 4)) - 1,
  };
}

/** What the income question says about the amount: the figures and where they come from, or how to ask. */
export function incomeStandardText(s: IncomeStandard | undefined): { amounts: string[]; source?: string } {
  const ask = `想确认当年的标准，可以打 ${BUREAU.hotline} 或 ${BUREAU.phone} 问一问。`;
  if (!s) {
    return {
      amounts: [
        `具体金额要看江门市统计部门公布的上一年度数字。本站还没有核实到官方公布的数字，所以这里不写金额，以免写错。${ask}`,
      ],
    };
  }
  const { figure: f } = s;
  return {
    amounts: [
      `江门市${f.year}年城镇常住居民人均可支配收入是 ${f.annual} 元，平均每月约 ${s.monthly} 元，一半是每月约 ${s.half} 元。`,
      `也就是说：全家最近6个月的收入，平均到每人每月，低于约 ${s.half} 元（开支大的家庭，低于约 ${s.monthly} 元），家里又没有价值较大的财产，就算经济困难。最后以法律援助机构的认定为准。`,
      ...(s.current ? [] : [`这是${f.year}年的数字，${f.year + 1}年的数字公布后，标准会随之调整。${ask}`]),
    ],
    source: `数字来源：《${f.source}》，${f.publisher}，${chineseDate(f.published)}发布。`,
  };
}
