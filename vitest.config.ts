/**
 * Tests are grouped by where they run (see docs/architecture.md):
 *   unit       pure logic in src/lib/, no I/O
 *   content    the files in content/: schemas, citations, dates, editor fixtures
 *   functions  Netlify Functions called in-process against a local Blobs server
 *   build      the built site in dist/: links, budgets, base path
 *   e2e        Chromium against the built site and functions served by netlify dev
 * `npm test` builds first, then runs them all.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import QuickFirstSequencer from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    // Two files at a time, of every project together. Vitest's default (cores − 1) is one
    // worker on the 2-core CI machine, and a browser test file keeps only about one core busy
    // (Chromium, netlify dev and the test each wait on the others).
    maxWorkers: 2,
    // Quick tests while netlify dev and the /sfj/ build start, then the slowest files first.
    sequence: { sequencer: QuickFirstSequencer },
    // After Vitest's report: where the time went, per project and slow file.
    reporters: ['default', './tests/support/timing-reporter.ts'],
    projects: [
      // unit and content share their workers between files (isolate: false): pure code and files read,
      // no process state between files. A new worker per file cost ~0.4 s each, 38 files: 15 s → 7 s.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', isolate: false } },
      // Reading and checking every content file takes about a second, more on a busy machine than 5 s allow.
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          isolate: false,
        },
      },
      // setup.ts: a fresh bureau key pair per file (APPLICATIONS_PUBLIC_KEY); records are stored encrypted.
      // The page shell is the build's (functions/_shared/shell.ts); in-process tests run without a build,
      // so they get a small shell with the same markers (tests/fixtures/shells.json). The real shell is
      // tested against the built site (tests/build/shell.test.ts, tests/e2e).
      {
        resolve: {
          alias: [
            {
              find: /^.*\/dist\/_shell\/shells\.json$/,
              replacement: fileURLToPath(new URL('./tests/fixtures/shells.json', import.meta.url)),
            },
            {
              find: /^.*\/dist\/_i18n\/zh-hant\.json$/,
              replacement: fileURLToPath(new URL('./tests/fixtures/zh-hant.json', import.meta.url)),
            },
            {
              find: /^.*\/dist\/staff\/answer-links\.json$/,
              replacement: fileURLToPath(new URL('./tests/fixtures/answer-links.json', import.meta.url)),
            },
          ],
        },
        test: {
          name: 'functions',
          include: ['tests/functions/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          setupFiles: ['tests/functions/support/setup.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          // Files share workers: each reads dist/ or makes its own child build, and keeps no state in the
          // process; a new worker per file cost about 1 s of CPU each (40 files in all projects: 43 s).
          isolate: false,
          globalSetup: ['tests/support/base-path-build.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Files share workers, as the build tests do: each launches and closes its own Chromium.
          isolate: false,
          globalSetup: ['tests/support/base-path-build.ts', 'tests/e2e/support/global-setup.ts'],
          setupFiles: ['tests/e2e/support/server-ready.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
