/**
 * The labels the staff desk's list shows for a record's plaintext columns:
 * its town, category and the script the person wrote in. Apart from
 * desk-format.ts so the list does not download every kind's form and schema.
 */
import { categoryLabel } from '../requests/registry.ts';
import { TOWNS } from '../towns.ts';
import type { RecordSummary } from './records.ts';

export { categoryLabel };

export function townLabel(id: string): string {
  return TOWNS.find((t) => t.id === id)?.name ?? id;
}

/**
 * The script the person used on the site, as the desk shows it: a reply in
 * the same script is friendlier (overseas Taishanese read 繁體).
 */
export function langLabel(lang: RecordSummary['lang']): string {
  return lang === 'zh-Hant' ? '繁體' : '简体';
}
