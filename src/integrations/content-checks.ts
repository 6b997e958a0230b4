/**
 * The content check: loads content/ the way Astro will (one row of
 * src/schemas/collections.ts per collection) and runs every rule on it — the
 * generic ones (src/schemas/rules.ts: files parse, entries meet their schema,
 * required sections, citations resolve, dates exist) and each collection's own
 * (src/schemas/collection-rules.ts: file names, references across files).
 *
 * It runs as `npm run check:content` (scripts/check-content.ts) and before
 * every build, so an editor gets the whole list of problems, each naming the
 * file and the fix, instead of a build that stops at the first page that
 * breaks, or a page that quietly shows nothing.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { forgetParsedFrontmatter, splitFrontmatter } from '../lib/frontmatter.ts';
import { LawIndex, type LawMeta } from '../lib/laws.ts';
import { COLLECTIONS, entryId, type CollectionSpec, type FileSpec, type FolderSpec } from '../schemas/collections.ts';
import {
  GENERIC_RULES,
  type ContentRule,
  type LoadedContent,
  type LoadedEntry,
  type LoadedFile,
  type Problem,
} from '../schemas/rules.ts';

export { impossibleDates } from '../schemas/rules.ts';

export function loadLawIndex(lawsDir: string): LawIndex {
  const entries = readdirSync(lawsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const { data, body } = splitFrontmatter(readFileSync(join(lawsDir, f), 'utf8'));
      return { id: f.replace(/\.md$/, ''), data: data as unknown as LawMeta, body };
    });
  return LawIndex.fromEntries(entries);
}

const firstLine = (e: unknown) => (e as Error).message.split('\n')[0];

/** Validates an entry with its collection's schema; issue paths start with `prefix` (a data file's entry). */
function validate(spec: CollectionSpec, entry: LoadedEntry, prefix: PropertyKey[] = []): LoadedEntry {
  const r = spec.schema.safeParse(entry.raw);
  if (r.success) return { ...entry, data: r.data };
  return { ...entry, issues: r.error.issues.map((i) => ({ path: [...prefix, ...i.path], message: i.message })) };
}

function loadFolder(root: string, name: string, spec: FolderSpec, taken: Set<string>) {
  const files: LoadedFile[] = [];
  const entries: LoadedEntry[] = [];
  const dir = join(root, spec.dir);
  if (!existsSync(dir)) return { files, entries };
  // In name order, so messages come in the same order on every machine.
  const names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const base of names) {
    const file = `${spec.dir}/${base.name}`;
    if (!base.isFile() || taken.has(file) || !/\.(md|mdx|ya?ml|json)$/.test(base.name)) continue;
    const text = readFileSync(join(dir, base.name), 'utf8');
    const id = entryId(spec, base.name);
    if (id === undefined) {
      files.push({ file, collection: name, text, stray: true });
      continue;
    }
    try {
      const { data, body } = spec.ext === 'yaml' ? { data: parseYaml(text) ?? {}, body: '' } : splitFrontmatter(text);
      files.push({ file, collection: name, text, data });
      entries.push(validate(spec, { collection: name, id, file, raw: data, body }));
    } catch (e) {
      files.push({ file, collection: name, text, syntaxError: firstLine(e) });
    }
  }
  return { files, entries };
}

/** The entries of a data file, keyed as Astro's file loader keys them. */
function dataEntries(spec: FileSpec, name: string, data: unknown): LoadedEntry[] | string {
  const top = spec.key ? (data as Record<string, unknown> | null)?.[spec.key] : data;
  const where = spec.key ? `${spec.key}: 下面` : '文件';
  if (spec.shape === 'list') {
    if (!Array.isArray(top)) return `${where}应当是一个列表（每一项以“- ”开头）。`;
    return top.map((raw: unknown, index) => {
      const id = (raw as { id?: unknown } | null)?.id;
      const at = id === undefined || id === null || id === '' ? `[${index}]` : String(id);
      const entry = { collection: name, id: at.startsWith('[') ? '' : at, file: spec.file, at, index, raw, body: '' };
      return validate(spec, entry, [at]);
    });
  }
  if (top !== null && top !== undefined && (typeof top !== 'object' || Array.isArray(top)))
    return `${where}应当是“编号: 内容”的形式；一条也没有时写 {}。`;
  return Object.entries(top ?? {}).map(([id, raw]) =>
    validate(spec, { collection: name, id, file: spec.file, at: id, raw, body: '' }, [id]),
  );
}

