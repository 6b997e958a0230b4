/** Netlify's address matching for a function's `config` (`path`, `excludedPath`, URLPattern syntax). */
export type PathConfig = { path?: string | string[]; excludedPath?: string | string[] };

export const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const hits = (pattern: string, pathname: string) => new URLPattern({ pathname: pattern }).test({ pathname });

/** Does this config route the path to its function? */
export function routes(config: PathConfig, pathname: string): boolean {
  return (
    asList(config.path).some((p) => hits(p, pathname)) && !asList(config.excludedPath).some((p) => hits(p, pathname))
  );
}
