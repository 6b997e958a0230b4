/**
 * /robots.txt: keep crawlers out of the staff desk, the editing interface
 * and the bureau's review list, and point them at the sitemap. Paths carry
 * the base path, so the file is right when the site is published as a
 * channel (/sfj/).
 * (When published under a base, the portal's own robots.txt at its root is
 * the one crawlers read; copy these lines there.)
 */
import type { APIContext } from 'astro';
import { href } from '../lib/paths.ts';

export function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:8888');
  const body = [
    'User-agent: *',
    `Disallow: ${href('/staff/')}`,
    `Disallow: ${href('/admin/')}`,
    `Disallow: ${href('/review/')}`,
    '',
    `Sitemap: ${new URL(href('/sitemap-index.xml'), site).href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
