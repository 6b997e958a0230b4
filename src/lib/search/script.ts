/**
 * The reader's query in the script of the site being read. On the 繁體 site
 * (/zh-hant/, <html lang="zh-Hant">) the search runs on the 繁體 index, so a
 * query typed in 简体 is converted with the site's own dictionary first (the
 * same converter and cut-down dictionary as the build: src/lib/i18n/); a query
 * typed in 繁體 passes through unchanged (the dictionary only has 简体 keys,
 * and every character it knows is written the way the 繁體 pages write it).
 * On the 简体 site nothing is loaded or changed.
 */
import { createConverter, type ConvertText, type Dictionary } from '../i18n/convert.ts';
import { withBase } from '../paths.ts';

let loading: Promise<ConvertText> | undefined;

/** The 繁體 converter, fetched once from the build's dictionary (~25 KB, ~9 KB gzipped). */
export function zhHantConverter(base: string): Promise<ConvertText> {
  loading ??= fetch(withBase('/_i18n/zh-hant.json', base))
    .then((r) => (r.ok ? (r.json() as Promise<Dictionary>) : Promise.reject(new Error(String(r.status)))))
    .then(createConverter)
    .catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  return loading;
}

export async function queryInPageScript(
  query: string,
  base: string,
  lang = document.documentElement.lang,
): Promise<string> {
  if (lang !== 'zh-Hant' || !query) return query;
  try {
    return (await zhHantConverter(base))(query);
  } catch {
    return query; // offline or blocked: search with what was typed
  }
}
