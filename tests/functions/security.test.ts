/**
 * Hostile clients and broken configuration, against the real functions on an
 * in-memory Postgres: a public key that is well formed but not on the curve,
 * form bodies built to hurt a parser, and the security headers on every
 * answer of every function, errors included.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import apply from '../../functions/apply.mts';
import staffFn from '../../functions/staff.mts';
import statsFn from '../../functions/stats.mts';
import statusFn from '../../functions/status.mts';
import withdrawFn from '../../functions/withdraw.mts';
import { generateKeyPair } from '../../src/lib/staff/crypto.ts';
import { SECURITY_HEADERS } from '../../src/lib/http/responses.ts';
import { contentSecurityPolicy } from '../../src/lib/http/csp.ts';
import shells from '../fixtures/shells.json' with { type: 'json' };
import { legalAidSelf } from '../fixtures/applications.ts';
import { useDatabase } from './support/database.ts';

type Fn = (req: Request, ctx: never) => Promise<Response>;
const ctx = { requestId: 'hostile', ip: '203.0.113.9', deploy: { context: 'dev', id: 'd' } } as never;
const ORIGIN = 'http://localhost:8888';
const call = (fn: unknown, req: Request) => (fn as Fn)(req, ctx);
let logs: string[] = [];

useDatabase();
beforeEach(() => {
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
});

const json = (path: string, body: unknown) =>
  new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
const form = (path: string, body: string) =>
  new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });

describe('a public key that is well formed but not a point on P-256', () => {
  it('refuses submissions with 503 and Retry-After (not 500), and says why in the log', async () => {
    const saved = process.env.APPLICATIONS_PUBLIC_KEY;
    const real = (await generateKeyPair()).publicJwk;
    // Valid base64url, the right length, a valid kid: but (x, y + 1) is not on the curve.
    const y = Buffer.from(real.y, 'base64url');
    y[31] = y[31]! ^ 1;
    process.env.APPLICATIONS_PUBLIC_KEY = JSON.stringify({ ...real, y: y.toString('base64url') });
    try {
      const res = await call(apply, json('/api/legal-aid', { ...legalAidSelf(), _key: 'offcurve-key-aaaaaaaaaaaa' }));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(logs.join('\n')).toContain('public-key-invalid');
      const again = await call(
        apply,
        form(
          '/api/legal-aid',
          new URLSearchParams({ ...legalAidSelf(), _key: 'offcurve-key-bbbbbbbbbbbb', _step: 'submit' } as Record<
            string,
            string
          >).toString(),
        ),
      );
      expect(again.status).toBe(503);
    } finally {
      process.env.APPLICATIONS_PUBLIC_KEY = saved;
    }
  });
});

describe('form bodies built to hurt the parser', () => {
  it('malformed percent-encoding, prototype keys and repeated keys: a 4xx or a clean page, never 5xx', async () => {
    const bodies = [
      'name=%E4%B8%AD%&phone=%ZZ%&%=%',
      '__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x&toString=y&hasOwnProperty=z',
      `${Array.from({ length: 2000 }, () => 'name=陈').join('&')}&_step=check`,
      '%C0%AF%ED%A0%80=%FF%FE',
    ];
    for (const body of bodies) {
      for (const path of ['/api/legal-aid', '/api/mediation']) {
        const res = await call(apply, form(path, body));
        expect(res.status, `${path} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      }
      for (const fn of [statusFn, withdrawFn]) {
        const res = await call(fn, form(fn === statusFn ? '/api/status' : '/api/withdraw', body));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses repeated keys in linear time: eight times the keys take well under 64 times as long', async () => {
    const body = (n: number) => `${Array.from({ length: n }, (_, i) => `a=${i}`).join('&')}&_step=check`;
    const fastest = async (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const res = await call(apply, form('/api/legal-aid', text));
        expect(res.status).toBe(400);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    // 500 and 4,000 repeated keys, both under the 32 KB body limit: linear parsing takes at most 8× as long
    // (less, with the call's fixed cost), quadratic 64×. A 4× step with a bound of 10 failed under a load of 15
    // on 2 cores, so the step is wider and the bound sits between the two.
    expect(body(4_000).length).toBeLessThan(32 * 1024);
    const small = await fastest(body(500));
    const large = await fastest(body(4_000));
    expect(large / Math.max(small, 1)).toBeLessThan(30);
  });
});

describe('security headers on every function answer', () => {
  const expectHeaders = (res: Response, what: string) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
      if (k === 'Cache-Control') continue; // /stats/ is cacheable on purpose; everything else is no-store
      expect(res.headers.get(k), `${what}: ${k}`).toBe(v);
    }
    expect(res.headers.get('x-correlation-id'), what).toBeTruthy();
    if ((res.headers.get('content-type') ?? '').startsWith('text/html'))
      // Every HTML answer is a page in the shell: the policy allows the shell's own styles and scripts, by their hashes.
      expect(res.headers.get('content-security-policy'), what).toBe(
        contentSecurityPolicy(shells.styleHashes, shells.scriptHashes),
      );
  };

  it('apply, status, withdraw, the confirmation page, the staff API and /stats/, in success and in error', async () => {
    const cases: [string, unknown, Request][] = [
      ['apply 201', apply, json('/api/legal-aid', { ...legalAidSelf(), _key: 'headers-key-aaaaaaaaaaaa' })],
      ['apply 400 page', apply, form('/api/legal-aid', 'name=')],
      ['apply 405', apply, new Request(`${ORIGIN}/api/legal-aid`)],
      ['apply 404', apply, new Request(`${ORIGIN}/api/nothing`, { method: 'POST' })],
      ['done 200', apply, new Request(`${ORIGIN}/apply/legal-aid/done/?receipt=FY-20261207-7K3Q-9PAB-XM4T`)],
      ['status 404', statusFn, json('/api/status', { receipt: 'FY-20261207-7K3Q-9PAB-XM4T', phone: '13800138000' })],
      ['withdraw 404', withdrawFn, json('/api/withdraw', { receipt: 'FY-20261207-7K3Q-9PAB-XM4T', token: 'x' })],
      ['staff 401', staffFn, new Request(`${ORIGIN}/api/staff/records`)],
      ['staff 404', staffFn, new Request(`${ORIGIN}/api/staff/nothing`)],
      ['staff 405', staffFn, new Request(`${ORIGIN}/api/staff/session`)],
      ['stats 200', statsFn, new Request(`${ORIGIN}/stats/`)],
      ['stats 405', statsFn, new Request(`${ORIGIN}/stats/`, { method: 'POST' })],
    ];
    for (const [what, fn, req] of cases) expectHeaders(await call(fn, req), what);
    expect((await call(statsFn, new Request(`${ORIGIN}/stats/`))).headers.get('cache-control')).toBe(
      'public, max-age=600',
    );
  });

  it('on unexpected errors (500) too, with the stack but nothing from the request in the log', async () => {
    const broken = new Request(`${ORIGIN}/api/staff/records`, { headers: { Authorization: 'Bearer tsk_x' } });
    // A request whose headers throw when read: an error nobody planned for.
    Object.defineProperty(broken, 'url', {
      get: () => {
        throw new TypeError('boom 13800138000');
      },
    });
    const res = await call(staffFn, broken);
    expect(res.status).toBe(500);
    expectHeaders(res, 'staff 500');
    const line = logs.find((l) => l.includes('"event":"unexpected"'))!;
    expect(line).toContain('"stack":"TypeError |');
    expect(line).not.toContain('13800138000');
  });
});
