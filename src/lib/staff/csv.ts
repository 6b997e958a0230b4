/**
 * CSV for the staff desk's export, made in the browser from decrypted records.
 *  - UTF-8 with a byte-order mark, so Excel on Windows opens Chinese correctly;
 *  - RFC 4180 quoting: every field in double quotes, quotes doubled, CRLF rows;
 *  - formula-injection safe (OWASP “CSV injection”): a cell that starts with
 *    = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
 *    spreadsheet shows it as text instead of running it. Applicants write
 *    free text; “=HYPERLINK(…)” in a story must stay a story.
 */
export const BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
