/**
 * The page shell the build made from the real layout (src/lib/shell.ts,
 * src/integrations/page-shell.ts), in 简体 and 繁體, and the converter for
 * the 繁體 pages' bodies with the dictionary the build cut for the site
 * (src/lib/i18n/build.ts). Imported, not read at run time, so the functions
 * bundler packs them with the code: a function can never serve a page in a
 * shell from another build. `npm run build` must have run once before
 * `netlify dev` or a deploy (both do it); in-process function tests use small
 * fixtures instead (vitest.config.ts aliases these imports).
 */
import bundle from '../../dist/_shell/shells.json' with { type: 'json' };
import dictionary from '../../dist/_i18n/zh-hant.json' with { type: 'json' };
import { pageShell, type ShellBundle } from '../../src/lib/shell.ts';
import { createConverter, type Dictionary } from '../../src/lib/i18n/convert.ts';

/** 简体 → 繁體 for what functions write (bodies, messages), the same converter as the build's. */
export const zhHant = createConverter(dictionary as unknown as Dictionary);

export const shell = pageShell(bundle as ShellBundle, zhHant);
