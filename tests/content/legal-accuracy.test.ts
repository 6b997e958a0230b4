/**
 * Statements a legal editor corrected against the statutes, each pinned to the
 * article that supports it, so a later edit cannot quietly bring the old
 * wording back: the notary guide's apostille and 公证法第二十五条 exception, the
 * duty to report a criminal record (刑法第一百条), who may apply for legal aid
 * on someone's behalf (法律援助法第四十条), what legal aid does and does not
 * pay for (第二十条、第五十三条), where judicial confirmation is sought
 * (民事诉讼法第二百零五条), the plan's own words and its law-change notes, the
 * law files' histories, and the search words for 缓刑、假释.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { CHECK_STEPS } from '../../src/lib/forms/eligibility.ts';
import { projectRoot } from '../support/dist.ts';

const content = join(projectRoot, 'content');

interface Faq {
  q: string;
  a: string;
}
interface Guide {
  what: string;
  who: string;
  conditions: string[];
  steps: string[];
  cost: string;
  where: string;
  legalBasis: { law: string; article: number | string }[];
}
interface Ref {
  law: string;
  article: number | string;
}

function service(id: string) {
  const { data, body } = splitFrontmatter(readFileSync(join(content, 'services', `${id}.md`), 'utf8'));
  const faq = (data.faq ?? []) as Faq[];
  return {
    summary: data.summary as string,
    guide: data.guide as Guide,
    faq,
    body,
    /** The FAQ answer whose question contains `words`. */
    answer(words: string): string {
      const f = faq.find((x) => x.q.includes(words));
      if (!f) throw new Error(`${id}: no FAQ question with “${words}”`);
      return f.a;
    },
    all: JSON.stringify(data) + body,
  };
}

function caseFile(slug: string) {
  const { data, body } = splitFrontmatter(readFileSync(join(content, 'cases', `${slug}.md`), 'utf8'));
  return { data, body, laws: (data.laws ?? []) as Ref[] };
}

const cites = (refs: Ref[], law: string, article: number) =>
  refs.some((r) => r.law === law && Number(r.article) === article);

describe('resettlement: criminal records and work', () => {
  const s = service('resettlement');
  it('says reporting a criminal punishment when taking a job is a legal duty, with the juvenile exception', () => {
    const a = s.answer('找工作');
    expect(a).toContain('《中华人民共和国刑法》第一百条');
    expect(a).toContain('不满十八周岁');
    expect(a).toContain('五年有期徒刑以下');
    expect(a).toContain('义务');
    expect(a).toContain('《中华人民共和国刑事诉讼法》第二百八十六条');
  });
  it('names the main statutory occupational bars, each with its article', () => {
    const a = s.answer('找工作');
    for (const c of [
      '《中华人民共和国公务员法》第二十六条',
      '《中华人民共和国教师法》第十四条',
      '《中华人民共和国律师法》第七条',
      '《保安服务管理条例》第十七条',
      '《中华人民共和国未成年人保护法》第六十二条',
    ])
      expect(a).toContain(c);
  });
  it('offers legal aid for a 申诉 only after a retrial or protest, and consultation and drafting before', () => {
    const a = s.answer('申诉');
    expect(a).toContain('第三十三条');
    expect(a).toMatch(/再审.*抗诉/);
    expect(a).toContain('第二十二条');
    expect(a).toContain('代拟');
    expect(cites(s.guide.legalBasis, '法律援助法', 33)).toBe(true);
  });
  it('calls the plan’s 刑释解教人员 released prisoners and links to the law-change note', () => {
    expect(s.guide.who).toContain('劳动教养');
    expect(s.body).toContain('/plan/#law-changes');
  });
});

describe('the case of hiring someone released from prison', () => {
  const c = caseFile('hiring-someone-released-from-prison');
  it('cites 刑法第一百条 as a duty, and the statutory bars', () => {
    expect(c.body).toContain('《中华人民共和国刑法》第一百条');
    expect(c.body).toContain('法律义务');
    for (const [law, article] of [
      ['刑法', 100],
      ['公务员法', 26],
      ['教师法', 14],
      ['律师法', 7],
      ['保安服务管理条例', 17],
      ['未成年人保护法', 62],
    ] as const)
      expect(cites(c.laws, law, article), `${law} ${article}`).toBe(true);
  });
});

