/**
 * A child build of the site, as `npm run build` does it (astro build, then the
 * search index with scripts/build-search-index.ts), in any folder (this
 * checkout or a throwaway copy with node_modules linked), with a clean
 * environment (env.ts) plus the variables asked for (SITE_BASE,
 * SITE_BUILD_DATE …). Asynchronous, so a server in the same process keeps
 * answering. Runs on the Node running this code (the pinned Node 24).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv } from './env.ts';
import { projectRoot } from './root.ts';

export interface ChildResult {
  /** Exit code (null when killed by a signal). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `process.execPath args…` in `cwd`, collecting its output. */
export function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface BuildOptions {
  /** The project folder to build (default: this checkout). */
  cwd?: string;
  /** Output folder, relative to cwd (ASTRO_OUT_DIR; default dist). */
  outDir?: string;
  /** Extra environment: SITE_BASE, SITE_URL, SITE_BUILD_DATE … */
  env?: Record<string, string>;
  /** Also build the pagefind index, as `npm run build` does (default true). */
  searchIndex?: boolean;
}

/** Builds the site; resolves with the first failing step's result, or the last one. */
export async function buildSite({
  cwd = projectRoot,
  outDir,
  env = {},
  searchIndex = true,
}: BuildOptions = {}): Promise<ChildResult> {
  const childEnv = cleanEnv({ set: { ...env, ...(outDir ? { ASTRO_OUT_DIR: `./${outDir}` } : {}) } });
  const astro = await runNode([join(cwd, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], cwd, childEnv);
  if (astro.status !== 0 || !searchIndex) return astro;
  return indexSite(join(cwd, outDir ?? 'dist'), childEnv);
}

/**
 * The search index of a built site folder (absolute path), with this
 * checkout's scripts/build-search-index.ts: a throwaway copy need not have scripts/.
 */
export function indexSite(site: string, env: NodeJS.ProcessEnv = cleanEnv()): Promise<ChildResult> {
  return runNode([join(projectRoot, 'scripts', 'build-search-index.ts'), site], projectRoot, env);
}

/** buildSite, failing with the build's output (in Chinese, like the build's own messages) when it fails. */
export async function buildSiteOrThrow(options: BuildOptions = {}): Promise<void> {
  const r = await buildSite(options);
  if (r.status !== 0) throw new Error(`构建失败（${options.outDir ?? 'dist'}）：\n${r.stdout}\n${r.stderr}`);
}
