/**
 * Build-time checks over content/ that zod cannot make on one file alone:
 *  - every statute citation (inline 《…》第N条 or structured {law, article})
 *    resolves to an article in content/laws/;
 *  - every YYYY-MM-DD date in frontmatter and data files is a real calendar
 *    date (YAML silently turns 2025-02-30 into 2025-03-02 before zod sees it).
 * They run before Astro builds anything, so an editor gets a list of every
 * problem with its file and line, instead of a page that quietly cites nothing.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { collectRefs, findInlineCitations, resolveArticle, resolveRef } from '../lib/citations.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { LawIndex, type LawMeta } from '../lib/laws.ts';
import { formatIssues, missingSections } from '../lib/validation-messages.ts';
import { FRONTMATTER_COLLECTIONS } from '../schemas/registry.ts';

const CONTENT_FILE = /\.(md|mdx|ya?ml|json)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : CONTENT_FILE.test(name) ? [path] : [];
  });
}

export function loadLawIndex(lawsDir: string): LawIndex {
  const entries = readdirSync(lawsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const { data, body } = splitFrontmatter(readFileSync(join(lawsDir, f), 'utf8'));
      return { id: f.replace(/\.md$/, ''), data: data as unknown as LawMeta, body };
    });
  return LawIndex.fromEntries(entries);
}

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

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Returns one message per problem: "content/x.mdx:12：…". */
export function checkContent(
  contentDir: string,
  lawsDir = join(contentDir, 'laws'),
  root = join(contentDir, '..'),
): string[] {
  const index = loadLawIndex(lawsDir);
  const problems: string[] = [];
  for (const file of walk(contentDir)) {
    if (file.startsWith(lawsDir)) continue;
    const rel = relative(root, file);
    const source = readFileSync(file, 'utf8');
    let data: unknown;
    const text = source;
    // Dates are checked in frontmatter and data files, where YAML parses them.
    const dateScope = /\.(md|mdx)$/.test(file) ? source.slice(0, source.indexOf('\n---', 3) + 1) : source;
    for (const d of impossibleDates(dateScope)) {
      const line = lineOf(source, d.index);
      // Name the field when the date is a `key: value` line (published: 2025-02-30).
      const key = source.split('\n')[line - 1]?.match(/^\s*(?:-\s*)?([A-Za-z_][\w-]*)\s*:/)?.[1];
      problems.push(
        `${rel}:${line}：日期 ${d.date} 不存在${key ? `（字段 ${key}）` : ''}，请改成真实的日期（格式 YYYY-MM-DD）。`,
      );
    }
    try {
      if (/\.(md|mdx)$/.test(file)) {
        data = splitFrontmatter(source).data;
      } else if (/\.json$/.test(file)) {
        data = JSON.parse(source);
      } else {
        data = parseYaml(source);
      }
    } catch {
      continue; // Syntax errors are reported, with their line, by the collection loaders.
    }
    for (const { path, ref } of collectRefs(data)) {
      const r = resolveRef(index, ref);
      if (!r.ok) problems.push(`${rel}（字段 ${path}）：${r.error}`);
    }
    for (const c of findInlineCitations(text)) {
      for (const key of c.keys) {
        const r = resolveArticle(index, c.lawName, key, c.raw);
        if (!r.ok) problems.push(`${rel}:${lineOf(text, c.index)}：${r.error}`);
      }
    }
  }
  return problems;
}

/**
 * Validates Markdown/MDX frontmatter against the collection schemas, and the
 * required body sections, with messages naming file, field and fix. Astro
 * validates too when it builds; this gives editors the same answer in a second.
 */
export function checkFrontmatter(root: string, collections = FRONTMATTER_COLLECTIONS): string[] {
  const problems: string[] = [];
  for (const { dir, pattern, schema, requiredSections } of Object.values(collections)) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir)).filter((n) => pattern.test(n));
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = `${dir}/${name}`;
      let parsed;
      try {
        const source = readFileSync(join(root, dir, name), 'utf8');
        // Data files (YAML/JSON, e.g. the directory) are validated as a whole.
        parsed = /\.(ya?ml|json)$/.test(name) ? { data: parseYaml(source) ?? {}, body: '' } : splitFrontmatter(source);
      } catch (e) {
        problems.push(
          `${rel}：${/\.(ya?ml|json)$/.test(name) ? '' : '文件开头的 '}YAML 格式有误：${(e as Error).message.split('\n')[0]}`,
        );
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success) problems.push(...formatIssues(rel, result.error.issues));
      if (requiredSections) {
        for (const s of missingSections(parsed.body, requiredSections)) {
          problems.push(`${rel}：正文缺少“## ${s}”一节（需要依次包含：${requiredSections.join('、')}）`);
        }
      }
    }
  }
  return problems;
}

export default function contentChecks(): AstroIntegration {
  return {
    name: 'taishan:content-checks',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = checkContent(join(root, 'content'), join(root, 'content', 'laws'), root);
        if (!problems.length) return;
        const message = `内容检查发现 ${problems.length} 处问题：\n  - ${problems.join('\n  - ')}`;
        // In `astro dev` the editor keeps working and sees the list; a build stops.
        if (command === 'dev') logger.error(message);
        else throw new Error(message);
      },
    },
  };
}
