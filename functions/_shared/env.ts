/**
 * Reading the deployment's settings. Netlify.env in deployed functions,
 * process.env under netlify dev and in tests.
 */
export function env(name: string): string | undefined {
  const netlify = (globalThis as { Netlify?: { env?: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env?.get(name) ?? process.env[name];
}

/** A positive number from the environment, or the fallback. */
export function positiveNumber(name: string, fallback: number): number {
  const n = Number(env(name));
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** The site's base path ("/" or "/sfj/"), as the build used it. */
export function siteBase(): string {
  return env('SITE_BASE') || '/';
}
