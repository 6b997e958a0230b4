/**
 * Responses from functions. Netlify applies the [[headers]] of netlify.toml
 * to static files only, so every function response carries the same security
 * headers itself: the site's Content-Security-Policy on HTML (src/lib/http/csp.ts,
 * allowing the inline styles of the shell the page was made from, by the
 * hashes the build computed, StyledPage), no caching of anything personal
 * unless a caller says otherwise, HSTS, no framing, no powerful features, and
 * the correlation id a resident can read out on the phone.
 */
import type { SafeHtml } from '../html.ts';
import { contentSecurityPolicy, StyledPage } from './csp.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=31536000',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
};

function headers(cid: string, type: string | undefined, extra: Record<string, string>, page?: unknown): Headers {
  const h = new Headers(SECURITY_HEADERS);
  if (type) h.set('Content-Type', type);
  if (type?.startsWith('text/html'))
    h.set(
      'Content-Security-Policy',
      page instanceof StyledPage
        ? contentSecurityPolicy(page.styleHashes, page.scriptHashes)
        : contentSecurityPolicy([]),
    );
  h.set('X-Correlation-Id', cid);
  for (const [k, v] of Object.entries(extra)) h.set(k, v);
  return h;
}

export function json(status: number, body: unknown, cid: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: headers(cid, 'application/json; charset=utf-8', extra),
  });
}

export function html(
  status: number,
  page: SafeHtml | string,
  cid: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(String(page), { status, headers: headers(cid, 'text/html; charset=utf-8', extra, page) });
}

export function text(status: number, body: string, cid: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: headers(cid, 'text/plain; charset=utf-8', extra) });
}

export function seeOther(location: string, cid: string, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: headers(cid, undefined, { Location: location, ...extra }) });
}
