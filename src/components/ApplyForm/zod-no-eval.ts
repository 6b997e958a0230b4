/**
 * Imported first by the form script, before any schema is built.
 * The site's CSP has no 'unsafe-eval'. When zod builds an object schema it
 * probes whether eval works (Function('')) to compile faster parsers; the
 * blocked probe is reported as a CSP violation (Chrome's Issues panel;
 * Lighthouse best practices took 4 points off the form pages). With
 * `jitless` zod skips the probe and parses the same way, without eval.
 * It must run before the schemas are created (at import of legal-aid.ts
 * and mediation.ts), hence a module of its own, imported first.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });
