// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import contentChecks from './src/integrations/content-checks.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { hastScopedHeadingIds } from './src/integrations/hast-scoped-heading-ids.ts';
import { hastBaseLinks } from './src/integrations/hast-base-links.ts';
import { hastCitationLinks } from './src/integrations/hast-citation-links.ts';
import decapCms from './src/integrations/decap-cms.ts';
import pageShell from './src/integrations/page-shell.ts';
import cspHeaders from './src/integrations/csp-headers.ts';
import inlineScripts from './src/integrations/inline-scripts.ts';
import zhHant from './src/integrations/zh-hant.ts';
import deferredScripts from './src/integrations/deferred-scripts.ts';
import { sitemapFilter } from './src/integrations/sitemap-filter.ts';
import { astroPhases, timingMark } from './src/integrations/build-timings.ts';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';

// The site may be published at the root of its own domain or as a channel
// under the city portal (e.g. https://portal.example/sfj/). Every internal link
// goes through src/lib/paths.ts, which reads this base, and a test builds with
// SITE_BASE=/sfj/ to prove no link breaks.
const base = process.env.SITE_BASE || '/';

// The QR code on every page, the sitemap and the RSS feed need absolute URLs.
// Netlify sets URL during its builds; locally we serve on :8888.
const site = process.env.SITE_URL || process.env.URL || 'http://localhost:8888';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  build: {
    format: 'directory',
    // Every page carries its styles in <style> (about 4 KB gzipped): a
    // stylesheet link held the first paint until a second request came back,
    // LCP 0.97–1.61 s on Lighthouse's slow 4G against ≤ 1.0 s wanted, and on
    // a repeat view the cached file was still revalidated first (Netlify's
    // default must-revalidate). The CSP allows exactly these styles by their
    // hashes, written by the build (cspHeaders below; src/lib/http/csp.ts),
    // never 'unsafe-inline'. Figures before and after: BENCHMARKS.md.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  markdown: {
    processor: satteri({
      // Citation links run before base links; they only write #fragments.
      hastPlugins: [
        hastScopedHeadingIds,
        hastCitationLinks(fileURLToPath(new URL('./content/laws/', import.meta.url))),
        hastBaseLinks(base),
      ],
      // Keep editors' punctuation exactly as written: the plan is a historical
      // text, and Chinese quotation marks are already typographic.
      features: { smartPunctuation: false },
    }),
  },
  // astroPhases and timingMark do nothing unless BUILD_TIMINGS names a file (the build-scale
  // benchmark's breakdown): each timingMark ends the phase of the integration before it.
  integrations: [
    astroPhases(),
    contentChecks(),
    timingMark('content checks', 'astro:config:setup'),
    mdx(),
    // The whole site, without /staff/, /admin/, /review/, 404 and empty 以案说法 filter pages;
    // plus /stats/, which a function renders (functions/stats.mts), so no file lists it.
    sitemap({
      filter: sitemapFilter(fileURLToPath(new URL('./content/cases/', import.meta.url)), base),
      customPages: [new URL(`${base.replace(/\/$/, '')}/stats/`, site).href],
    }),
    timingMark('sitemap', 'astro:build:done'),
    // The editing interface at /admin/, bundled from the decap-cms package.
    decapCms(),
    timingMark('CMS files', 'astro:build:done'),
    // Each page's own scripts load after its first paint, with every chunk they import statically asked
    // for at once (src/lib/deferred-scripts.ts); before zhHant and pageShell, so the 繁體 copies and
    // the shell templates are made with the loader.
    deferredScripts(base),
    timingMark('deferred scripts', 'astro:build:done'),
    // The 繁體中文 copy of every public page under /zh-hant/ and the converter's dictionary for
    // functions and browsers (src/lib/i18n/build.ts); before pageShell, which converts its templates with it.
    zhHant(),
    timingMark('繁體 copy', 'astro:build:done'),
    // Small self-contained page scripts (the header's) into every page and shell template, both languages
    // (src/lib/inline-scripts.ts says why); before pageShell, which collects the templates and their hashes.
    inlineScripts(base),
    timingMark('inline scripts', 'astro:build:done'),
    // Templates for the pages functions render, from the real layout: <outDir>/_shell/shells.json.
    pageShell(),
    timingMark('page shell', 'astro:build:done'),
    // Last, once every page and shell exists: <outDir>/_headers, the CSP with the inline styles' and scripts' hashes.
    cspHeaders(),
    timingMark('CSP headers', 'astro:build:done'),
  ],
  vite: {
    build: {
      // Scripts are files as Vite writes them; the few small self-contained ones go inline after the
      // build (inlineScripts above), each allowed by its hash in the CSP, never by 'unsafe-inline'.
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every .mdx triggers this harmless warning (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
