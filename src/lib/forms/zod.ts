/**
 * zod for the form schemas, configured before any schema exists. Every form
 * module imports `z` from here, never from 'astro/zod' directly.
 *
 * Why: the site's Content-Security-Policy has no 'unsafe-eval'. When zod
 * builds an object parser it probes whether eval works (`Function('')`) to
 * compile a faster one; in the browser the blocked probe is reported as a CSP
 * violation (Chrome's Issues panel; Lighthouse's best-practices score lost 4
 * points on the form pages). With `jitless` zod skips the probe and parses
 * the same way without eval. Setting it in the form script was too late: the
 * bundler puts the schemas in a shared chunk that runs before the script's own
 * code. Here it runs before the first schema, in any bundle, on the server
 * too (where the difference in speed is not measurable at form sizes).
 */
import { z } from 'astro/zod';

z.config({ jitless: true });

export { z };
