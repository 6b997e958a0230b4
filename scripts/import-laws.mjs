// Copies statute texts from the shared law library into content/laws/, one file
// per law, with frontmatter the `laws` collection validates. Run it when a new
// law is cited:  npm run laws:import -- ../shared/laws/公证法(2017-09-01).md
// The civil code's seven books are merged into one law, as they are cited as
// one (《中华人民共和国民法典》第1079条): its articles are numbered straight through.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const SOURCE_NOTE = '国家法律法规数据库文本的公开整理本（LawRefBook/Laws，2025-04-19 快照）';

// id: URL-safe slug; file: prefix of the shared file; kind: 法律 or 行政法规.
export const LAWS = [
  ['legal-aid-law', '法律援助法', '法律'],
  ['people-mediation-law', '人民调解法', '法律'],
  ['community-correction-law', '社区矫正法', '法律'],
  ['notarization-law', '公证法', '法律'],
  ['lawyers-law', '律师法', '法律'],
  ['personal-information-protection-law', '个人信息保护法', '法律'],
  ['labor-law', '劳动法', '法律'],
  ['labor-contract-law', '劳动合同法', '法律'],
  ['labor-dispute-law', '劳动争议调解仲裁法', '法律'],
  ['migrant-wages-regulation', '保障农民工工资支付条例', '行政法规'],
  ['work-injury-regulation', '工伤保险条例', '行政法规'],
  ['social-insurance-law', '社会保险法', '法律'],
  ['anti-domestic-violence-law', '反家庭暴力法', '法律'],
  ['minors-protection-law', '未成年人保护法', '法律'],
  ['road-traffic-safety-law', '道路交通安全法', '法律'],
  ['consumer-protection-law', '消费者权益保护法', '法律'],
  ['property-management-regulation', '物业管理条例', '行政法规'],
  ['medical-disputes-regulation', '医疗纠纷预防和处理条例', '行政法规'],
  ['rural-land-contract-law', '农村土地承包法', '法律'],
  ['elderly-rights-law', '老年人权益保障法', '法律'],
  ['civil-procedure-law', '民事诉讼法', '法律'],
  ['accessibility-law', '无障碍环境建设法', '法律'],
  ['disabled-persons-law', '残疾人保障法', '法律'],
  ['women-rights-law', '妇女权益保障法', '法律'],
  ['criminal-law', '刑法', '法律'],
  ['criminal-procedure-law', '刑事诉讼法', '法律'],
  ['civil-servants-law', '公务员法', '法律'],
  ['teachers-law', '教师法', '法律'],
  ['security-services-regulation', '保安服务管理条例', '行政法规'],
];
const CIVIL_CODE_BOOKS = ['总则', '物权编', '合同编', '人格权编', '婚姻家庭编', '继承编', '侵权责任编'];

function split(text) {
  const lines = text.replace(/\r/g, '').split('\n');
  const end = lines.findIndex((l) => l.includes('<!-- INFO END -->'));
  const head = lines.slice(0, end < 0 ? 0 : end);
  const body = lines.slice(end < 0 ? 0 : end + 1);
  const title = head
    .find((l) => l.startsWith('# '))
    ?.slice(2)
    .trim();
  const history = head.filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim());
  return { title, history, body: body.join('\n').trim() };
}

function yamlList(items) {
  return items.map((i) => `  - ${JSON.stringify(i)}`).join('\n');
}

function write(outDir, id, meta, body) {
  const fm = [
    '---',
    `title: ${JSON.stringify(meta.title)}`,
    `shortTitle: ${JSON.stringify(meta.shortTitle)}`,
    `kind: ${meta.kind}`,
    `version: ${JSON.stringify(meta.version)}`,
    meta.history.length ? `history:\n${yamlList(meta.history)}` : 'history: []',
    `source: ${JSON.stringify(SOURCE_NOTE)}`,
    '---',
    '',
  ].join('\n');
  writeFileSync(join(outDir, `${id}.md`), fm + body + '\n');
}

const [, , ...args] = process.argv;
const sharedDir = args[0] ? dirname(args[0]) : '../shared/laws';
const only = new Set(args.map((a) => basename(a)));
const outDir = new URL('../content/laws/', import.meta.url).pathname;
const files = readdirSync(sharedDir);

for (const [id, short, kind] of LAWS) {
  const file = files.find((f) => f.startsWith(short + '('));
  if (!file || (only.size && !only.has(file))) continue;
  const { title, history, body } = split(readFileSync(join(sharedDir, file), 'utf8'));
  const version = file.match(/\((\d{4}-\d{2}-\d{2})\)/)[1];
  write(outDir, id, { title, shortTitle: short, kind, version, history }, body);
  console.log(`content/laws/${id}.md ← ${file}`);
}

if (!only.size || [...only].some((f) => f.startsWith('民法典'))) {
  let history = [];
  const bookTitles = [
    '第一编 总则',
    '第二编 物权',
    '第三编 合同',
    '第四编 人格权',
    '第五编 婚姻家庭',
    '第六编 继承',
    '第七编 侵权责任',
  ];
  const parts = CIVIL_CODE_BOOKS.map((book, i) => {
    const parsed = split(readFileSync(join(sharedDir, `民法典-${book}.md`), 'utf8'));
    history = parsed.history.length > history.length ? parsed.history : history;
    return `# ${bookTitles[i]}\n\n${parsed.body}`;
  });
  write(
    outDir,
    'civil-code',
    { title: '中华人民共和国民法典', shortTitle: '民法典', kind: '法律', version: '2020-05-28', history },
    parts.join('\n\n'),
  );
  console.log('content/laws/civil-code.md ← 民法典-*.md');
}
