/**
 * Content rules: what `npm run check:content` and the build check beyond one
 * entry's schema, each with the message an editor reads (file, what is wrong,
 * how to fix it, in plain Chinese). Rules are pure: they read content loaded by
 * src/integrations/content-checks.ts, which runs them. The collections table
 * (src/schemas/collections.ts) says which rules apply to which collection;
 * the generic rules below apply to every collection.
 */
import { collectRefs, findInlineCitations, resolveArticle, resolveRef } from '../lib/citations.ts';
import type { LawIndex } from '../lib/laws.ts';
import { formatIssues, missingSections, type IssueLike } from '../lib/validation-messages.ts';
import type { CollectionSpec } from './collections.ts';

/** One problem: the rule that found it and the line an editor reads (“content/x.mdx:12：…”). */
export interface Problem {
  rule: string;
  text: string;
  /** From an advisory rule: reported, and failing `npm test`, but not stopping a build. */
  advisory?: boolean;
}

/** A content file as read from disk. */
export interface LoadedFile {
  /** Project-relative path, with “/”: content/cases/x.mdx. */
  file: string;
  collection: string;
  /** The file's text ('' when missing). */
  text: string;
  /** Parsed data: frontmatter of Markdown/MDX, the whole of a data file. */
  data?: unknown;
  /** Set when the file could not be parsed: the parser's first line. */
  syntaxError?: string;
  /** A data file the collection needs is missing. */
  missing?: boolean;
  /** A file in a collection's folder the collection does not load (wrong extension). */
  stray?: boolean;
  /** The file's top level is not what the collection expects (a list, a map). */
  shapeError?: string;
}

/** One entry of a collection, as Astro will load it. */
export interface LoadedEntry {
  collection: string;
  /** The id Astro gives it: the file name without extension, or the key or `id` in a data file. */
  id: string;
  file: string;
  /** For entries of a data file: how messages name the entry (its id, or [3] when it has none). */
  at?: string;
  /** Position in a data file's list (0-based). */
  index?: number;
  /** The data as written. */
  raw: unknown;
  /** The schema's output, when the entry meets its schema. */
  data?: unknown;
  /** The schema's complaints, paths starting at the entry. */
  issues?: IssueLike[];
  /** Markdown/MDX body. */
  body: string;
}

export interface LoadedContent {
  specs: Record<string, CollectionSpec>;
  files: LoadedFile[];
  entries: Record<string, LoadedEntry[]>;
  laws: LawIndex;
}

export interface ContentRule {
  /** Stable name: generic ones plain (schema), a collection's own `<collection>.<name>`. */
  id: string;
  /** What the rule requires, for developers. */
  summary: string;
  /**
   * true when breaking it must not stop a deploy (the site still works, only
   * less well): `npm run check:content` and the build list it as a reminder,
   * the content tests still fail on it.
   */
  advisory?: boolean;
  check(content: LoadedContent): Problem[];
}

export const problem = (rule: string, file: string, message: string, line?: number): Problem => ({
  rule,
  text: `${file}${line ? `:${line}` : ''}：${message}`,
});

export const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

const isMarkdown = (file: string) => /\.mdx?$/.test(file);
const parsed = (content: LoadedContent) => content.files.filter((f) => !f.missing && !f.stray && !f.syntaxError);
const allEntries = (content: LoadedContent) => Object.values(content.entries).flat();

/** Dates written as YYYY-MM-DD that do not exist (2025-02-30, 2026-13-01). */
export function impossibleDates(text: string): { date: string; index: number }[] {
  const out: { date: string; index: number }[] = [];
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d)
      out.push({ date: m[0], index: m.index! });
  }
  return out;
}

export const filePresent: ContentRule = {
  id: 'file-present',
  summary: 'Every data file a collection is read from exists.',
  check: (content) =>
    content.files
      .filter((f) => f.missing)
      .map((f) =>
        problem(
          'file-present',
          f.file,
          `找不到这个文件。${content.specs[f.collection]!.label}写在这里，网站离不开它；如果是误删了，可以用 git checkout -- ${f.file} 找回。`,
        ),
      ),
};

export const syntax: ContentRule = {
  id: 'syntax',
  summary: 'Frontmatter, YAML and JSON parse; a data file has the top-level shape its collection reads.',
  check: (content) =>
    content.files.flatMap((f) => {
      if (f.syntaxError) {
        const what = isMarkdown(f.file) ? '文件开头的 YAML' : f.file.endsWith('.json') ? 'JSON' : 'YAML';
        return [problem('syntax', f.file, `${what} 格式有误：${f.syntaxError}`)];
      }
      return f.shapeError ? [problem('syntax', f.file, f.shapeError)] : [];
    }),
};

