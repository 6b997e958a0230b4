/**
 * The one way TypeScript code writes HTML: the `html` tagged template escapes
 * every value it is given, so text a resident typed can never become markup.
 * Only two things pass through unescaped: another `html` result (already
 * safe) and `raw()`, which marks a string as trusted markup and should stay
 * rare (an SVG path built from numbers, markup read from our own build).
 *
 * Values: `SafeHtml` as is; arrays item by item, joined with nothing;
 * `null`, `undefined` and `false` as nothing (so `${cond && html`…`}` works);
 * anything else as escaped text. Escaping covers `& < > " '`, which makes a
 * value safe in text and in quoted attribute values, the only two places our
 * templates put values.
 */

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup, inserted as is. Never pass anything a person typed. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/** Several fragments as one. */
export function join(parts: readonly unknown[], separator: SafeHtml | string = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/** Multi-line text a person typed: escaped, line breaks kept as <br>, nothing else. */
export function lines(text: string): SafeHtml {
  return new SafeHtml(escapeText(text).replace(/\n/g, '<br>'));
}
