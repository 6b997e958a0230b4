/**
 * The plan's seven work lines and three audiences. Their ids are URL slugs
 * (/services/legal-aid/); their names are what residents read.
 */

export const WORK_LINES = [
  { id: 'publicity', name: '法制宣传', short: '普法讲座、以案说法、法治进校园' },
  { id: 'mediation', name: '人民调解', short: '邻里、家庭、劳动等纠纷免费调解' },
  { id: 'resettlement', name: '安置帮教', short: '帮助刑满释放人员回归社会' },
  { id: 'community-correction', name: '社区矫正', short: '依法对社区矫正对象监督管理和教育帮扶' },
  { id: 'legal-aid', name: '法律援助', short: '经济困难等群众可获得免费律师帮助' },
  { id: 'lawyers', name: '律师', short: '一村一法律顾问、律师咨询与代理' },
  { id: 'notary', name: '公证', short: '证明事实和文书真实合法' },
] as const;

export type WorkLineId = (typeof WORK_LINES)[number]['id'];
export const WORK_LINE_IDS = WORK_LINES.map((w) => w.id) as unknown as [WorkLineId, ...WorkLineId[]];

export function workLine(id: WorkLineId) {
  return WORK_LINES.find((w) => w.id === id)!;
}

export const AUDIENCES = [
  { id: 'village', name: '村居', long: '村（社区）居民' },
  { id: 'school', name: '学校', long: '学生、家长和老师' },
  { id: 'enterprise', name: '企业', long: '企业职工和经营者' },
] as const;

export type AudienceId = (typeof AUDIENCES)[number]['id'];
export const AUDIENCE_IDS = AUDIENCES.map((a) => a.id) as unknown as [AudienceId, ...AudienceId[]];
/** Editors write 村居 / 学校 / 企业 in frontmatter. */
export const AUDIENCE_NAMES = AUDIENCES.map((a) => a.name) as unknown as ['村居', '学校', '企业'];

export function audienceByName(name: string) {
  return AUDIENCES.find((a) => a.name === name);
}

/**
 * Case topics in everyday words. Editors write the Chinese name in frontmatter
 * (topic: 拖欠工资); the id is the URL slug (/cases/topic/wages/).
 */
export const TOPICS = [
  { id: 'wages', name: '拖欠工资' },
  { id: 'work-injury', name: '工伤' },
  { id: 'labor-contract', name: '劳动合同' },
  { id: 'marriage-family', name: '婚姻家庭' },
  { id: 'support', name: '赡养抚养' },
  { id: 'neighbours', name: '邻里纠纷' },
  { id: 'land', name: '宅基地和土地承包' },
  { id: 'traffic', name: '交通事故' },
  { id: 'medical', name: '医疗纠纷' },
  { id: 'property-management', name: '物业纠纷' },
  { id: 'loans', name: '民间借贷' },
  { id: 'consumer', name: '消费维权' },
  { id: 'campus-safety', name: '校园安全' },
  { id: 'minors', name: '未成年人保护' },
  { id: 'domestic-violence', name: '家庭暴力' },
  { id: 'inheritance', name: '遗嘱继承' },
  { id: 'notary-matters', name: '公证事务' },
  { id: 'reintegration', name: '回归社会' },
  { id: 'personal-information', name: '个人信息' },
] as const;

export type TopicName = (typeof TOPICS)[number]['name'];
export const TOPIC_NAMES = TOPICS.map((t) => t.name) as unknown as [TopicName, ...TopicName[]];

export function topicByName(name: string) {
  return TOPICS.find((t) => t.name === name);
}
