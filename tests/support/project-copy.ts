/**
 * Throwaway copies of the project for tests that build or serve a changed
 * site (a broken citation, a fixture schedule): in the system temp
 * directory, node_modules linked, so content/ here is never touched. Only
 * what `astro build` needs is copied, plus what netlify dev needs when asked
 * (functions, migrations, netlify.toml); never dist/, .netlify/ or keys/.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './dist.ts';

const FOR_BUILD = ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const FOR_SERVE = ['functions', join('netlify', 'database', 'migrations'), 'netlify.toml'];

export interface CopyOptions {
  /** Also what netlify dev serves: the functions, the database migrations, netlify.toml. */
  serve?: boolean;
  /** Keeps a file or folder (absolute path in this checkout) when it returns true. */
  filter?: (src: string) => boolean;
}

/** Copies the project into a new temp folder named `prefix…`; returns its path (remove it with removeCopy). */
export function copyProject(prefix: string, { serve = false, filter = () => true }: CopyOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of serve ? [...FOR_BUILD, ...FOR_SERVE] : FOR_BUILD)
    cpSync(join(projectRoot, name), join(dir, name), { recursive: true, filter });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeCopy(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
