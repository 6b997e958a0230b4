/**
 * A 常见问答 draft from an answered consultation marked 可公开: the question
 * and the answer with what could identify the asker removed, as a Markdown
 * file of content/qa/ (schema src/schemas/qa.ts) that starts as a draft with
 * an unticked checklist. The removal is a first pass, not a guarantee: the
 * editor's checklist is what makes an entry publishable.
 *
 * Removed: the asker's own 称呼 and phone; phone, identity and other long
 * numbers; number plates; e-mail addresses; 姓 + 先生/女士/伯… forms of
 * address; and places below town level (…村, …社区, …路/街/巷, …号, …组).
 * Kept: the town (镇街) and words like 农村, 村民, 社区矫正.
 */
import { SUGGESTIONS, type Answer } from './answer.ts';
import { QA_CHECKLIST } from '../../schemas/qa-checklist.ts';

export const REMOVED = {
  name: '某某',
  number: '（号码已删除）',
  place: '某地',
} as const;

/** Forms of address after a surname: 陈女士, 黄伯, 李老板. */
const ADDRESS_FORMS = '先生|女士|小姐|太太|阿姨|伯|叔|婶|姨|哥|姐|老板|师傅|律师|经理|老师|医生';
const PLACE_SUFFIX = '村委会|居委会|村|社区|大道|路|街|巷|号楼|号|组|栋|弄|里|坊|围|屯|寨';
/** Characters that are never part of a place name: 的, 在, 住, pronouns, … */
const LITTLE_WORDS = '的在住到从去是和与了我你他她们那这家边旁向往对给被把将也都就还又很个';
/** Words that end like a place but are not one. */
const NOT_PLACES = /^(农村|乡村|村民|村居|城乡|社区矫正|社区服务|街道|马路|道路|公路|小组|班组)$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Known {
  /** What the asker gave as 称呼, and their phone: removed wherever they appear. */
  caller?: string;
  phone?: string;
}

export function anonymise(text: string, known: Known = {}): string {
  // Full-width digits and letters as ASCII, so ０７５０… is found; punctuation stays as written.
  let out = text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const k of [known.caller, known.phone].filter((x): x is string => !!x && x.length >= 2))
    out = out.replace(new RegExp(escapeRegExp(k), 'g'), REMOVED.name);
  out = out
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, REMOVED.number)
    .replace(/[\p{Script=Han}][A-Z][·\s]?[A-Z0-9]{5,6}/gu, REMOVED.number)
    .replace(/\+?\d[\d\s-]{5,}\d[Xx]?/g, REMOVED.number)
    .replace(
      new RegExp(`(^|[^\\p{Script=Han}])?[\\p{Script=Han}](${ADDRESS_FORMS})`, 'gu'),
      (_match, pre: string | undefined, form: string) => `${pre ?? ''}${REMOVED.name.slice(0, 1)}${form}`,
    );
  // A place name is one to four characters before its suffix, none of them a common little word
  // (在大塘村 → 在某地), and not followed by 民/居/委 (村民, 村居, 居委会 are words, not places).
  const place = new RegExp(
    `[[\\p{Script=Han}A-Za-z0-9]--[${LITTLE_WORDS}]]{1,4}(?:${PLACE_SUFFIX})(?![民居委务干])`,
    'gv',
  );
  return out.replace(place, (m) => (NOT_PLACES.test(m) ? m : REMOVED.place));
}

export interface DraftInput {
  topicName: string;
  town: string;
  question: string;
  answer: Answer;
  /** ISO time of the answer. */
  answeredAt: string;
  known?: Known;
}

/** A file name for the draft: qa-<date>-<topic id or slug>.md; the editor renames it to a readable slug. */
export function draftFileName(answeredAt: string, topicId: string): string {
  return `qa-${answeredAt.slice(0, 10)}-${topicId}.md`;
}

export function qaDraftMarkdown(d: DraftInput): string {
  const q = anonymise(d.question, d.known);
  const a = anonymise(d.answer.text, d.known);
  const related = [
    ...d.answer.pages.map((p) => `- [${p.title}](${p.path})`),
    ...d.answer.suggest.map(
      (s) => `- [${SUGGESTIONS[s]}](${s === 'legal-aid' ? '/apply/legal-aid/' : '/apply/mediation/'})`,
    ),
  ];
  const checklist = Object.entries(QA_CHECKLIST).map(([k, label]) => `  ${k}: false # ${label}`);
  const lawsLine = d.answer.laws.length ? `\n相关法律条文：${d.answer.laws.join('、')}。\n` : '';
  return `---
title: "（请编辑：用一句话写出问题，6到40个字）"
topic: ${d.topicName}
town: ${d.town}
answered: ${d.answeredAt.slice(0, 10)}
draft: true
checklist:
${checklist.join('\n')}
# editedBy: 审核人的单位和姓名（发布前填写）
---

## 问题

${q}

## 答复

${a}
${lawsLine}${related.length ? `\n相关内容：\n\n${related.join('\n')}\n` : ''}`;
}
