/**
 * The forms on the 繁體 site (/zh-hant/): without JavaScript every answer is a
 * 繁體 page (the shell's zh-Hant set, the body converted by the same converter),
 * the confirmation lives under /zh-hant/, the record notes the language
 * (meta.lang), and an overseas phone number finds the request however it is typed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import apply from '../../functions/apply.mts';
import statusFn from '../../functions/status.mts';
import { depsFor } from '../../functions/_shared/deps.ts';
import type { ApplicationRecord } from '../../src/lib/requests/record.ts';
import { requestStore } from '../../src/lib/store/requests.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';
import { legalAidSelf } from '../fixtures/applications.ts';
import { useDatabase } from './support/database.ts';

type Fn = (req: Request, ctx: never) => Promise<Response>;
const ctx = { requestId: 'test-request', deploy: { context: 'dev', id: 'test-deploy' } } as never;
const ORIGIN = 'http://localhost:8888';
const call = (fn: unknown, req: Request) => (fn as Fn)(req, ctx);
useDatabase();

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

function postForm(path: string, values: FormValues): Request {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    body: p.toString(),
  });
}

/** The record as stored, read back through the store (the language is a column of its own). */
async function record(receipt: string): Promise<ApplicationRecord> {
  const found = await requestStore(depsFor(ctx).secret).getRecord(receipt);
  if (!found || found.record.receipt !== receipt) throw new Error(`no record ${receipt}`);
  return found.record;
}

describe('forms on the 繁體 site, without JavaScript', () => {
  it('answers in 繁體, shows typed values as typed, and records the language', async () => {
    const values = { ...legalAidSelf(), phone: '+1 415 555 0123', _lang: 'zh-Hant' };
    const check = await call(apply, postForm('/api/legal-aid', values));
    expect(check.status).toBe(200);
    const page = await check.text();
    expect(page).toMatch(/<html lang="zh-Hant"/);
    expect(page).toContain('核對');
    expect(page).not.toContain('核对');
    expect(page).toContain('<input type="hidden" name="_lang" value="zh-Hant">');
    const key = /name="_key" value="([^"]+)"/.exec(page)![1]!;
    const done = await call(apply, postForm('/api/legal-aid', { ...values, _step: 'submit', _key: key }));
    expect(done.status).toBe(303);
    const location = done.headers.get('Location')!;
    expect(location).toMatch(/^\/zh-hant\/apply\/legal-aid\/done\/\?receipt=/);
    const receipt = new URL(location, ORIGIN).searchParams.get('receipt')!;
    expect((await record(receipt)).meta.lang).toBe('zh-Hant');

    const confirmation = await call(apply, new Request(ORIGIN + location));
    expect(confirmation.status).toBe(200);
    const html = await confirmation.text();
    expect(html).toMatch(/<html lang="zh-Hant"/);
    expect(html).toContain('/zh-hant/apply/status/');

    // The status, found with the same overseas number typed another way, answered in 繁體.
    const status = await call(
      statusFn,
      postForm('/api/status', { receipt, phone: '001-415-555-0123', _lang: 'zh-Hant' }),
    );
    expect(status.status).toBe(200);
    expect(await status.text()).toContain('辦理進度');
  });

  it('keeps 简体 for the 简体 site', async () => {
    const res = await call(apply, postForm('/api/legal-aid', legalAidSelf()));
    const page = await res.text();
    expect(page).toMatch(/<html lang="zh-CN"/);
    expect(page).not.toContain('name="_lang"');
  });
});
