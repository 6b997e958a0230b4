/**
 * zod for the form schemas, configured before any schema exists. Every form
 * module imports `z` from here, never from 'astro/zod' or 'zod' directly.
 *
 * Why zod/mini: the schemas run in the browser (the form pages) and in every
 * request function. zod's classic build cannot be tree-shaken (its methods
 * hang on each schema), so `import { z } from 'astro/zod'` put all of it in
 * both: 33.5 KB gzipped of the form pages' 56 KB of JavaScript, and 741 KB
 * of each function's 1.1 MB bundle, which netlify dev loads afresh for every
 * call. zod/mini is the same parser behind functions (z.optional(s) for
 * s.optional(), .check(z.superRefine(…)) for .superRefine(…)); the bundler
 * keeps only what the schemas use. The server still parses with this one
 * schema, whole; only the packaging changed.
 *
 * Why configured here: the site's Content-Security-Policy has no 'unsafe-eval'. When zod
 * builds an object parser it probes whether eval works (`Function('')`) to
 * compile a faster one; in the browser the blocked probe is reported as a CSP
 * violation (Chrome's Issues panel; Lighthouse's best-practices score lost 4
 * points on the form pages). With `jitless` zod skips the probe and parses
 * the same way without eval. Setting it in the form script was too late: the
 * bundler puts the schemas in a shared chunk that runs before the script's own
 * code. Here it runs before the first schema, in any bundle, on the server
 * too (where the difference in speed is not measurable at form sizes).
 */
import { config } from 'zod/mini';

config({ jitless: true });

// Re-exported whole and imported as `import * as z from './zod.ts'`: a
// namespace object that is passed on (`export { z }`) keeps every export of
// zod alive in esbuild's function bundles (709 KB), a re-export does not.
export * from 'zod/mini';
