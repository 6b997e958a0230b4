/**
 * How the page scripts talk to the functions: POST JSON, read JSON back, and
 * give up after 20 seconds, so a phone on a weak signal is not left waiting
 * with a disabled button; the reader gets a retry with everything kept.
 */

const TIMEOUT_MS = 20_000;

/**
 * The feature check of the scripts that post (the application form, the
 * status lookup). Without fetch or AbortSignal.timeout (browsers before
 * 2022) they leave the page alone: its forms post to the functions, whose
 * answers are whole pages.
 */
export function canPostJson(): boolean {
  return 'fetch' in window && 'AbortSignal' in window && typeof AbortSignal.timeout === 'function';
}

export interface JsonAnswer {
  status: number;
  ok: boolean;
  /** The answer's JSON; {} when it was not JSON (a proxy's error page), so callers can read fields as they are. */
  data: Record<string, unknown>;
}

/** Rejects only when no answer came: no network, or none within the time limit. */
export async function postJson(url: string, body: unknown): Promise<JsonAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, ok: res.ok, data };
}
