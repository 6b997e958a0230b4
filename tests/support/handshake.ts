/**
 * Work that global setup starts in Vitest's main process (the /sfj/ build,
 * netlify dev) and that test files, in their own worker processes, wait for.
 * Global setup does not wait, so the other tests run meanwhile; the main
 * process writes a small status file when the work ends, and a test file that
 * needs it polls that file. A failure reaches every test that waits, with its
 * message (the build's or netlify dev's output).
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Status {
  ok: boolean;
  error?: string;
}

/** A status file in a fresh temporary folder, to pass to announce() and, through provide/inject, to awaitAnnounced(). */
export function statusFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), `taishan-${name}-`)), 'status.json');
}

/** Main process: records how `work` ended in `file`. Resolves when it has (never rejects). */
export async function announce(file: string, work: Promise<unknown>): Promise<void> {
  let status: Status;
  try {
    await work;
    status = { ok: true };
  } catch (e) {
    status = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  // Written whole under another name, then renamed: a waiting test polls for the file and must
  // never read it half-written (it once read an empty file and failed before any test ran).
  writeFileSync(`${file}.part`, JSON.stringify(status));
  renameSync(`${file}.part`, file);
}

/** Test worker: waits until `file` says the work ended; throws its error if it failed. */
export async function awaitAnnounced(file: string, what: string, timeoutMs = 300_000): Promise<void> {
  const started = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - started > timeoutMs) throw new Error(`等待${what}超过 ${timeoutMs / 1000} 秒`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const status = JSON.parse(readFileSync(file, 'utf8')) as Status;
  if (!status.ok) throw new Error(`${what}失败：\n${status.error}`);
}
