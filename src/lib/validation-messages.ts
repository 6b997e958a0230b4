/**
 * Turns zod issues into messages an editor can act on: file, field, fix.
 * Astro's own schema errors carry Markdown markup; ours are plain Chinese.
 */
export interface IssueLike {
  path: PropertyKey[];
  message: string;
}

export function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

export function formatIssues(file: string, issues: IssueLike[]): string[] {
  return issues.map((i) => `${file}：字段 ${fieldPath(i.path) || '（整个文件）'}：${i.message}`);
}

/** Checks that a Markdown body has the required level-2 headings, in order. */
export function missingSections(body: string, required: string[]): string[] {
  const headings = [...body.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]!.trim());
  const missing: string[] = [];
  let from = 0;
  for (const name of required) {
    const at = headings.indexOf(name, from);
    if (at < 0) missing.push(name);
    else from = at + 1;
  }
  return missing;
}
