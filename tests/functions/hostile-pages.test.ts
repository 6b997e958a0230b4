/**
 * Hostile strings through every page a function renders: the form page with
 * errors, check your answers, “修改”, corrections, the confirmation page,
 * status lookup, withdrawal, errors and /stats/. Whatever comes in — in a
 * field, a field's name, a hidden value, the address — goes out as text.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import apply from '../../functions/apply.mts';
import stats from '../../functions/stats.mts';
import status from '../../functions/status.mts';
import withdraw from '../../functions/withdraw.mts';
import { REQUEST_FORMS } from '../../src/lib/requests/forms.ts';
import { allFields } from '../../src/lib/forms/definitions.ts';
import { REQUEST_TYPES, type RequestTypeId } from '../../src/lib/requests/registry.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';
import { requestPaths } from '../../src/lib/requests/types.ts';
import { consultation, legalAidSelf, mediation } from '../fixtures/applications.ts';
import { useDatabase } from './support/database.ts';

type Fn = (req: Request, ctx: never) => Promise<Response>;
const ctx = { requestId: 'hostile', deploy: { context: 'dev', id: 'd' } } as never;
const ORIGIN = 'http://localhost:8888';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<!--shell-body-->@@shell-title@@',
  '</textarea><iframe src=//evil>',
  '&lt;script&gt;',
];

/** Markup an attacker would have wanted to appear; only its escaped text may. */
const INJECTED = /<(script>alert|img src=x|svg onload|iframe src=\/\/evil)/;

useDatabase();
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

const form = (values: Record<string, string | string[] | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p.toString();
};
const post = (fn: Fn, path: string, values: Record<string, string | string[] | undefined>) =>
  fn(
    new Request(ORIGIN + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: form(values),
    }),
    ctx,
  );
const get = (fn: Fn, path: string) => fn(new Request(ORIGIN + path, { headers: { Accept: 'text/html' } }), ctx);

async function expectSafe(res: Response, what: string): Promise<string> {
  expect(res.status, what).toBeLessThan(500);
  const text = await res.text();
  expect(text, what).not.toMatch(INJECTED);
  return text;
}

/** A valid request of each kind, and its free-text fields (a long one, a one-line one). */
const VALID: Record<RequestTypeId, [() => FormValues, [string, string]]> = {
  'legal-aid': [legalAidSelf, ['facts', 'contactNote']],
  mediation: [mediation, ['facts', 'contactNote']],
  consultation: [consultation, ['question', 'caller']],
};

describe.each(REQUEST_TYPES.map((t) => [t.id, VALID[t.id][0](), VALID[t.id][1]] as const))(
  'hostile values in the %s form',
  (id, valid, [long, short]) => {
    const api = requestPaths(id).api;
    const fields = allFields(REQUEST_FORMS[id].def).map((f) => f.name);
    it.each(HOSTILE)('in every field: %s', async (bad) => {
      const values = Object.fromEntries(fields.map((f) => [f, bad]));
      await expectSafe(await post(apply as Fn, api, values), 'form page with errors');
      await expectSafe(await post(apply as Fn, api, { ...values, _edit: bad, _key: bad }), '修改');
      await expectSafe(await post(apply as Fn, api, { ...values, _correct: bad }), 'correction');
      await expectSafe(
        await post(apply as Fn, api, { ...values, _step: 'correct-start', _correct: bad }),
        'start correction',
      );
      await expectSafe(await post(apply as Fn, api, { [bad]: bad, ...valid }), 'unknown field names');
    });
    it.each(HOSTILE)('in the free-text fields of a valid request, on the check page: %s', async (bad) => {
      const values = { ...valid, [long]: `${valid[long] as string}${bad}`, [short]: bad.slice(0, 20) };
      const text = await expectSafe(await post(apply as Fn, api, values), 'check page');
      expect(text).toContain('请核对填写的内容');
    });
    it.each(HOSTILE)('in the confirmation page address: %s', async (bad) => {
      await expectSafe(await get(apply as Fn, `${requestPaths(id).done}?receipt=${encodeURIComponent(bad)}`), 'done');
    });
  },
);

describe('hostile values elsewhere', () => {
  it.each(HOSTILE)('status lookup, withdrawal and /stats/: %s', async (bad) => {
    await expectSafe(await post(status as Fn, '/api/status', { receipt: bad, phone: bad }), 'status');
    await expectSafe(await post(withdraw as Fn, '/api/withdraw', { receipt: bad }), 'withdraw');
    await expectSafe(
      await get(stats as Fn, `/stats/?year=${encodeURIComponent(bad)}&type=${encodeURIComponent(bad)}`),
      'stats',
    );
    await expectSafe(await post(apply as Fn, `/api/${encodeURIComponent(bad)}`, { a: bad }), 'unknown kind');
  });
});
