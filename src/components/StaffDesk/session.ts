/**
 * Who is signed in, and the one way to call the staff API. The token lives in
 * this module's memory only (never in storage, cookies or the address);
 * closing or reloading the page signs out, and so do 30 minutes without
 * activity.
 */
import { withBase } from '../../lib/paths.ts';

const base = import.meta.env.BASE_URL;
const IDLE_MS = 30 * 60_000;

export interface Me {
  name: string;
  towns: string[];
  cityWide: boolean;
  expires: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `错误 ${status}`);
    this.status = status;
    this.body = body;
  }
}

let token = '';
let me: Me | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let onExpired: (message: string) => void = () => {};

export const signedIn = (): Me | null => me;

/** What to do when the server says the sign-in is no longer valid, or the desk sat idle. */
export function whenSignedOut(handler: (message: string) => void): void {
  onExpired = handler;
}

export function resetIdle(): void {
  clearTimeout(idleTimer);
  if (me) idleTimer = setTimeout(() => onExpired('为了安全，30分钟没有操作，已经自动退出。请重新登录。'), IDLE_MS);
}

export function forget(): void {
  token = '';
  me = null;
  clearTimeout(idleTimer);
}

type Init = { method?: string; body?: unknown; query?: Record<string, string> };

function request(path: string, init: Init): Promise<Response> {
  const q = init.query ? new URLSearchParams(Object.entries(init.query).filter(([, v]) => v !== '')).toString() : '';
  return fetch(withBase(`/api/staff/${path}`, base) + (q ? `?${q}` : ''), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: 'no-store',
    credentials: 'omit',
    signal: AbortSignal.timeout(60_000),
  });
}

export async function api<T>(path: string, init: Init = {}): Promise<T> {
  let res: Response;
  try {
    res = await request(path, init);
  } catch {
    throw new ApiError(0, { message: '连接不上服务器，请检查网络后再试。' });
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    if (res.status === 401 && me) onExpired('登录已失效，请重新登录。');
    throw new ApiError(res.status, body);
  }
  resetIdle();
  return body as T;
}

/** Signs in with a token: the server says who it belongs to. */
export async function signIn(value: string): Promise<Me> {
  token = value;
  try {
    me = await api<Me>('session', { body: {} });
    return me;
  } catch (err) {
    forget();
    throw err;
  }
}
