/**
 * The one environment for child processes that build or serve the site
 * (child builds in tests and the bench, netlify dev, a clone's npm ci).
 *
 * Vitest puts Vite's BASE_URL=/ (and MODE, DEV, PROD, SSR) into process.env,
 * and Astro lets BASE_URL override the configured base, so a child build that
 * inherits them ignores SITE_BASE; VITEST, TEST and NODE_ENV=test would make a
 * child believe it runs under a test runner. SITE_BASE and ASTRO_OUT_DIR from
 * the caller's shell would silently change what the child builds: children get
 * them only when asked, through `set`.
 */
import { projectRoot } from './root.ts';

const VITE_AND_VITEST = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'TEST'];
const SITE = ['SITE_BASE', 'ASTRO_OUT_DIR'];

export interface CleanEnvOptions {
  /** Variables to set in the child (after the clean-up). */
  set?: Record<string, string | undefined>;
  /**
   * Also forget this checkout and the npm run that started us: its
   * node_modules/.bin on PATH, npm_* variables, NODE and INIT_CWD. For a child
   * that must use only its own folder's packages (a fresh clone's npm ci and npm start).
   */
  outsideProject?: boolean;
}

export function cleanEnv({ set = {}, outsideProject = false }: CleanEnvOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [...VITE_AND_VITEST, ...SITE]) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('VITEST_')) delete env[k];
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  env.ASTRO_TELEMETRY_DISABLED = '1';
  env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  if (outsideProject) {
    env.PATH = (env.PATH ?? '')
      .split(':')
      .filter((p) => !p.startsWith(projectRoot) && !/node_modules\/\.bin$/.test(p))
      .join(':');
    for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
    delete env.NODE;
    delete env.INIT_CWD;
  }
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}
