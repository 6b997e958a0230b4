/**
 * The page shell the build made from the real layout (src/lib/shell.ts,
 * src/integrations/page-shell.ts). Imported, not read at run time, so the
 * functions bundler packs it with the code: a function can never serve a
 * page in a shell from another build. `npm run build` must have run once
 * before `netlify dev` or a deploy (both do it); in-process function tests
 * use a small fixture instead (vitest.config.ts aliases this import).
 */
import bundle from '../../dist/_shell/shells.json' with { type: 'json' };
import { pageShell, type ShellBundle } from '../../src/lib/shell.ts';

export const shell = pageShell(bundle as ShellBundle);
