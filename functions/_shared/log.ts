/**
 * One JSON line per event: time, correlation id, event, status, receipt,
 * staff name. Never what anyone typed, never a token or key. Unexpected
 * errors add the error's name and stack (code locations, no request data),
 * so an administrator can find the fault.
 */
export interface LogEntry {
  event: string;
  cid: string;
  status: number;
  receipt?: string;
  staff?: string;
  detail?: string;
  /** A failure behind the event (a database error): logged as its stack, never its message. */
  error?: unknown;
}

export function log(entry: LogEntry): void {
  const { error, ...rest } = entry;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const line = { at: new Date().toISOString(), ...rest, ...(error ? { stack: stackOf(cause) } : {}) };
  console.log(JSON.stringify(line));
}

/** The stack of an unexpected error, without its message (which may quote input). */
export function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return [error.name, ...frames.slice(0, 12).map((l) => l.trim())].join(' | ');
}

/** An unexpected failure: its name and stack, never its message; `event` names what was being done. */
export function logUnexpected(cid: string, error: unknown, event = 'unexpected'): void {
  console.error(JSON.stringify({ at: new Date().toISOString(), event, cid, status: 500, stack: stackOf(error) }));
}
