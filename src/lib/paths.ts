/**
 * Internal URLs. The site may live under a base path (/sfj/) as a channel of
 * the city portal, so no page writes "/plan/" directly: it writes href('/plan/').
 */

/** Joins a site-absolute path ("/plan/#legal-aid") onto a base ("/" or "/sfj/"). */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.slice(1);
}

/** Removes the base from a path, for comparing with the current page. */
export function withoutBase(path: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(b) ? `/${path.slice(b.length)}` : path;
}

export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL ?? '/');
}
