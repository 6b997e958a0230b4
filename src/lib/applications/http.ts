/**
 * Request and response plumbing shared by the application functions: the
 * checks that come before anything else (method 405, content type 415, size
 * 413, cross-site 403), body parsing for both ways in (JSON from the page
 * script, urlencoded from a form without JavaScript), and responses that never
 * cache and always carry the correlation id.
 */
import type { FormValues } from '../forms/definitions.ts';

export const MAX_BODY_BYTES = 32 * 1024;

export type BodyKind = 'json' | 'form';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function bodyKind(req: Request): BodyKind | undefined {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/** Does the caller want HTML back? Forms without JavaScript do; the page script asks for JSON. */
export function wantsHtml(req: Request, kind: BodyKind | undefined): boolean {
  if (kind === 'json') return false;
  if (kind === 'form') return true;
  return (req.headers.get('accept') ?? '').includes('text/html');
}

/**
 * Reads at most `limit` bytes. The declared length is checked first, then the
 * stream itself, because a chunked body declares nothing.
 */
export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw new HttpError(413, 'too-large', '提交的内容太多了，请删减后再试');
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new HttpError(413, 'too-large', '提交的内容太多了，请删减后再试');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

/** Both encodings become the same thing: field → string, or strings when a name repeats (checkbox groups). */
export function parseValues(text: string, kind: BodyKind): FormValues {
  const out: FormValues = {};
  if (kind === 'form') {
    for (const [k, v] of new URLSearchParams(text)) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad-json', '提交的数据格式不对，请刷新页面后重试');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new HttpError(400, 'bad-json', '提交的数据格式不对，请刷新页面后重试');
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
    else if (v === true) out[k] = 'yes';
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** Forms may only be posted from this site: browsers say so in Sec-Fetch-Site (and the CSP's form-action). */
export function crossSite(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  return site === 'cross-site';
}

const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const HTML_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'X-Frame-Options': 'DENY',
};

export function json(status: number, body: unknown, cid: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'X-Correlation-Id': cid,
      ...extra,
    },
  });
}

export function html(status: number, page: string, cid: string, extra: Record<string, string> = {}): Response {
  return new Response(page, {
    status,
    headers: { ...SECURITY_HEADERS, ...HTML_HEADERS, 'X-Correlation-Id': cid, ...extra },
  });
}

export function seeOther(location: string, cid: string, headers: Record<string, string> = {}): Response {
  return new Response(null, {
    status: 303,
    headers: { ...SECURITY_HEADERS, Location: location, 'X-Correlation-Id': cid, ...headers },
  });
}

// ------------------------------------------------------------------ the withdraw cookie

/**
 * Without JavaScript, the 303 to the confirmation page cannot carry the
 * withdraw secret in a way only the submitter sees, except in a cookie: it holds
 * the receipt, the window's end and the secret (no personal data), is
 * HttpOnly and SameSite=Strict, and expires with the 10-minute window. With
 * JavaScript no cookie is set: the secret stays in the page's memory.
 */
export const WITHDRAW_COOKIE = 'ts_withdraw';

export interface WithdrawCookie {
  receipt: string;
  until: Date;
  token: string;
}

export function withdrawCookie(c: WithdrawCookie, base: string, secure: boolean, now: Date): string {
  const maxAge = Math.max(0, Math.floor((c.until.getTime() - now.getTime()) / 1000));
  const value = `${c.receipt}~${c.until.getTime()}~${c.token}`;
  return `${WITHDRAW_COOKIE}=${value}; Max-Age=${maxAge}; Path=${base}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearWithdrawCookie(base: string, secure: boolean): string {
  return `${WITHDRAW_COOKIE}=; Max-Age=0; Path=${base}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function readWithdrawCookie(req: Request): WithdrawCookie | undefined {
  const header = req.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== WITHDRAW_COOKIE) continue;
    const [receipt, until, token] = rest.join('=').split('~');
    if (!receipt || !until || !token || !/^\d+$/.test(until)) return undefined;
    return { receipt, until: new Date(Number(until)), token };
  }
  return undefined;
}
