/**
 * The 繁體中文 copy of the built site (run by src/integrations/zh-hant.ts after
 * `astro build`, before the page shell and the search index):
 *
 *   1. every built page that has a 繁體 copy (src/lib/i18n/paths.ts) is
 *      converted (src/lib/i18n/html.ts) into <outDir>/zh-hant/…, with OpenCC's
 *      full dictionaries and the exceptions in content/i18n/;
 *   2. the strings the page scripts and the functions write themselves (Han
 *      runs in <outDir>/_astro/*.js and in src/**.ts) are converted too, only
 *      to learn which dictionary entries they need;
 *   3. the entries used in 1 and 2 are written to <outDir>/_i18n/zh-hant.json:
 *      the dictionary the functions and the browser convert with. It converts
 *      every text of the site exactly as the full dictionary does
 *      (tests/build/zh-hant.test.ts checks it page by page).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createConverter, cutDown, type ConvertText, type Dictionary, type Usage } from './convert.ts';
import { exceptionEntries, readExceptions } from './exceptions.ts';
import { convertHtml, localizeLink, type HtmlConversion, type TagMemo } from './html.ts';
import { openccDictionary } from './opencc.ts';
import { DICTIONARY_FILE, hasZhHant, zhHantPath, ZH_HANT_DIR } from './paths.ts';
import { qrFigure } from '../qr.ts';
import { errorReportHref } from '../site.ts';
import { withBase } from '../paths.ts';
import { html } from '../html.ts';

export { DICTIONARY_FILE };

export interface ZhHantBuildResult {
  pages: number;
  dictionary: Dictionary;
  /** Size of the written dictionary, bytes. */
  dictionaryBytes: number;
  ms: number;
  /** CPU time of the step (the machine may be shared: wall time alone says little). */
  cpuMs: number;
}

/** Files below `dir` (none when it does not exist: a trimmed copy of the project may lack functions/). */
function files(dir: string, test: (name: string) => boolean): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, test);
    return test(name) ? [path] : [];
  });
}

/** Site path of a built file: <outDir>/plan/index.html → /plan/. */
function sitePath(outDir: string, file: string): string {
  return (
    '/' +
    relative(outDir, file)
      .split(sep)
      .join('/')
      .replace(/(^|\/)index\.html$/, '$1')
  );
}

/** Han runs in source or bundled code: the messages scripts and functions write. */
function hanRuns(code: string): string[] {
  return code.match(/[\p{Script=Han}]+/gu) ?? [];
}

/**
 * What a page says about its own address, made again for the copy's address:
 * the footer's QR code (src/lib/qr.ts) and the 找错 e-mail's subject.
 */
function ownAddress(page: string, path: string, base: string, origin: string): string {
  const from = withBase(path, base);
  const to = withBase(zhHantPath(path), base);
  const qr = String(qrFigure(new URL(to, origin).href));
  return page
    .replace(/<figure class="qr"[\s\S]*?<\/figure>/, () => qr)
    .replace(String(html`href="${errorReportHref(from)}"`), () => String(html`href="${errorReportHref(to)}"`));
}

/**
 * Pages whose scripts write words into the page (the form and status pages:
 * src/lib/i18n/page-script.ts) carry this attribute on the script's root.
 * Where the script writes as the page opens (the status page), the 繁體 copy
 * preloads the dictionary in <head>, so it arrives with the script and the
 * script writes 繁體 from its first word. Where it writes only once the
 * reader uses the page (`data-i18n-messages="on-use"`: the forms), the script
 * fetches it then, and a reader who only reads does not download it (9.7 KB
 * gzipped).
 */
export const MESSAGES_MARK = 'data-i18n-messages';

/** Whether the 繁體 copy of `page` preloads the dictionary (see MESSAGES_MARK). */
export function preloadsDictionary(page: string): boolean {
  const marks = [...page.matchAll(new RegExp(`\\s${MESSAGES_MARK}(?:="([^"]*)")?[\\s>]`, 'g'))];
  return marks.some((m) => m[1] !== 'on-use');
}

function preloadDictionary(page: string, base: string): string {
  if (!preloadsDictionary(page)) return page;
  const href = withBase(`/${DICTIONARY_FILE}`, base);
  return page.replace(
    '</head>',
    () => `${String(html`<link rel="preload" href="${href}" as="fetch" crossorigin>`)}</head>`,
  );
}

/** The 繁體 copy of the built page at `path` (site path without base). */
export function convertPage(page: string, path: string, opts: HtmlConversion & { origin: string }): string {
  return convertHtml(preloadDictionary(ownAddress(page, path, opts.base, opts.origin), opts.base), opts);
}

/**
 * @astrojs/sitemap (which runs before this step) lists the 简体 pages; each
 * page with a 繁體 copy gets the copy's entry right after its own.
 */
function sitemapEntries(outDir: string, base: string, origin: string): void {
  for (const name of readdirSync(outDir).filter((n) => /^sitemap-\d+\.xml$/.test(n))) {
    const file = join(outDir, name);
    const xml = readFileSync(file, 'utf8').replace(
      /<url><loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g,
      (entry, loc: string) => {
        const copy = localizeLink(loc, { base, origin });
        return copy === loc ? entry : `${entry}<url><loc>${copy}</loc></url>`;
      },
    );
    writeFileSync(file, xml);
  }
}

/**
 * The same conversion, each distinct text converted once: most of a page's
 * text (navigation, footer, filters, cited statute articles) recurs on
 * hundreds of pages. A text converts the same way every time and records the
 * same dictionary entries, so later calls only look it up.
 */
function memoize(convert: ConvertText): ConvertText {
  const done = new Map<string, string>();
  return (text) => {
    let out = done.get(text);
    if (out === undefined) done.set(text, (out = convert(text)));
    return out;
  };
}

export function buildZhHant(options: {
  outDir: string;
  root: string;
  base: string;
  origin: string;
}): ZhHantBuildResult {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { outDir, root, base, origin } = options;
  const full = openccDictionary(exceptionEntries(readExceptions(root)));
  const usage: Usage = new Map();
  const convert = memoize(createConverter(full, usage));
  const pages = files(outDir, (n) => n.endsWith('.html')).filter((f) => hasZhHant(sitePath(outDir, f)));
  const tags: TagMemo = new Map();
  for (const file of pages) {
    const target = join(outDir, ZH_HANT_DIR, relative(outDir, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(
      target,
      convertPage(readFileSync(file, 'utf8'), sitePath(outDir, file), { convert, base, origin, tags }),
    );
  }
  // The page-shell templates (src/pages/shell/) are not pages of their own but
  // become the functions' pages: their text counts too.
  const shellDir = join(outDir, 'shell');
  const extra = [
    ...files(join(outDir, '_astro'), (n) => n.endsWith('.js')),
    ...files(join(root, 'src'), (n) => /\.(ts|astro)$/.test(n) && !n.endsWith('.d.ts')),
    ...files(join(root, 'functions'), (n) => /\.m?ts$/.test(n)),
    ...files(shellDir, (n) => n.endsWith('.html')),
  ];
  for (const file of extra) for (const run of hanRuns(readFileSync(file, 'utf8'))) convert(run);
  sitemapEntries(outDir, base, origin);
  const dictionary = cutDown(full, usage);
  const json = JSON.stringify(dictionary);
  mkdirSync(join(outDir, '_i18n'), { recursive: true });
  writeFileSync(join(outDir, DICTIONARY_FILE), json);
  return {
    pages: pages.length,
    dictionary,
    dictionaryBytes: Buffer.byteLength(json),
    ms: performance.now() - started,
    cpuMs: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000,
  };
}
