/**
 * /apply/status/qr.svg: the QR code of the status-lookup page, printed on
 * every confirmation (renderConfirmation in src/lib/requests/views.ts). A
 * file made at build time, so neither the page scripts nor the functions
 * draw it for each confirmation.
 */
import type { APIContext } from 'astro';
import { href } from '../../../lib/paths.ts';
import { qrSvg } from '../../../lib/qr.ts';
import { STATUS_PATH } from '../../../lib/requests/views.ts';

export function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:8888');
  const svg = String(qrSvg(new URL(href(STATUS_PATH), site).href));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
