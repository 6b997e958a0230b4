/**
 * The withdraw cookie: without JavaScript, the 303 to the confirmation page
 * cannot carry the withdraw secret in a way only the submitter sees, except in
 * a cookie. It holds the receipt, the window's end and the secret (no personal
 * data), is HttpOnly and SameSite=Strict, and expires with the 10-minute
 * window. With JavaScript no cookie is set: the secret stays in the page's
 * memory.
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

/** Is this request over HTTPS (directly or behind Netlify's proxy)? Cookies get `Secure` then. */
export function isSecure(req: Request): boolean {
  return new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
}
