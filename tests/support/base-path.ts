/** The /sfj/ base-path build of this run (made by base-path-build.ts), for test files. */
import { inject } from 'vitest';
import type { BasePathBuild } from './base-path-build.ts';
import { awaitAnnounced } from './handshake.ts';

/** The finished build: waits for it, and fails with the build's output if it failed. */
export async function basePathBuild(): Promise<BasePathBuild> {
  const { dir, base, status } = inject('basePathBuild');
  await awaitAnnounced(status, `带基础路径 ${base} 的构建`);
  return { dir, base };
}