describe('notary guide', () => {
  const s = service('notary');
  it('explains the apostille, in force for China since 2023-11-07, and where to get one', () => {
    expect(s.all).toContain('《取消外国公文书认证要求的公约》');
    expect(s.all).toContain('附加证明书');
    expect(s.all).toContain('2023年11月7日');
    expect(s.all).toContain('外事办公室');
    expect(s.all).toContain('仍要办领事认证');
    expect(s.all).toContain('中国领事服务网');
  });
  it('no longer tells readers only to ask whether legalisation is needed', () => {
    expect(s.all).not.toContain('问清使用国是否还要办理认证');
    expect(s.guide.steps.join()).toContain('附加证明书');
  });
  it('states the 公证法第二十五条第二款 exception in the conditions and where to go', () => {
    const condition = s.guide.conditions.find((c) => c.includes('第二十五条'));
    expect(condition).toContain('委托、声明、赠与、遗嘱');
    expect(s.guide.where).toContain('委托、声明、赠与、遗嘱');
  });
  it('says only that the fee is paid as the rules say, not when', () => {
    expect(s.all).not.toContain('同时按规定交纳公证费');
    expect(s.guide.steps.join()).toContain('按规定交纳公证费（《中华人民共和国公证法》第三十四条）');
  });
  it('has a section for overseas Taishanese, with consular notarisation (公证法第四十五条)', () => {
    expect(s.body).toContain('## 海外乡亲');
    expect(s.body).toContain('第四十五条');
    expect(s.faq.filter((f) => f.q.startsWith('海外乡亲')).length).toBeGreaterThanOrEqual(2);
    expect(cites(s.guide.legalBasis, '公证法', 45)).toBe(true);
  });
});

describe('legal-aid guide', () => {
  const s = service('legal-aid');
  it('does not say everything is free: legal aid charges nothing, court and appraisal fees may be deferred or waived', () => {
    expect(s.all).not.toMatch(/全程不收钱|全程免费/);
    expect(s.guide.cost).toContain('第二十条');
    expect(s.guide.cost).toContain('第五十三条');
    expect(s.guide.cost).toContain('缓收');
    expect(s.guide.what).toContain('第五十三条');
  });
  it('states exactly who may apply on someone’s behalf (第四十条)', () => {
    const a = s.answer('替我申请');
    expect(a).toContain('《中华人民共和国法律援助法》第四十条');
    for (const w of ['无民事行为能力人', '限制民事行为能力人', '法定代理人', '服刑人员', '强制隔离戒毒人员'])
      expect(a).toContain(w);
    expect(s.body).toContain('## 谁可以代为申请');
    expect(s.all).not.toContain('由监护人、近亲属代为申请的');
  });
  it('has a section for overseas relatives, with online and mail applications under the 2024 provincial rules', () => {
    expect(s.body).toContain('## 海外乡亲');
    expect(s.body).toContain('《广东省法律援助条例》');
    expect(s.body).toContain('邮寄');
    expect(s.answer('海外乡亲')).toContain('第四十条');
  });
  it('words the province’s hardship rule as the eligibility check does', () => {
    const check = CHECK_STEPS.find((x) => x.path === 'income')!.paragraphs.join();
    for (const words of ['国内全日制中等、高等学校', '江门市上一年度城镇居民月人均可支配收入', '不必低于一半']) {
      expect(check, words).toContain(words);
      expect(s.all, words).toContain(words);
    }
  });
});

describe('mediation guide: judicial confirmation', () => {
  const s = service('mediation');
  it('says the basic court is the usual one, with the intermediate-court and invited-mediation cases', () => {
    const step = s.guide.steps.find((x) => x.includes('司法确认'))!;
    expect(step).toContain('一般');
    expect(step).toContain('中级人民法院');
    const a = s.answer('哪个法院');
    expect(a).toContain('《中华人民共和国民事诉讼法》第二百零五条');
    expect(a).toContain('中级人民法院');
    expect(a).toContain('邀请');
  });
});

