/**
 * Netlify's `_headers` file in the publish directory: a path pattern on a
 * line of its own, then its headers indented as `Name: value`. The build
 * writes one (src/integrations/csp-headers.ts) for what only the build knows,
 * the hashes of the inline styles in the site's Content-Security-Policy; the
 * local static server reads it back (scripts/lib/serve.ts) in the order
 * Netlify applies it: the `_headers` rules first, then netlify.toml's, a
 * later rule's value replacing an earlier one's for the same header
 * (@netlify/headers-parser, merge.ts).
 */

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

export function formatHeadersFile(rules: readonly HeaderRule[], comment: string): string {
  const notes = comment.split('\n').map((l) => `# ${l}`.trimEnd());
  const blocks = rules.map((r) => [r.for, ...Object.entries(r.values).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return [...notes, '', ...blocks].join('\n') + '\n';
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ for: line.trim(), values: {} });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: a header outside a path, or without a colon: ${line.trim()}`);
    rule.values[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}
