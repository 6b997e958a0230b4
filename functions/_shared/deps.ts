/**
 * Wiring for the application functions: the Blobs store, the server secret,
 * deadlines and the log. Everything else is in src/lib/applications/.
 *
 * APPLICATIONS_SECRET (environment, at least 32 characters) keys every HMAC:
 * record keys from idempotency keys, the phone hash for status lookup, the
 * withdraw secret. Locally (netlify dev, tests, the benchmark) a fixed
 * development value is used when it is not set; a deployed site without it
 * refuses submissions with 503 instead of silently using the public default.
 *
 * APPLICATIONS_PUBLIC_KEY (environment, one line of JSON: the bureau's public
 * JWK with its kid, from `npm run keys:generate`) encrypts the personal half of
 * every record (src/lib/staff/crypto.ts). There is no fallback: without a valid
 * public key nothing is stored, anywhere (503). `npm start` and `npm run dev`
 * generate a development key pair into keys/dev/ on first run
 * (scripts/dev-keys.ts) and netlify dev reads it from keys/dev/netlify-dev.env.
 */
import type { Context } from '@netlify/functions';
import type { HandlerDeps, LogEntry } from '../../src/lib/applications/handlers.ts';
import type { PersonalSealer } from '../../src/lib/applications/store.ts';
import { parsePublicKey, publicKeySealer } from '../../src/lib/staff/crypto.ts';
import { bodyKind, wantsHtml } from '../../src/lib/applications/http.ts';
import { renderPage } from '../../src/lib/forms/page.ts';
import { esc } from '../../src/lib/forms/render.ts';
import { blobsStore } from './blobs-store.ts';

export const DEV_SECRET = 'development-only-secret-do-not-use-in-production-taishan';

const DEPLOYED = new Set(['production', 'deploy-preview', 'branch-deploy']);

export function env(name: string): string | undefined {
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

/** One sealer per distinct public key text (parsed and imported once per function instance). */
const sealers = new Map<string, PersonalSealer | null>();

export function sealerFromEnv(): PersonalSealer | null {
  const text = env('APPLICATIONS_PUBLIC_KEY') ?? '';
  if (!sealers.has(text)) {
    let sealer: PersonalSealer | null = null;
    try {
      sealer = text ? publicKeySealer(parsePublicKey(text)) : null;
    } catch (error) {
      // The reason names the problem (not JSON, a private key, no kid…), never the value.
      log({
        event: 'public-key-invalid',
        cid: '-',
        status: 503,
        detail: error instanceof Error ? error.message : 'invalid',
      });
    }
    sealers.set(text, sealer);
  }
  return sealers.get(text)!;
}

const refusing: PersonalSealer = {
  seal() {
    throw new Error('no public key');
  },
};

/** The server secret, and whether the functions may run at all (deployed sites need a real secret). */
export function secretFor(context: Partial<Context> | undefined): { secret: string; secretOk: boolean } {
  const configuredSecret = env('APPLICATIONS_SECRET');
  const deployed = DEPLOYED.has(context?.deploy?.context ?? '');
  const secret = configuredSecret && configuredSecret.length >= 32 ? configuredSecret : DEV_SECRET;
  return { secret, secretOk: !deployed || secret !== DEV_SECRET };
}

export function depsFor(context: Partial<Context> | undefined): HandlerDeps {
  const { secret, secretOk } = secretFor(context);
  const sealer = sealerFromEnv();
  return {
    store: blobsStore,
    secret,
    sealer: sealer ?? refusing,
    now: () => new Date(),
    base: env('SITE_BASE') || '/',
    deadlineMs: number('APPLICATIONS_DEADLINE_MS', 6000),
    perCallMs: number('APPLICATIONS_CALL_DEADLINE_MS', 3000),
    retryAfter: 30,
    log,
    version: context?.deploy?.id || undefined,
    // Refuse (503) rather than store anything unencrypted or under the public development secret.
    configured: secretOk && sealer !== null,
  };
}

const INTERNAL = '系统出错了，请稍后再试，或打电话 0750-5524538。';

/** Unexpected errors become a 500 with the correlation id (a page for forms, JSON otherwise), logged without details of the request. */
export async function guarded(
  context: Partial<Context> | undefined,
  req: Request,
  run: (cid: string) => Promise<Response> | Response,
): Promise<Response> {
  const cid = context?.requestId || crypto.randomUUID();
  try {
    return await run(cid);
  } catch (error) {
    log({ event: 'unexpected', cid, status: 500, detail: error instanceof Error ? error.name : 'unknown' });
    const headers = { 'Cache-Control': 'no-store', 'X-Correlation-Id': cid };
    if (wantsHtml(req, bodyKind(req))) {
      const body = `<h1>系统出错了</h1><p>${INTERNAL}您填写的内容请按浏览器的“返回”键找回。打电话时请告诉工作人员这个编号：${esc(cid)}</p>`;
      return new Response(renderPage({ base: env('SITE_BASE') || '/', title: '错误：系统出错了', body }), {
        status: 500,
        headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
      });
    }
    return new Response(JSON.stringify({ error: 'internal', message: INTERNAL, correlationId: cid }), {
      status: 500,
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
}