export const strayFile: ContentRule = {
  id: 'stray-file',
  summary: 'A collection folder holds only files the collection loads (a case saved as .md would silently vanish).',
  check: (content) =>
    content.files
      .filter((f) => f.stray)
      .map((f) => {
        const spec = content.specs[f.collection]!;
        const ext = spec.kind === 'glob' ? spec.ext : '';
        const name = f.file
          .split('/')
          .pop()!
          .replace(/\.[^.]+$/, '');
        return problem(
          'stray-file',
          f.file,
          `这个文件不会发布：${spec.label}的文件名要以 .${ext} 结尾。请改名为 ${name}.${ext}，或者把它移出这个文件夹。`,
        );
      }),
};

export const entryIds: ContentRule = {
  id: 'entry-id',
  summary: 'Every item of a list-shaped data file has an id, and no id twice (Astro keys entries by it).',
  check: (content) =>
    allEntries(content)
      .filter((e) => e.index !== undefined)
      .flatMap((e, _i, all) => {
        if (!e.id)
          return [
            problem(
              'entry-id',
              e.file,
              `第 ${e.index! + 1} 项缺少 id：每一项都要写 id（小写字母、数字和短横线），用来区分各项。`,
            ),
          ];
        const first = all.find((o) => o.file === e.file && o.id === e.id);
        return first !== e ? [problem('entry-id', e.file, `id“${e.id}”重复了：每一项的 id 要不同。`)] : [];
      }),
};

export const schema: ContentRule = {
  id: 'schema',
  summary: 'Every entry meets its collection schema (the same zod schema Astro validates with).',
  check: (content) =>
    allEntries(content).flatMap((e) => formatIssues(e.file, e.issues ?? []).map((text) => ({ rule: 'schema', text }))),
};

export const sections: ContentRule = {
  id: 'sections',
  summary: 'Markdown bodies have the level-2 sections their collection requires, in order.',
  check: (content) =>
    allEntries(content).flatMap((e) => {
      const spec = content.specs[e.collection]!;
      const required = spec.kind === 'glob' ? (spec.sections ?? []) : [];
      return missingSections(e.body, [...required]).map((s) =>
        problem('sections', e.file, `正文缺少“## ${s}”一节（需要依次包含：${required.join('、')}）`),
      );
    }),
};

export const citations: ContentRule = {
  id: 'citations',
  summary:
    'Every statute citation, structured {law, article} or inline 《…》第N条, resolves to an article in content/laws/.',
  check: (content) =>
    parsed(content)
      .filter((f) => f.collection !== 'laws')
      .flatMap((f) => [
        ...collectRefs(f.data).flatMap(({ path, ref }) => {
          const r = resolveRef(content.laws, ref);
          return r.ok ? [] : [{ rule: 'citations', text: `${f.file}（字段 ${path}）：${r.error}` }];
        }),
        ...findInlineCitations(f.text).flatMap((c) =>
          c.keys.flatMap((key) => {
            const r = resolveArticle(content.laws, c.lawName, key, c.raw);
            return r.ok ? [] : [problem('citations', f.file, r.error, lineOf(f.text, c.index))];
          }),
        ),
      ]),
};

export const dates: ContentRule = {
  id: 'dates',
  summary: 'Every YYYY-MM-DD date in frontmatter and data files exists (YAML silently rolls 2025-02-30 over to 03-02).',
  check: (content) =>
    content.files
      .filter((f) => !f.missing && !f.stray && f.collection !== 'laws')
      .flatMap((f) => {
        const scope = isMarkdown(f.file) ? f.text.slice(0, f.text.indexOf('\n---', 3) + 1) : f.text;
        return impossibleDates(scope).map((d) => {
          const line = lineOf(f.text, d.index);
          // Name the field when the date is a `key: value` line (published: 2025-02-30).
          const key = f.text.split('\n')[line - 1]?.match(/^\s*(?:-\s*)?([A-Za-z_][\w-]*)\s*:/)?.[1];
          return problem(
            'dates',
            f.file,
            `日期 ${d.date} 不存在${key ? `（字段 ${key}）` : ''}，请改成真实的日期（格式 YYYY-MM-DD）。`,
            line,
          );
        });
      }),
};

/** Rules every collection is checked by, whatever its table entry says. */
export const GENERIC_RULES: ContentRule[] = [
  filePresent,
  syntax,
  strayFile,
  entryIds,
  schema,
  sections,
  citations,
  dates,
];