function loadDataFile(root: string, name: string, spec: FileSpec) {
  const path = join(root, spec.file);
  if (!existsSync(path))
    return { files: [{ file: spec.file, collection: name, text: '', missing: true }], entries: [] };
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = spec.file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return { files: [{ file: spec.file, collection: name, text, syntaxError: firstLine(e) }], entries: [] };
  }
  const entries = dataEntries(spec, name, data);
  if (typeof entries === 'string')
    return { files: [{ file: spec.file, collection: name, text, data, shapeError: entries }], entries: [] };
  return { files: [{ file: spec.file, collection: name, text, data }], entries };
}

export interface CheckOptions {
  /** The statutes citations resolve against; default <root>/content/laws. */
  lawsDir?: string;
  /** The collections table; tests point rows at fixture folders. */
  collections?: Record<string, CollectionSpec>;
  /** Check only these collections (the others are still loaded, for rules that look across). */
  only?: string[];
}

/** Reads every collection of the table under `root`. */
export function loadContent(root: string, options: CheckOptions = {}): LoadedContent {
  const specs = options.collections ?? COLLECTIONS;
  // A data file inside another collection's folder (content/plan/document.yaml) belongs to its own collection.
  const taken = new Set(Object.values(specs).flatMap((s) => (s.kind === 'file' ? [s.file] : [])));
  const files: LoadedFile[] = [];
  const entries: Record<string, LoadedEntry[]> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const loaded = spec.kind === 'glob' ? loadFolder(root, name, spec, taken) : loadDataFile(root, name, spec);
    files.push(...loaded.files);
    entries[name] = loaded.entries;
  }
  // The statutes just loaded, unless told to resolve against others (fixtures cite the real ones).
  const laws = options.lawsDir
    ? loadLawIndex(options.lawsDir)
    : LawIndex.fromEntries(
        (entries.laws ?? []).map((e) => ({ id: e.id, data: e.raw as unknown as LawMeta, body: e.body })),
      );
  return { specs, files, entries, laws };
}

/** Every problem in the content under `root`, generic rules first, then each collection's own. */
export function checkAll(root: string, options: CheckOptions = {}): Problem[] {
  const all = loadContent(root, options);
  const only = options.only;
  const content: LoadedContent = only
    ? {
        ...all,
        files: all.files.filter((f) => only.includes(f.collection)),
        entries: Object.fromEntries(Object.entries(all.entries).filter(([name]) => only.includes(name))),
        // Rules that look across collections still see the others' entries through `all`.
      }
    : all;
  const own = Object.entries(all.specs)
    .filter(([name]) => !only || only.includes(name))
    .flatMap(([, spec]) => spec.rules ?? []);
  const found = (rule: ContentRule, c: LoadedContent) =>
    rule.check(c).map((p) => (rule.advisory ? { ...p, advisory: true } : p));
  return [...GENERIC_RULES.flatMap((r) => found(r, content)), ...own.flatMap((r) => found(r, all))];
}

/** The problems that stop a build (all but the advisory ones). */
export const blocking = (problems: Problem[]) => problems.filter((p) => !p.advisory);

/** The list editors read: problems first, then reminders. */
export function report(problems: Problem[]): string {
  const list = (ps: Problem[]) => ps.map((p) => `\n  - ${p.text}`).join('');
  const errors = blocking(problems);
  const reminders = problems.filter((p) => p.advisory);
  return [
    errors.length ? `内容检查发现 ${errors.length} 处问题：${list(errors)}` : '',
    reminders.length
      ? `${errors.length ? '另有' : '内容检查有'} ${reminders.length} 处提醒（不影响发布，但请尽快改）：${list(reminders)}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export default function contentChecks(): AstroIntegration {
  return {
    name: 'taishan:content-checks',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // `astro dev` sets its config up again on a restart: without this, the cache would keep
        // the frontmatter of every version of every file edited since the server started.
        forgetParsedFrontmatter();
        const problems = checkAll(fileURLToPath(config.root));
        if (!problems.length) return;
        const stop = blocking(problems).length > 0;
        // A build stops on a problem, not on a reminder; in `astro dev` the editor keeps working and sees the list.
        if (stop && command !== 'dev') throw new Error(report(problems));
        if (stop) logger.error(report(problems));
        else logger.warn(report(problems));
      },
    },
  };
}
