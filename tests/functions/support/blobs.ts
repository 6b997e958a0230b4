/**
 * An in-process Netlify Blobs server on a temporary folder, wired into the
 * Blobs client through setEnvironmentContext, as the functions see it on
 * Netlify. No network: the server listens on 127.0.0.1.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';

export const SITE_ID = 'test-site';
const TOKEN = 'test-token';

export interface LocalBlobs {
  directory: string;
  url: string;
  stop(): Promise<void>;
  /** Every stored blob under a prefix of the `applications` store, parsed as JSON. */
  entries(prefix: string): { key: string; value: unknown }[];
  /** All stored bytes as one string, to search for values that must not be there. */
  rawText(): string;
}

function point(url: string): void {
  setEnvironmentContext({
    siteID: SITE_ID,
    token: TOKEN,
    edgeURL: url,
    uncachedEdgeURL: url,
    deployID: 'test-deploy',
    primaryRegion: 'test',
  });
}

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out = statSync(p).isDirectory() ? out.concat(walk(p)) : out.concat([p]);
  }
  return out;
}

export async function startBlobs(): Promise<LocalBlobs> {
  const directory = mkdtempSync(join(tmpdir(), 'blobs-'));
  const server = new BlobsServer({ directory, token: TOKEN });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  point(url);
  const storeDir = () =>
    walk(directory).filter((f) => f.includes(`site:applications`) && !f.includes(`${join('metadata')}`));
  return {
    directory,
    url,
    async stop() {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
    entries(prefix) {
      return storeDir()
        .map((f) => ({ f, key: f.split('site:applications/')[1] ?? '' }))
        .filter(({ key }) => key.startsWith(prefix))
        .map(({ f, key }) => ({ key, value: JSON.parse(readFileSync(f, 'utf8')) }));
    },
    rawText() {
      return walk(directory)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    },
  };
}

/** A store that refuses connections: nothing listens on the port. */
export async function pointAtDeadStore(): Promise<void> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  point(`http://127.0.0.1:${port}`);
}

/** A store that accepts connections and never answers. */
export async function pointAtHangingStore(): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const srv: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  point(`http://127.0.0.1:${port}`);
  return {
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

export function usePoint(url: string): void {
  point(url);
}
