/**
 * The one error class for answers that are not a success: a status, a short
 * machine code for the log and the page script, a message in Chinese that
 * tells the person what to do, and optional headers (Retry-After, Allow) and
 * extra JSON fields. Thrown anywhere below a handler; the handler turns it
 * into a page or JSON.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
  constructor(
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
    body: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.body = body;
  }
}
