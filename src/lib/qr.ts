/**
 * QR code of a URL as a compact SVG path, generated at build time (no script,
 * no external service). Dark modules in a row are merged into one rectangle,
 * which keeps the markup to a few kilobytes before compression.
 */
import QRCode from 'qrcode';
import { html, type SafeHtml } from './html.ts';
import { uiStrings, type UiLang } from './i18n/strings.ts';

export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size, d };
}

/**
 * “扫一扫在手机打开当前页”, as on the old portal: the QR code of a page's own
 * address as inline SVG, for the footer of static pages (QrCode.astro) and of
 * pages functions render (src/lib/shell.ts).
 */
export function qrFigure(url: string, lang: UiLang = 'zh-Hans'): SafeHtml {
  const s = uiStrings(lang);
  const { size, d } = qrPath(url);
  const quiet = 2;
  const box = size + quiet * 2;
  return html`<figure class="qr" data-pagefind-ignore="all"><svg viewBox="-${quiet} -${quiet} ${box} ${box}" width="120" height="120" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges"><title id="qr-title">${s.qrTitle}${url}</title><rect x="-${quiet}" y="-${quiet}" width="${box}" height="${box}" fill="#fff"></rect><path d="${d}" fill="#000"></path></svg><figcaption>${s.qrCaption}</figcaption></figure>`;
}
