/**
 * The morning digest (functions/digest.mts) against a local HTTP receiver
 * standing in for the 企业微信 / 钉钉 group robots: what it says (counts and
 * receipts, never personal data), the three formats, DingTalk's signature,
 * one digest a day, and a failed delivery retried on the next run.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { config as digestConfig } from '../../functions/digest.mts';
import { digestJob, type DigestOptions } from '../../functions/_shared/digest-job.ts';
import { depsFor } from '../../functions/_shared/deps.ts';
import { handleApplication } from '../../src/lib/requests/handlers/index.ts';
import { legalAidSelf, mediation } from '../fixtures/applications.ts';
import { useDatabase } from './support/database.ts';

const DAY = 86_400_000;
const ctx = { requestId: 'digest', deploy: { context: 'dev', id: 'd' } } as never;
let server: Server;
let base = '';
let received: { url: string; body: string }[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
let keys = 0;

useDatabase();
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  received = [];
  answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

async function submitted(at: Date, kind: 'legal-aid' | 'mediation'): Promise<string> {
  const values = kind === 'legal-aid' ? legalAidSelf() : mediation();
  const req = new Request(`http://x/api/${kind}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...values, _key: `digest-key-${++keys}-aaaaaaaaaa` }),
  });
  const res = await handleApplication(kind, req, { ...depsFor(ctx), now: () => at }, 'cid');
  return ((await res.json()) as { receipt: string }).receipt;
}

const morning = new Date('2026-12-08T00:30:00Z'); // Tuesday 08:30 in Beijing
const options = (over: Partial<DigestOptions> = {}): DigestOptions => ({
  now: morning,
  webhook: `${base}/cgi-bin/webhook/send?key=test`,
  format: 'wecom',
  secret: undefined,
  desk: 'https://sfj.example/staff/',
  ...over,
});

describe('the morning digest', () => {
  it('runs on working mornings in Beijing time', () => {
    expect(digestConfig.schedule).toBe('0 0-3 * * 1-5');
  });

  it('sends counts and receipts (no personal data) to a 企业微信 robot, once a day', async () => {
    const overdue = await submitted(new Date(morning.getTime() - 10 * DAY), 'legal-aid');
    const soon = await submitted(new Date(morning.getTime() - 6 * DAY), 'legal-aid');
    await submitted(new Date(morning.getTime() - 3 * 3600_000), 'legal-aid');
    await submitted(new Date(morning.getTime() - 2 * 3600_000), 'mediation');
    expect(await digestJob(options())).toBe('sent');
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0]!.body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    const text = body.markdown.content;
    expect(text).toContain('网上申请每日提醒（12月8日）');
    expect(text).toContain('新收到：2 件');
    expect(text).toContain('台城街道：法律援助 1 件');
    expect(text).toContain('都斛镇：人民调解 1 件');
    expect(text).toMatch(new RegExp(`已超期：1 件\\*\\*\\n- ${overdue}（法律援助，台城街道，`));
    expect(text).toMatch(new RegExp(`两天内到期：1 件\\*\\*\\n- ${soon}`));
    expect(text).toContain('(https://sfj.example/staff/)');
    for (const personal of ['陈大文', '13800138000', '李小梅', '13912345678', '工地', '排水沟'])
      expect(text).not.toContain(personal);
    // A second run the same morning sends nothing.
    expect(await digestJob(options({ now: new Date(morning.getTime() + 3600_000) }))).toBe('already-sent');
    expect(received).toHaveLength(1);
    // The next morning counts only what arrived since.
    expect(await digestJob(options({ now: new Date(morning.getTime() + DAY) }))).toBe('sent');
    expect(JSON.parse(received[1]!.body).markdown.content).toContain('新收到：0 件');
  });

  it('signs for a 钉钉 robot with 加签, and sends plain JSON to any other receiver', async () => {
    await submitted(new Date(morning.getTime() - 3600_000), 'legal-aid');
    expect(
      await digestJob(options({ webhook: `${base}/robot/send?access_token=t`, format: 'dingtalk', secret: 'SEC123' })),
    ).toBe('sent');
    const url = new URL(received[0]!.url, base);
    const timestamp = url.searchParams.get('timestamp')!;
    expect(timestamp).toBe(String(morning.getTime()));
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SEC123').update(`${timestamp}\nSEC123`).digest('base64'),
    );
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: expect.stringContaining('每日提醒') },
    });

    answer = { status: 204, body: '' };
    const next = new Date(morning.getTime() + DAY);
    expect(await digestJob(options({ now: next, webhook: `${base}/hooks/digest`, format: undefined }))).toBe('sent');
    expect(JSON.parse(received[1]!.body)).toMatchObject({
      type: 'staff-digest',
      date: '2026-12-09',
      arrived: [],
      overdue: { count: 0, items: [] },
      desk: 'https://sfj.example/staff/',
    });
  });

  it('records a refused delivery and sends on the next run; says so when not configured', async () => {
    answer = { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' };
    expect(await digestJob(options())).toBe('failed');
    answer = { status: 200, body: '{"errcode":0}' };
    expect(await digestJob(options({ now: new Date(morning.getTime() + 3600_000) }))).toBe('sent');
    expect(received).toHaveLength(2);
    expect(await digestJob(options({ webhook: undefined }))).toBe('not-configured');
  });
});
