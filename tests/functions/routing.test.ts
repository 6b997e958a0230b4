/**
 * Addresses and functions, read from each function's `config` as Netlify
 * reads them (`path`, `excludedPath`, URLPattern syntax): every registered
 * kind of request is routed to functions/apply.mts, and no address is claimed
 * by two functions.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../src/lib/requests/registry.ts';
import { requestPaths } from '../../src/lib/requests/types.ts';
import { asList, routes, type PathConfig } from './support/routes.ts';

const dir = join(import.meta.dirname, '..', '..', 'functions');
const configs = new Map<string, PathConfig>();
for (const name of readdirSync(dir).filter((n) => n.endsWith('.mts'))) {
  const mod = (await import(join(dir, name))) as { config?: PathConfig };
  if (mod.config?.path) configs.set(name, mod.config);
}
const owners = (path: string) => [...configs].filter(([, c]) => routes(c, path)).map(([n]) => n);

/** A concrete address for each path pattern: parameters and wildcards filled in. */
const samples = (c: PathConfig) =>
  asList(c.path).map((p) =>
    p
      .replace(/\{\/\}\?/g, '/')
      .replace(/:([a-z]+)/g, 'x-$1')
      .replace(/\*/g, 'sample'),
  );

describe('routing', () => {
  it.each(REQUEST_TYPES.map((t) => [t.id]))('routes %s to functions/apply.mts', (id) => {
    for (const path of [requestPaths(id).api, requestPaths(id).done]) expect(owners(path), path).toEqual(['apply.mts']);
  });
  it('gives every address exactly one function', () => {
    for (const [name, config] of configs) {
      for (const path of samples(config)) {
        const found = owners(path);
        if (found.length === 0) continue; // a sample that the function itself excludes
        expect(found, `${path} (from ${name})`).toHaveLength(1);
      }
    }
    for (const path of ['/api/status', '/api/withdraw', '/api/staff/session', '/stats/'])
      expect(owners(path)).toHaveLength(1);
  });
});
