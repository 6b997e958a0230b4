/**
 * The 繁體 converter in the browser: the one converter (convert.ts) over the
 * cut-down dictionary the build writes (<outDir>/_i18n/zh-hant.json, ~25 KB,
 * ~9 KB gzipped), fetched once per page. Used on 繁體 pages only: by the
 * search page for the query (src/lib/search/script.ts) and by the form and
 * status scripts for what they write (page-script.ts).
 */
import { createConverter, type ConvertText, type Dictionary } from './convert.ts';
import { DICTIONARY_FILE } from './paths.ts';
import { withBase } from '../paths.ts';

let loading: Promise<ConvertText> | undefined;

/** The converter; rejects when the dictionary cannot be had (offline, blocked), and tries again next time. */
export function zhHantConverter(base: string): Promise<ConvertText> {
  loading ??= fetch(withBase(`/${DICTIONARY_FILE}`, base))
    .then((r) => (r.ok ? (r.json() as Promise<Dictionary>) : Promise.reject(new Error(String(r.status)))))
    .then(createConverter)
    .catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  return loading;
}
