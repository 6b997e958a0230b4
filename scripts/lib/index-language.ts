// One language's pagefind index, in a process of its own: run by
// scripts/build-search-index.ts, once per page language, all at once.
//
//   node scripts/lib/index-language.ts < job.json      (job: IndexJob as JSON)
//
// Prints one line of JSON (IndexOutcome) and exits 0; the caller decides what
// is fatal. Why a process per language: pagefind's Node API drives one
// pagefind service per Node process, and that service indexes one index at a
// time, so two languages in one process run one after the other. In two
// processes they run side by side on two cores. Measured on 7 December on
// 2,000 synthetic articles in each language (2 cores): 23–28 s wall for both
// in one process, 15–20 s in two, with the same CPU time (29–35 s either way);
// each index comes out the same, file for file.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { EXCLUDE_SELECTORS } from '../../src/lib/search/index-config.ts';

export interface IndexJob {
  /** The built site: page URLs are file paths relative to it. */
  site: string;
  /** The language's HTML files (absolute paths). */
  files: string[];
  /** Where pagefind writes this language's index. */
  outputPath: string;
}

export interface IndexOutcome {
  /** Pages indexed with some text. */
  indexed: number;
  /** Pages that failed or had no text to index, as "path：reason". */
  problems: string[];
  /** pagefind's own errors: starting it, writing the index. */
  errors: string[];
}

async function indexLanguage({ site, files, outputPath }: IndexJob): Promise<IndexOutcome> {
  // See src/lib/search/index-config.ts: header, footer, QR code and the
  // statute text of cited articles.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  if (!index || errors.length) return { indexed: 0, problems: [], errors: [`pagefind 无法启动：${errors.join('；')}`] };
  // One file at a time rather than addDirectory(): the Node API indexes every
  // page it is given, whole, even when other pages carry data-pagefind-body
  // (the CLI skips those pages; the API does not), which would put the 404 page
  // and other unmarked pages into the index.
  let indexed = 0;
  const problems: string[] = [];
  for (const file of files) {
    const path = relative(site, file).split(sep).join('/');
    const url = '/' + path.replace(/(^|\/)index\.html$/, '$1');
    const res = await index.addHTMLFile({ url, content: readFileSync(file, 'utf8') });
    if (res.errors.length) problems.push(`${path}：${res.errors.join('；')}`);
    else if (!res.file || res.file.uniqueWords === 0) problems.push(`${path}：没有可索引的文字`);
    else indexed++;
  }
  if (problems.length) return { indexed, problems, errors: [] };
  const written = await index.writeFiles({ outputPath });
  await index.deleteIndex();
  return { indexed, problems, errors: written.errors.map((e) => `写入索引时出错：${e}`) };
}

/**
 * Waits (at most `ms`) until this process has no child left. pagefind's
 * close() kills its backend and returns at once; a process that exits then
 * leaves the backend to end unwaited-for, and its CPU time, nearly all of
 * this step's, is counted nowhere: the build's timing marks and the bench
 * (src/lib/process-cpu.ts) add a child's time to its parent only once the
 * parent has waited for it, which Node does for its children while it runs.
 * Linux's /proc; elsewhere it returns at once.
 */
async function childrenEnded(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const file = `/proc/self/task/${process.pid}/children`;
  while (Date.now() < deadline) {
    let children: string;
    try {
      children = readFileSync(file, 'utf8').trim();
    } catch {
      return;
    }
    if (!children) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const job = JSON.parse(readFileSync(0, 'utf8')) as IndexJob;
const outcome = await indexLanguage(job);
await pagefind.close();
await childrenEnded(10_000);
process.stdout.write(JSON.stringify(outcome) + '\n');
