/**
 * The site's Content-Security-Policy (src/lib/http/csp.ts): what it allows,
 * how inline styles get in (by their exact hash, never 'unsafe-inline'), and
 * how the static pages' headers (the build's _headers, then netlify.toml) and
 * the functions' responses both come from it. On the built site:
 * tests/build/csp.test.ts; in a browser through netlify dev: tests/e2e/csp.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html } from '../../src/lib/html.ts';
import {
  contentSecurityPolicy,
  inlineStyles,
  separateStyles,
  styleHash,
  styleHashesOf,
  StyledPage,
} from '../../src/lib/http/csp.ts';
import { formatHeadersFile, parseHeadersFile, type HeaderRule } from '../../src/lib/http/headers-file.ts';
import { html as htmlResponse } from '../../src/lib/http/responses.ts';
import { headersFor, parseNetlifyHeaders } from '../../scripts/lib/serve.ts';

const root = join(import.meta.dirname, '..', '..');
const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const));

describe('the Content-Security-Policy', () => {
  it('allows scripts, styles and connections from the site only, and no inline code', () => {
    const p = directives(contentSecurityPolicy([]));
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy([])).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('lets in inline styles by the hash of their exact text, sorted and once each', () => {
    const a = styleHash('body{color:#000}');
    const b = styleHash('body{color:#111}');
    expect(directives(contentSecurityPolicy([b, a, b])).get('style-src')).toEqual(["'self'", ...[a, b].sort()]);
    expect(directives(contentSecurityPolicy([a])).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('hashes as browsers do: sha256 of the UTF-8 text, base64', () => {
    // The well-known digest of the empty string, and one of a text with a non-ASCII character.
    expect(styleHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(styleHash('a::after{content:"›"}')).not.toBe(styleHash('a::after{content:">"}'));
  });

  it('refuses anything that is not a hash source, so no keyword can slip into style-src', () => {
    expect(() => contentSecurityPolicy(["'unsafe-inline'"])).toThrow(/not a sha256 hash/);
    expect(() => contentSecurityPolicy(['sha256-abc'])).toThrow(/not a sha256 hash/);
  });

  it('finds every <style> of a page, as written', () => {
    const page = '<head><style>a{b:c}</style><STYLE media="print">x{y:z}</STYLE></head><svg><style>.q{}</style></svg>';
    expect(inlineStyles(page)).toEqual(['a{b:c}', 'x{y:z}', '.q{}']);
    expect(styleHashesOf(page)).toEqual(['a{b:c}', 'x{y:z}', '.q{}'].map(styleHash));
  });

  it('separates a page into its styles and the rest, in the same order', () => {
    const page = '<head><style>a{b:c}</style><STYLE media="print">x{y:z}</STYLE></head><p>p</p>';
    expect(separateStyles(page)).toEqual({ styles: ['a{b:c}', 'x{y:z}'], rest: '<head></head><p>p</p>' });
    expect(separateStyles('<p>p</p>')).toEqual({ styles: [], rest: '<p>p</p>' });
  });
});

describe('where the policy is sent', () => {
  it('a function sends the policy for the styles its page template carries, and none for other HTML', () => {
    const hash = styleHash('p{}');
    const styled = htmlResponse(200, new StyledPage('<style>p{}</style>', [hash]), 'c');
    expect(styled.headers.get('content-security-policy')).toBe(contentSecurityPolicy([hash]));
    // Markup without the build's hashes (e.g. a <style> a person typed) gets no style hash at all.
    const plain = htmlResponse(200, html`<style>p{}</style>`, 'c');
    expect(plain.headers.get('content-security-policy')).toBe(contentSecurityPolicy([]));
  });

  it('netlify.toml leaves the public pages’ policy to the build’s _headers, and keeps its own for /admin/', () => {
    const toml = parseNetlifyHeaders(readFileSync(join(root, 'netlify.toml'), 'utf8'));
    const built = contentSecurityPolicy([styleHash('p{}')]);
    const rules = [
      ...parseHeadersFile(formatHeadersFile([{ for: '/*', values: { 'Content-Security-Policy': built } }], 'x')),
      ...toml,
    ];
    expect(headersFor(rules, '/cases/')['Content-Security-Policy']).toBe(built);
    const admin = headersFor(rules, '/admin/')['Content-Security-Policy'];
    expect(admin).not.toBe(built);
    expect(admin).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(headersFor(rules, '/cases/')['X-Frame-Options']).toBe('DENY');
  });

  it('reads back the _headers file it writes', () => {
    const rules: HeaderRule[] = [
      { for: '/*', values: { 'Content-Security-Policy': "default-src 'self'", 'X-A': 'b: c' } },
      { for: '/x/', values: { 'X-B': 'd' } },
    ];
    const text = formatHeadersFile(rules, 'one\ntwo');
    expect(text.startsWith('# one\n# two\n')).toBe(true);
    expect(parseHeadersFile(text)).toEqual(rules);
    expect(() => parseHeadersFile('  X-A: b')).toThrow(/outside a path/);
  });
});
