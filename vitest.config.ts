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

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node' } },
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
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One Chromium at a time: CI machines have two cores.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