describe('cases', () => {
  it('traffic: motor vehicle against cyclist follows 道路交通安全法第七十六条第一款第二项, not plain fault-sharing', () => {
    const c = caseFile('traffic-accident-compensation');
    expect(c.body).toContain('《中华人民共和国道路交通安全法》第七十六条第一款第二项');
    expect(c.body).toContain('不超过百分之十');
    expect(c.data.summary).not.toContain('按过错承担');
  });
  it('unpaid wages: no time bar during employment, and the civil route without an employment relation', () => {
    const c = caseFile('unpaid-wages-contractor-fled');
    expect(c.body).toContain('第二十七条第一款、第四款');
    expect(c.body).toContain('不受一年的限制');
    expect(c.body).toContain('《中华人民共和国民法典》第五百零九条');
    expect(c.body).toContain('第一百八十八条');
    expect(cites(c.laws, '民法典', 577)).toBe(true);
    expect(c.body).not.toContain('一年的仲裁时效很快就过');
  });
  it('student under community correction: juvenile records are sealed (刑事诉讼法第二百八十六条)', () => {
    const c = caseFile('student-under-community-correction');
    expect(c.body).toContain('《中华人民共和国刑事诉讼法》第二百八十六条');
    expect(cites(c.laws, '刑事诉讼法', 286)).toBe(true);
  });
});

describe('the plan’s own words and what the guides say about it', () => {
  const plan = readdirSync(join(content, 'plan'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(content, 'plan', f), 'utf8'))
    .join('\n');
  it('quotes the plan’s “一村一法律顾问”, not a later programme name', () => {
    expect(plan).toContain('“一村一法律顾问”');
    const s = service('lawyers');
    expect(s.all).toContain('一村一法律顾问');
    expect(s.all).not.toContain('一村（社区）一法律顾问');
  });
  it('does not present the 2012 plan as the current rule', () => {
    for (const id of ['lawyers', 'resettlement', 'publicity'])
      expect(service(id).all, id).not.toMatch(/按照本市“三进”实施方案|按照方案/);
  });
  it('links the service pages that quote the plan to its law-change notes', () => {
    for (const id of ['resettlement', 'notary', 'lawyers', 'publicity', 'legal-aid', 'community-correction'])
      expect(service(id).body, id).toContain('/plan/#law-changes');
  });
  it('notes what changed since 2012', () => {
    const [doc] = parse(readFileSync(join(content, 'plan', 'document.yaml'), 'utf8')) as {
      lawChanges: { title: string; text: string }[];
    }[];
    const notes = doc!.lawChanges.map((c) => c.title + c.text).join('\n');
    expect(notes).toContain('2013年12月28日');
    expect(notes).toContain('劳动教养');
    expect(notes).toContain('教育部令第52号');
    expect(notes).toContain('法治副校长');
    expect(notes).toContain('法治宣传教育');
    expect(notes).toContain('《法律援助条例》');
    expect(notes).toContain('《广东省法律援助条例》');
    expect(notes).not.toContain('这一规定现行有效');
  });
  it('says on the plan page that persons and titles are as of 2012', () => {
    const page = readFileSync(join(projectRoot, 'src', 'pages', 'plan.astro'), 'utf8');
    expect(page).toContain('文中提到的人员及其职务，均为2012年发布时的情况');
  });
});

describe('what the guides say about the directory and the lectures', () => {
  it('does not send readers to addresses the directory does not publish', () => {
    for (const id of ['legal-aid', 'mediation', 'notary', 'lawyers', 'resettlement', 'publicity']) {
      const s = service(id);
      expect(s.all, id).not.toMatch(/地址和(办公时间|电话)请查机构名录/);
      expect(s.guide.where, id).toContain('0750-5524538');
    }
  });
  it('does not promise free lectures on request, which no source supports', () => {
    const s = service('publicity');
    expect(s.summary).not.toContain('不收费');
    expect(s.guide.cost).not.toMatch(/^免费/);
    expect(s.answer('收钱')).not.toMatch(/^不收/);
  });
  it('words the illustrative-case notice truthfully about “台山某镇”', () => {
    const notice = readFileSync(join(projectRoot, 'src', 'components', 'CaseInfo', 'CaseInfo.astro'), 'utf8');
    expect(notice).not.toContain('人物和地点都不是真实的');
    expect(notice).toContain('“台山某镇”等地点只是泛指');
  });
});

