/**
 * Each kind's `startPage` (its index.ts), found by folder, so a new kind
 * stays a one-folder change; read at build time by src/layouts/RequestStart.astro
 * only (see StartPage in types.ts for why it is not in the RequestType).
 */
import type { RequestTypeId } from './registry.ts';
import type { StartPage } from './types.ts';

const BY_PATH = import.meta.glob<StartPage | undefined>(['./*/index.ts', '!./handlers/index.ts'], {
  eager: true,
  import: 'startPage',
});

export function startPageOf(id: RequestTypeId): StartPage {
  const page = BY_PATH[`./${id}/index.ts`];
  if (!page) throw new Error(`src/lib/requests/${id}/index.ts 没有导出 startPage（起始页的标题、工作条线和简介）`);
  return page;
}
