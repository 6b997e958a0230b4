/**
 * What page-script.ts loads on 繁體 pages only (a chunk of its own, with
 * html.ts and convert.ts): the site's converter for plain text, and for HTML
 * the build's own conversion (html.ts), so what a script draws comes out as
 * the function would have drawn it on a 繁體 page: text and readable
 * attributes converted, links pointing at the /zh-hant/ copies, what a person
 * typed (data-verbatim) left as typed.
 */
import type { ConvertText } from './convert.ts';
import { zhHantConverter } from './dictionary.ts';
import { convertHtml } from './html.ts';

export interface PageConverter {
  text: ConvertText;
  html: ConvertText;
}

export async function pageConverter(base: string): Promise<PageConverter> {
  const convert = await zhHantConverter(base);
  return { text: convert, html: (source) => convertHtml(source, { convert, base }) };
}
