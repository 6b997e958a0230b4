/**
 * An answer to a 法律咨询, as staff compose it on the desk and the asker reads
 * it on the status page: the text (≤ 3,000 characters), links to the site's
 * own guides and cases and citations of law articles, each picked from the
 * list the build wrote (AnswerLinks: /staff/answer-links.json, made from the
 * content collections, so a link that is not in it does not exist), and the
 * one-click suggestions “申请法律援助 / 申请人民调解”, which become links to
 * the form with the asker's town and the matching category already chosen.
 *
 * Pure: the desk checks with it before sending, the staff API with the same
 * function before storing.
 */
import { charCount, cleanText } from '../forms/normalize.ts';
import { articleLabel } from '../laws.ts';
import { requestPaths } from '../requests/types.ts';

export const ANSWER_MAX = 3000;
export const ANSWER_MIN = 10;
/** At most this many links and citations in one answer: an answer, not a reading list. */
export const MAX_LINKS = 8;

/** What the build knows exists (src/pages/staff/answer-links.json.ts). */
export interface AnswerLinks {
  pages: { path: string; title: string; kind: 'guide' | 'case' | 'qa' }[];
  laws: { title: string; short: string; articles: string[] }[];
}

export type Suggestion = 'legal-aid' | 'mediation';
export const SUGGESTIONS: Record<Suggestion, string> = { 'legal-aid': '申请法律援助', mediation: '申请人民调解' };

export interface Answer {
  text: string;
  pages: { path: string; title: string }[];
  /** Citations as printed: 《中华人民共和国劳动合同法》第三十条. */
  laws: string[];
  suggest: Suggestion[];
}

export type AnswerCheck = { ok: true; answer: Answer } | { ok: false; errors: { field: string; message: string }[] };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** 《中华人民共和国劳动合同法》第三十条 for a law and an article key ("30" or "42-1"), as the site prints citations. */
export function citationOf(title: string, key: string): string {
  return `《${title}》${articleLabel(key)}`;
}

/** Every citation the list allows. */
function knownCitations(links: AnswerLinks): Set<string> {
  return new Set(links.laws.flatMap((l) => l.articles.map((a) => citationOf(l.title, a))));
}

/** Checks what the desk sent against the build's list; every link must exist. */
export function checkAnswer(input: Record<string, unknown>, links: AnswerLinks): AnswerCheck {
  const errors: { field: string; message: string }[] = [];
  const text = cleanText(typeof input.text === 'string' ? input.text : '');
  const n = charCount(text);
  if (n < ANSWER_MIN) errors.push({ field: 'text', message: `请写答复内容，至少${ANSWER_MIN}个字` });
  if (n > ANSWER_MAX) errors.push({ field: 'text', message: `答复最多${ANSWER_MAX}个字，现在是${n}个字` });
  const byPath = new Map(links.pages.map((p) => [p.path, p]));
  const paths = [...new Set(strings(input.pages))];
  const unknownPage = paths.find((p) => !byPath.has(p));
  if (unknownPage) errors.push({ field: 'pages', message: `网站上没有这个页面：${unknownPage}` });
  const known = knownCitations(links);
  const laws = [...new Set(strings(input.laws))];
  const unknownLaw = laws.find((c) => !known.has(c));
  if (unknownLaw) errors.push({ field: 'laws', message: `没有找到这一条法律条文：${unknownLaw}` });
  if (paths.length + laws.length > MAX_LINKS)
    errors.push({ field: 'pages', message: `链接和法条合计最多${MAX_LINKS}个` });
  const suggest = [...new Set(strings(input.suggest))];
  if (suggest.some((s) => !(s in SUGGESTIONS))) errors.push({ field: 'suggest', message: '建议的办理事项不对' });
  if (errors.length) return { ok: false, errors };
  const pages = paths.map((p) => ({ path: p, title: byPath.get(p)!.title }));
  return { ok: true, answer: { text, pages, laws, suggest: suggest as Suggestion[] } };
}

/** The category of each form that fits a consultation topic (the forms' own values), if one does. */
const LEGAL_AID_MATTER: Record<string, string> = {
  wages: 'labour',
  'labor-contract': 'labour',
  'work-injury': 'injury',
  traffic: 'injury',
  medical: 'injury',
  support: 'support',
};
const MEDIATION_DISPUTE: Record<string, string> = {
  wages: 'labour',
  'marriage-family': 'family',
  support: 'family',
  inheritance: 'family',
  neighbours: 'neighbour',
  land: 'land-house',
  loans: 'debt-contract',
  traffic: 'injury',
  medical: 'medical',
  'property-management': 'property-management',
  consumer: 'consumer',
};

/** The form of a suggested request, with the asker's town and the fitting category chosen. */
export function suggestionHref(kind: Suggestion, town: string, topic: string): string {
  const field = kind === 'legal-aid' ? ['town', 'matterType'] : ['disputeTown', 'disputeType'];
  const category = (kind === 'legal-aid' ? LEGAL_AID_MATTER : MEDIATION_DISPUTE)[topic];
  const q = new URLSearchParams({ [field[0]!]: town, ...(category ? { [field[1]!]: category } : {}) });
  return `${requestPaths(kind).form}?${q}`;
}
