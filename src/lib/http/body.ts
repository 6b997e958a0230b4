/**
 * Reading what a client sent: the content type, the body within a size limit,
 * and form values from either encoding (urlencoded from a form without
 * JavaScript, JSON from a page script). Everything here assumes a hostile
 * client: a declared or streamed body over the limit is refused before it is
 * read, repeated keys cost linear time, and parsed objects have no prototype,
 * so a key named `__proto__` is just a key.
 */
import { collectValues, type FormValues } from '../forms/definitions.ts';
import { HttpError } from './errors.ts';

export const MAX_BODY_BYTES = 32 * 1024;

export type BodyKind = 'json' | 'form';

const TOO_LARGE = '提交的内容太多了，请删减后再试';
const BAD_JSON = '提交的数据格式不对，请刷新页面后重试';

export function bodyKind(req: Request): BodyKind | undefined {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/** Does the caller want HTML back? Forms without JavaScript do; page scripts ask for JSON. */
export function wantsHtml(req: Request, kind: BodyKind | undefined = bodyKind(req)): boolean {
  if (kind === 'json') return false;
  if (kind === 'form') return true;
  return (req.headers.get('accept') ?? '').includes('text/html');
}

/** Browsers say where a request comes from; forms and the desk may only be used from this site. */
export function crossSite(req: Request): boolean {
  return req.headers.get('sec-fetch-site') === 'cross-site';
}

/**
 * Reads at most `limit` bytes. The declared length is checked first, then the
 * stream itself, because a chunked body declares nothing.
 */
export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw new HttpError(413, 'too-large', TOO_LARGE);
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
      throw new HttpError(413, 'too-large', TOO_LARGE);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, size));
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** A JSON object with no prototype (never an array or a primitive), or a 400 with `message`. */
export function parseJsonObject(text: string, message: string = BAD_JSON): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, 'bad-json', message);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpError(400, 'bad-json', message);
  return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
}

/** Both encodings become the same thing: field → string, or strings when a name repeats (checkbox groups). */
export function parseValues(text: string, kind: BodyKind): FormValues {
  if (kind === 'form') return collectValues(new URLSearchParams(text));
  const out = Object.create(null) as FormValues;
  if (text.trim() === '') throw new HttpError(400, 'bad-json', BAD_JSON);
  for (const [k, v] of Object.entries(parseJsonObject(text))) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
    else if (v === true) out[k] = 'yes';
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
