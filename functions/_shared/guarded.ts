/**
 * Unexpected errors become a 500 with the correlation id — a page in the
 * site's shell for forms, JSON otherwise — and a log line with the stack but
 * nothing from the request.
 */
import type { Context } from '@netlify/functions';
import { html } from '../../src/lib/html.ts';
import { wantsHtml } from '../../src/lib/http/body.ts';
import { html as htmlResponse, json } from '../../src/lib/http/responses.ts';
import { MESSAGES } from '../../src/lib/requests/messages.ts';
import { errorTitle } from '../../src/lib/page-title.ts';
import { logUnexpected } from './log.ts';
import { shell } from './shell.ts';

export async function guarded(
  context: Partial<Context> | undefined,
  req: Request,
  run: (cid: string) => Promise<Response> | Response,
): Promise<Response> {
  const cid = context?.requestId || crypto.randomUUID();
  try {
    return await run(cid);
  } catch (error) {
    logUnexpected(cid, error);
    if (!wantsHtml(req)) return json(500, { error: 'internal', message: MESSAGES.internal, correlationId: cid }, cid);
    const body = html`<h1>系统出错了</h1><p>${MESSAGES.internal}您填写的内容请按浏览器的“返回”键找回。打电话时请告诉工作人员这个编号：${cid}</p>`;
    const page = shell.render({
      title: errorTitle('系统出错了'),
      path: new URL(req.url).pathname,
      section: 'none',
      breadcrumbs: [{ label: '系统出错了' }],
      body,
    });
    return htmlResponse(500, page, cid);
  }
}
