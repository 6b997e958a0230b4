/**
 * The reader's query in the script of the site being read. On the 繁體 site
 * (/zh-hant/, <html lang="zh-Hant">) the search runs on the 繁體 index, so a
 * query typed in 简体 is converted with the site's own dictionary first (the
 * same converter and cut-down dictionary as the build and the other page
 * scripts: src/lib/i18n/page-script.ts); a query typed in 繁體 passes through
 * unchanged (the dictionary only has 简体 keys, and every character it knows
 * is written the way the 繁體 pages write it). Offline or blocked, the query
 * is searched as typed. On the 简体 site nothing is loaded or changed.
 */
import { pageText, ready } from '../i18n/page-script.ts';

export async function queryInPageScript(
  query: string,
  base: string,
  lang = document.documentElement.lang,
): Promise<string> {
  if (lang !== 'zh-Hant' || !query) return query;
  await ready(base);
  return pageText(query);
}