describe('law files', () => {
  const laws = readdirSync(join(content, 'laws'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: f, ...splitFrontmatter(readFileSync(join(content, 'laws', f), 'utf8')) }));
  const history = (file: string) => (laws.find((l) => l.file === file)!.data.history ?? []) as string[];

  it('have complete revision histories', () => {
    expect(history('property-management-regulation.md')).toContain(
      '2018年3月19日 《国务院关于修改和废止部分行政法规的决定》第三次修订',
    );
    expect(history('work-injury-regulation.md').join()).toContain('2010年12月20日 《国务院关于修改〈工伤保险条例〉的决定》修订');
    expect(history('migrant-wages-regulation.md')).toEqual([
      '2019年12月30日 中华人民共和国国务院令第724号公布',
      '2020年5月1日 施行',
    ]);
  });
  it('say when each took effect, with no stray closing bracket', () => {
    for (const l of laws) {
      const h = (l.data.history ?? []) as string[];
      expect(
        h.some((x) => x.includes('施行')),
        l.file,
      ).toBe(true);
      for (const x of h) expect(x.split('）').length, `${l.file}: ${x}`).toBe(x.split('（').length);
    }
  });
  it('include the statutes the guides now cite', () => {
    for (const f of ['criminal-law.md', 'criminal-procedure-law.md', 'civil-servants-law.md', 'teachers-law.md'])
      expect(laws.some((l) => l.file === f)).toBe(true);
  });
});

describe('search', () => {
  const synonyms = parse(readFileSync(join(content, 'search', 'synonyms.yaml'), 'utf8')) as {
    phrases: string[];
    searchAlso: string[];
  }[];
  const queries = parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'search-queries.yaml'), 'utf8')) as {
    q: string;
  }[];
  it('leads 缓刑 and 假释 to community correction, and the recall test asks for them', () => {
    for (const word of ['缓刑', '假释']) {
      expect(synonyms.find((e) => e.phrases.includes(word))?.searchAlso, word).toContain('社区矫正');
      expect(queries.some((q) => q.q === word)).toBe(true);
    }
  });
});

describe('cases for overseas Taishanese', () => {
  const cases = {
    'overseas-heirs-village-house': [
      ['民法典', 1127],
      ['民法典', 1124],
      ['民法典', 363],
      ['公证法', 45],
    ],
    'power-of-attorney-sell-flat-from-abroad': [
      ['民法典', 165],
      ['民法典', 168],
      ['公证法', 45],
      ['民事诉讼法', 62],
    ],
    'kinship-notarisation-family-visa': [
      ['公证法', 11],
      ['公证法', 33],
    ],
    'overseas-child-legal-aid-for-parent': [
      ['法律援助法', 40],
      ['法律援助法', 42],
    ],
  } as const;

  for (const [slug, refs] of Object.entries(cases)) {
    it(`${slug}: illustrative, tagged 海外乡亲, citing the articles it rests on`, () => {
      const c = caseFile(slug);
      expect(c.data.caseKind).toBe('说明性案例');
      expect(c.data.tags).toContain('海外乡亲');
      for (const [law, article] of refs) expect(cites(c.laws, law, article), `${law} ${article}`).toBe(true);
      // Only the bureau's published numbers and the national hotline.
      const phones = c.body.match(/\d{3,4}-?\d{7,8}|\b\d{5}\b/g) ?? [];
      expect(phones.filter((p) => !['0750-5524538', '12348'].includes(p))).toEqual([]);
    });
  }

  it('date the apostille where they speak of it, and say which cases still need legalisation', () => {
    for (const slug of ['overseas-heirs-village-house', 'power-of-attorney-sell-flat-from-abroad', 'kinship-notarisation-family-visa']) {
      const { body } = caseFile(slug);
      expect(body, slug).toContain('附加证明书');
      expect(body, slug).toContain('2023年11月7日');
    }
    expect(caseFile('kinship-notarisation-family-visa').body).toContain('2024年1月11日');
    expect(caseFile('kinship-notarisation-family-visa').body).toContain('仍要办领事认证');
  });

  it('tell the overseas child the parent must apply, by mail or online', () => {
    const { body } = caseFile('overseas-child-legal-aid-for-parent');
    expect(body).toContain('不能代为申请');
    expect(body).toContain('《广东省法律援助条例》');
    expect(body).toContain('邮寄');
  });
});
