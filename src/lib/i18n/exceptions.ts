/**
 * Reads content/i18n/zh-hant-exceptions.yaml (schema and editors' notes:
 * src/schemas/i18n.ts). Build time and tests only: it reads a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { zhHantExceptionsFileSchema, type ZhHantException } from '../../schemas/i18n.ts';
import type { Entries } from './convert.ts';

export const EXCEPTIONS_FILE = 'content/i18n/zh-hant-exceptions.yaml';

/** Readable problems, one per line, naming the entry: what an editor sees when the build stops. */
export function exceptionProblems(input: unknown): string[] {
  const r = zhHantExceptionsFileSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((issue) => {
    const [i, field] = issue.path;
    const where = typeof i === 'number' ? `第 ${i + 1} 条${field ? `的 ${String(field)}` : ''}` : '文件';
    const message = issue.code === 'unrecognized_keys' ? `有不认识的字段 ${issue.keys.join('、')}` : issue.message;
    return `${EXCEPTIONS_FILE}：${where}：${message}`;
  });
}

export function readExceptions(root: string): ZhHantException[] {
  const text = readFileSync(join(root, EXCEPTIONS_FILE), 'utf8');
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new Error(`${EXCEPTIONS_FILE}：YAML 格式有误：${(e as Error).message}`, { cause: e });
  }
  const problems = exceptionProblems(data);
  if (problems.length) throw new Error(problems.join('\n'));
  return zhHantExceptionsFileSchema.parse(data);
}

export const exceptionEntries = (list: readonly ZhHantException[]): Entries =>
  list.map((e) => [e.simplified, e.traditional] as const);
