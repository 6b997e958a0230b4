/**
 * A small static server for dist/, close to what Netlify sends: the response
 * headers of netlify.toml's [[headers]] rules (later rules replace earlier ones
 * for the same header, as Netlify does), gzip for text when the browser asks
 * for it, directory URLs served from index.html, 404.html for what is missing.
 * Used by the Lighthouse runs; started in the bench's own process, so every
 * other process must be spawned asynchronously (a synchronous child process
 * would block the event loop this server answers on).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|wasm)|image\/svg)/;

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

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
  origin: string;
  close: () => Promise<void>;
}

export async function serveDist(dist: string, netlifyToml: string): Promise<StaticServer> {
  const rules = existsSync(netlifyToml) ? parseNetlifyHeaders(readFileSync(netlifyToml, 'utf8')) : [];
  const gz = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(dist, '404.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'Content-Type': type,
      // Netlify's default for every file; fingerprinted /_astro/ files could be cached for longer.
      'Cache-Control': 'public, max-age=0, must-revalidate',
      ...headersFor(rules, url.pathname),
    };
    let body: Buffer = readFileSync(file);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let z = gz.get(file);
      if (!z) gz.set(file, (z = gzipSync(body)));
      body = z;
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
