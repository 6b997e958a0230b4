/**
 * The HTML writer and the HTTP plumbing every function uses: escaping, body
 * parsing as a hostile client would try it, and the security headers.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html, join as joinHtml, lines, raw } from '../../src/lib/html.ts';
import { parseJsonObject, parseValues, readBody } from '../../src/lib/http/body.ts';
import { HttpError } from '../../src/lib/http/errors.ts';
import { html as htmlResponse, json, seeOther } from '../../src/lib/http/responses.ts';
import { contentSecurityPolicy } from '../../src/lib/http/csp.ts';

const root = join(import.meta.dirname, '..', '..');

describe('html`…`', () => {
  it('escapes every value, in text and in attributes', () => {
    const v = `<a href="x" onclick='y'>&`;
    expect(String(html`<p title="${v}">${v}</p>`)).toBe(
      '<p title="&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;">&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;</p>',
    );
  });
  it('nests safe fragments as they are, joins arrays, and writes nothing for null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(String(html`${inner}${[html`<br>`, '<x>']}${null}${undefined}${false}${0}`)).toBe(
      '<b>&lt;i&gt;</b><br>&lt;x&gt;0',
    );
  });
  it('inserts raw markup only when asked, and keeps line breaks of typed text', () => {
    expect(String(html`${raw('<svg></svg>')}`)).toBe('<svg></svg>');
    expect(String(lines('一\n<二>'))).toBe('一<br>&lt;二&gt;');
    expect(String(joinHtml(['<a>', html`<b>`], html`, `))).toBe('&lt;a&gt;, <b>');
  });
  it('is the only way src/ writes HTML: no hand escaping left', () => {
    // git grep exits 1 when nothing matches: that is the expected outcome.
    const found = spawnSync('git', ['grep', '-n', '-E', '\\besc\\(|escLines\\(', '--', 'src', 'functions'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(found.status, found.stdout).toBe(1);
  });
});

describe('reading a body', () => {
  it('turns repeated keys into lists in linear time, with no prototype to pollute', () => {
    const body = (n: number) => `${Array.from({ length: n }, (_, i) => `a=${i}`).join('&')}&__proto__=x&constructor=y`;
    // Linear, measured as a ratio (absolute times vary with the machine's load): 8× the keys take about 8× the
    // time; copying the list on every repeat (quadratic) would take 64×. Under a load of 15 on 2 cores the ratio
    // of a 4× step reached 11, so the step is wide and the bound sits between the two.
    const fastest = (text: string) =>
      Math.min(
        ...[0, 1, 2].map(() => {
          const t = performance.now();
          parseValues(text, 'form');
          return performance.now() - t;
        }),
      );
    const small = fastest(body(10_000));
    const large = fastest(body(80_000));
    expect(large / Math.max(small, 1)).toBeLessThan(30);
    const values = parseValues(body(50_000), 'form');
    expect((values.a as string[]).length).toBe(50_000);
    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(values.__proto__).toBe('x');
    const fromJson = parseJsonObject('{"__proto__":{"polluted":true},"a":"1"}');
    expect(Object.getPrototypeOf(fromJson)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('refuses malformed JSON, arrays, empty JSON bodies and bodies over the limit with a 4xx', async () => {
    for (const text of ['{', '[1]', '"x"', '']) expect(() => parseValues(text, 'json')).toThrow(HttpError);
    expect(parseValues('a=%E4%B8%AD&b=%ZZ&c=%', 'form')).toMatchObject({ a: '中' });
    const big = new Request('http://x/', { method: 'POST', body: 'x'.repeat(40_000) });
    await expect(readBody(big)).rejects.toMatchObject({ status: 413 });
  });
});

describe('responses', () => {
  it('carry the security headers on every kind of answer', () => {
    for (const res of [json(200, {}, 'c'), htmlResponse(200, html`<p></p>`, 'c'), seeOther('/x', 'c')]) {
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-correlation-id')).toBe('c');
    }
    // The policy itself, and how a page's styles get into it: tests/unit/csp.test.ts.
    expect(htmlResponse(200, '', 'c').headers.get('content-security-policy')).toBe(contentSecurityPolicy([]));
  });
});
