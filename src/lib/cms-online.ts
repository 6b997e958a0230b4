/**
 * Online editing through the Git host: whether the built /admin/ may offer it,
 * and the Decap CMS config it then gets. Decided at build time from the deploy
 * environment, never written into the repository:
 *  - CMS_ONLINE_EDITING=github: set by the bureau in Netlify's environment
 *    variables once the GitHub OAuth app is entered in Netlify (docs/editing.md).
 *    Nothing in the browser can tell whether that step was done, so the switch
 *    says it.
 *  - REPOSITORY_URL, BRANCH, CONTEXT: read-only variables Netlify sets in
 *    every build (https://docs.netlify.com/configure-builds/environment-variables/):
 *    the repository the build pulled, the branch built, and production /
 *    deploy-preview / branch-deploy.
 * Only production builds edit online: a deploy preview's BRANCH is the
 * preview's own branch, not where published content lives.
 */
import { parseDocument } from 'yaml';

export interface CmsEnv {
  CMS_ONLINE_EDITING?: string;
  REPOSITORY_URL?: string;
  BRANCH?: string;
  CONTEXT?: string;
}

/** Why online editing is off: shown on /admin/ in Chinese (adminHtml in src/integrations/decap-cms.ts). */
export type OfflineReason = 'not-enabled' | 'unsupported' | 'preview' | 'no-repo' | 'not-github';

export type OnlineEditing =
  | { enabled: true; repo: string; branch: string; docsUrl: string }
  | { enabled: false; reason: OfflineReason; host?: string; docsUrl?: string };

/**
 * Host and owner/name of a repository URL as Netlify gives it:
 * https://github.com/owner/name, https://x-access-token:…@github.com/owner/name.git
 * or git@github.com:owner/name.git. Credentials are dropped, never returned.
 */
export function parseRepository(url: string | undefined): { host: string; repo: string } | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  const scp = /^[\w.-]+@([\w.-]+):([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(trimmed);
  if (scp) return { host: scp[1]!.toLowerCase(), repo: `${scp[2]}/${scp[3]}` };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  const m = /^\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(parsed.pathname);
  if (!m || !['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
  return { host: parsed.hostname.toLowerCase(), repo: `${m[1]}/${m[2]}` };
}

/** Where the editing guide is read on GitHub. */
function docsUrl(repo: string, branch: string): string {
  return `https://github.com/${repo}/blob/${encodeURIComponent(branch)}/docs/editing.md`;
}

export function onlineEditing(env: CmsEnv): OnlineEditing {
  const switchValue = env.CMS_ONLINE_EDITING?.trim().toLowerCase();
  const repository = parseRepository(env.REPOSITORY_URL);
  const branch = env.BRANCH?.trim();
  const docs = repository?.host === 'github.com' && branch ? docsUrl(repository.repo, branch) : undefined;
  const off = (reason: OfflineReason): OnlineEditing => ({
    enabled: false,
    reason,
    ...(repository ? { host: repository.host } : {}),
    ...(docs ? { docsUrl: docs } : {}),
  });
  if (!switchValue) return off('not-enabled');
  if (switchValue !== 'github') return off('unsupported');
  if (env.CONTEXT && env.CONTEXT !== 'production') return off('preview');
  if (!repository || !branch) return off('no-repo');
  if (repository.host !== 'github.com') return off('not-github');
  return { enabled: true, repo: repository.repo, branch, docsUrl: docsUrl(repository.repo, branch) };
}

/**
 * The config.yml /admin/ loads: src/cms/config.yml as written (comments and
 * anchors kept), with backend.repo and backend.branch when online editing is
 * on. Off, the backend stays without a repository: /admin/ then starts Decap
 * only where decap-server answers (npm run cms).
 */
export function adminConfig(source: string, online: OnlineEditing): string {
  if (!online.enabled) return source;
  const doc = parseDocument(source);
  doc.setIn(['backend', 'repo'], online.repo);
  doc.setIn(['backend', 'branch'], online.branch);
  return doc.toString({ lineWidth: 0 });
}
