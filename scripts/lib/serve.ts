/**
 * The one static file server for a built site (dist/ or any other build),
 * close to what Netlify sends: the response headers of the build's `_headers`
 * file and then of netlify.toml's [[headers]] rules (later rules replace
 * earlier ones for the same header, as Netlify does), gzip for text when the
 * browser asks for it, an ETag on every file and 304 to a browser that
 * revalidates its cached copy (Netlify's default Cache-Control makes browsers
 * revalidate every file that netlify.toml gives no Cache-Control of its own:
 * the pages and pagefind's files; the hashed /_astro/ scripts are cached for
 * good), directory URLs served from index.html, 404.html for what is missing.
 *
 * Used by the browser tests (the /sfj/ base-path build, mounted under its base
 * only, so a link that forgets the base is a 404), the Lighthouse runs, the
 * search bench (which counts the bytes of every response through `onResponse`)
 * and the first-round-trip budget (pagesOnTheWire).
 * It answers in the caller's own process, so every other process there must be
 * spawned asynchronously (a synchronous child process would block the event
 * loop this server answers on).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, get, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './root.ts';
import { parseHeadersFile, type HeaderRule } from '../../src/lib/http/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // pagefind's own files: already gzip-compressed by pagefind.
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|wasm)|image\/svg)/;

export type { HeaderRule };

/** The [[headers]] rules of a netlify.toml (only what this file uses: `for` and `[headers.values]` string pairs). */
export function parseNetlifyHeaders(toml: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  let inValues = false;
  for (const raw of toml.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (line === '[[headers]]') {
        current = { for: '', values: {} };
        rules.push(current);
        inValues = false;
      } else if (line === '[headers.values]' && current) {
        inValues = true;
      } else {
        current = undefined;
        inValues = false;
      }
      continue;
    }
    const m = line.match(/^("?)([\w-]+)\1\s*=\s*"((?:[^"\\]|\\.)*)"/);
    if (!m || !current) continue;
    if (inValues) current.values[m[2]!] = m[3]!.replace(/\\"/g, '"');
    else if (m[2] === 'for') current.for = m[3]!;
  }
  return rules;
}

/** Netlify path patterns as used here: exact paths and a trailing * (splat). */
function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return path === pattern || path === `${pattern}/`;
}

export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (matches(rule.for, path)) Object.assign(out, rule.values);
  return out;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT, no trailing slash and no base. */
  origin: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** The base path the site was built with (SITE_BASE): only URLs under it are served. Default '/'. */
  base?: string;
  /** Whose [[headers]] to send after the build's `_headers` (default: the project's netlify.toml); null sends none. */
  netlifyToml?: string | null;
  /** zlib level for gzip responses (default: zlib's default, about what a CDN uses). */
  gzipLevel?: number;
  /** Called for every response with the URL path and the body bytes sent. */
  onResponse?: (path: string, bytes: number) => void;
}

/** What Netlify applies to a build in `dir`: its `_headers` rules first, then netlify.toml's. */
export function siteHeaderRules(dir: string, netlifyToml = join(projectRoot, 'netlify.toml')): HeaderRule[] {
  const file = join(dir, '_headers');
  return [
    ...(existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : []),
    ...(existsSync(netlifyToml) ? parseNetlifyHeaders(readFileSync(netlifyToml, 'utf8')) : []),
  ];
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const { base = '/', netlifyToml = join(projectRoot, 'netlify.toml'), gzipLevel, onResponse } = options;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const root = normalize(dir).replace(/\/$/, '');
  const rules = netlifyToml === null ? [] : siteHeaderRules(root, netlifyToml);
  const gz = new Map<string, Buffer>();
  const etags = new Map<string, string>();
  const send = (res: ServerResponse, path: string, status: number, headers = {}, body?: Buffer) => {
    res.writeHead(status, headers).end(body);
    onResponse?.(path, body?.length ?? 0);
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (!`${path}/`.startsWith(prefix)) return send(res, path, 404);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(res, path, 400);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return send(res, path, 301, { Location: `${path}/` });
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) return send(res, path, 404);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'Content-Type': type,
      // Netlify's default, for every file whose rules set no Cache-Control (netlify.toml sets it for /_astro/).
      'Cache-Control': 'public, max-age=0, must-revalidate',
      ...headersFor(rules, `/${path.slice(prefix.length)}`),
    };
    let body: Buffer = readFileSync(file);
    let etag = etags.get(file);
    if (!etag) etags.set(file, (etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`));
    headers['ETag'] = etag;
    if (status === 200 && req.headers['if-none-match'] === etag) return send(res, path, 304, headers);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let z = gz.get(file);
      if (!z) gz.set(file, (z = gzipSync(body, gzipLevel === undefined ? {} : { level: gzipLevel })));
      body = z;
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = String(body.length);
    send(res, path, status, headers, req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Every byte of one response as it crosses the wire to a browser that accepts
 * gzip: status line, headers and body, on a connection of its own (the count
 * of a first visit, when the page comes first on a new connection).
 */
function bytesOnTheWire(origin: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(origin + path, { headers: { 'accept-encoding': 'gzip' }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.socket.bytesRead));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Each of `pages` of the site in `dir` as sent (bytesOnTheWire), from a server of its own, closed afterwards. */
export async function pagesOnTheWire(dir: string, pages: readonly string[]): Promise<Map<string, number>> {
  const server = await serveStatic(dir);
  try {
    const sent = new Map<string, number>();
    for (const page of pages) sent.set(page, await bytesOnTheWire(server.origin, page));
    return sent;
  } finally {
    await server.close();
  }
}
