/**
 * Wiring for the application functions: the Blobs store, the server secret,
 * deadlines and the log. Everything else is in src/lib/applications/.
 *
 * APPLICATIONS_SECRET (environment, at least 32 characters) keys every HMAC:
 * record keys from idempotency keys, the phone hash for status lookup, the
 * withdraw secret. Locally (netlify dev, tests, the benchmark) a fixed
 * development value is used when it is not set; a deployed site without it
 * refuses submissions with 503 instead of silently using the public default.
 */
import type { Context } from '@netlify/functions';
import type { HandlerDeps, LogEntry } from '../../src/lib/applications/handlers.ts';
import { plainSealer } from '../../src/lib/applications/store.ts';
import { bodyKind, wantsHtml } from '../../src/lib/applications/http.ts';
import { renderPage } from '../../src/lib/forms/page.ts';
import { esc } from '../../src/lib/forms/render.ts';
import { blobsStore } from './blobs-store.ts';

export const DEV_SECRET = 'development-only-secret-do-not-use-in-production-taishan';

const DEPLOYED = new Set(['production', 'deploy-preview', 'branch-deploy']);

function env(name: string): string | undefined {
  const netlify = (globalThis as { Netlify?: { env?: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env?.get(name) ?? process.env[name];
}

function number(name: string, fallback: number): number {
  const n = Number(env(name));
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** One JSON line per request: correlation id, event, status, receipt. Never what anyone typed. */
export function log(entry: LogEntry): void {
  console.log(JSON.stringify({ at: new Date().toISOString(), ...entry }));
}

export function depsFor(context: Partial<Context> | undefined): HandlerDeps {
  const configuredSecret = env('APPLICATIONS_SECRET');
  const deployed = DEPLOYED.has(context?.deploy?.context ?? '');
  const secret = configuredSecret && configuredSecret.length >= 32 ? configuredSecret : DEV_SECRET;
  return {
    store: blobsStore,
    secret,
    sealer: plainSealer,
    now: () => new Date(),
    base: env('SITE_BASE') || '/',
    deadlineMs: number('APPLICATIONS_DEADLINE_MS', 6000),
    perCallMs: number('APPLICATIONS_CALL_DEADLINE_MS', 3000),
    retryAfter: 30,
    log,
    version: context?.deploy?.id || undefined,
    configured: !deployed || secret !== DEV_SECRET,
  };
}

const INTERNAL = '系统出错了，请稍后再试，或打电话 0750-5524538。';

/** Unexpected errors become a 500 with the correlation id (a page for forms, JSON otherwise), logged without details of the request. */
export async function guarded(context: Partial<Context> | undefined, req: Request, run: (cid: string) => Promise<Response> | Response): Promise<Response> {
  const cid = context?.requestId || crypto.randomUUID();
  try {
    return await run(cid);
  } catch (error) {
    log({ event: 'unexpected', cid, status: 500, detail: error instanceof Error ? error.name : 'unknown' });
    const headers = { 'Cache-Control': 'no-store', 'X-Correlation-Id': cid };
    if (wantsHtml(req, bodyKind(req))) {
      const body = `<h1>系统出错了</h1><p>${INTERNAL}您填写的内容请按浏览器的“返回”键找回。打电话时请告诉工作人员这个编号：${esc(cid)}</p>`;
      return new Response(renderPage({ base: env('SITE_BASE') || '/', title: '错误：系统出错了', body }), { status: 500, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
    }
    return new Response(JSON.stringify({ error: 'internal', message: INTERNAL, correlationId: cid }), { status: 500, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  }
}
