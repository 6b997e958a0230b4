/**
 * The morning digest for staff: what arrived since the last digest (counts
 * per town and kind), what must be decided within two days, what is overdue
 * (counts and receipts). Sent to a group robot of the bureau's choosing by a
 * scheduled function (functions/digest.mts). Never any personal data: only
 * counts, towns, kinds and receipt numbers, which say nothing about anyone
 * without the desk (and its private key).
 *
 * Formats (STAFF_DIGEST_FORMAT, or guessed from the webhook's address):
 *  - wecom:    企业微信群机器人, {"msgtype":"markdown","markdown":{"content":…}}
 *  - dingtalk: 钉钉群机器人, {"msgtype":"markdown","markdown":{"title":…,"text":…}},
 *              signed when STAFF_DIGEST_SECRET is set (机器人“加签”);
 *  - json:     the figures as JSON, for any other receiver.
 */
import { createHmac } from 'node:crypto';
import { requestType, type RequestTypeId } from '../requests/registry.ts';
import { monthDay } from '../time.ts';
import { townLabel } from './desk-labels.ts';

export const DIGEST_FORMATS = ['wecom', 'dingtalk', 'json'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** Receipts listed per section at most; the counts are always complete. */
export const DIGEST_RECEIPTS = 20;

export interface DigestItem {
  receipt: string;
  kind: RequestTypeId;
  town: string;
  dueOn: string;
}

export interface Digest {
  /** Beijing date of the digest. */
  date: string;
  /** Start of the period “new” counts cover (ISO). */
  since: string;
  arrived: { kind: RequestTypeId; town: string; count: number }[];
  dueSoon: { count: number; items: DigestItem[] };
  overdue: { count: number; items: DigestItem[] };
  /** The desk's address. */
  desk: string;
}

/** The format for a webhook: as configured, else by its host, else plain JSON. */
export function digestFormat(configured: string | undefined, url: string): DigestFormat {
  if (configured && DIGEST_FORMATS.includes(configured as DigestFormat)) return configured as DigestFormat;
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  if (host === 'qyapi.weixin.qq.com') return 'wecom';
  if (host === 'oapi.dingtalk.com') return 'dingtalk';
  return 'json';
}

const kindName = (k: RequestTypeId) => requestType(k).labels.name;

function itemLine(i: DigestItem): string {
  return `- ${i.receipt}（${kindName(i.kind)}，${townLabel(i.town)}，${monthDay(i.dueOn)}前决定）`;
}

function section(title: string, s: { count: number; items: DigestItem[] }): string[] {
  if (s.count === 0) return [`**${title}：0 件**`];
  const more = s.count > s.items.length ? [`- ……另有 ${s.count - s.items.length} 件，请在工作台查看`] : [];
  return [`**${title}：${s.count} 件**`, ...s.items.map(itemLine), ...more];
}

/** The digest as Markdown: what both group robots show. */
export function digestMarkdown(d: Digest): string {
  const total = d.arrived.reduce((n, a) => n + a.count, 0);
  const arrived = d.arrived.map((a) => `- ${townLabel(a.town)}：${kindName(a.kind)} ${a.count} 件`);
  return [
    `### 网上申请每日提醒（${monthDay(d.date)}）`,
    `**新收到：${total} 件**（${monthDay(d.since.slice(0, 10))}以来）`,
    ...arrived,
    ...section('已超期', d.overdue),
    ...section('两天内到期', d.dueSoon),
    `[打开工作台](${d.desk})（只列回执号，不含个人信息）`,
  ].join('\n');
}

/** The request to send: its address (signed for DingTalk) and JSON body. */
export function digestRequest(
  d: Digest,
  format: DigestFormat,
  webhook: string,
  secret: string | undefined,
  now: Date,
): { url: string; body: string } {
  if (format === 'json') return { url: webhook, body: JSON.stringify({ type: 'staff-digest', ...d }) };
  const text = digestMarkdown(d);
  if (format === 'wecom')
    return { url: webhook, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: text } }) };
  const url = new URL(webhook);
  if (secret) {
    const timestamp = String(now.getTime());
    const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', sign);
  }
  const title = `网上申请每日提醒（${monthDay(d.date)}）`;
  return { url: url.toString(), body: JSON.stringify({ msgtype: 'markdown', markdown: { title, text } }) };
}

/** Did the robot accept it? Both answer {"errcode":0,…}; a JSON receiver answers 2xx. */
export function digestAccepted(format: DigestFormat, status: number, body: string): boolean {
  if (status < 200 || status >= 300) return false;
  if (format === 'json') return true;
  try {
    return (JSON.parse(body) as { errcode?: unknown }).errcode === 0;
  } catch {
    return false;
  }
}
