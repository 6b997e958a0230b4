/**
 * QR code of a URL as a compact SVG path, generated at build time (no script,
 * no external service). Every page carries its own in the footer, so its size
 * counts on every first visit: each row of the code is one line of stroke
 * width 1 through the middle of the row, a relative move over each light gap
 * (`M3 0.5h7m2 0h1…`). That is half the characters of a closed rectangle per
 * dark run (`M3 0h7v1h-7z…`), measured on a 繁體 start page's address: 3,991 →
 * 2,066 bytes, 1,084 → 691 gzipped, enough to keep such a page's HTML inside
 * a new connection's first round trip (tests/build/budgets.test.ts).
 */
import QRCode from 'qrcode';
import { html, type SafeHtml } from './html.ts';
import { uiStrings, type UiLang } from './i18n/strings.ts';

/** The dark modules of `text`'s QR code (error correction M) as one path, and the code's width in modules. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    // Where the pen stands after the row's last dark run; -1 before the first.
    let pen = -1;
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      d += pen < 0 ? `M${x} ${y}.5h${run}` : `m${x - pen} 0h${run}`;
      pen = x + run;
      x += run;
    }
  }
  return { size, d };
}

/**
 * The QR code of a URL as an SVG element (xmlns included, so the same markup
 * is also a file of its own: src/pages/apply/status/qr.svg.ts). `title`: its
 * accessible name, inline.
 */
export function qrSvg(url: string, title?: { id: string; text: string }): SafeHtml {
  const { size, d } = qrPath(url);
  const quiet = 2;
  const box = size + quiet * 2;
  const label = title && html` role="img" aria-labelledby="${title.id}"`;
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="-${quiet} -${quiet} ${box} ${box}" width="120" height="120"${label} shape-rendering="crispEdges">${title && html`<title id="${title.id}">${title.text}</title>`}<rect x="-${quiet}" y="-${quiet}" width="${box}" height="${box}" fill="#fff"></rect><path d="${d}" stroke="#000"></path></svg>`;
}

/**
 * “扫一扫在手机打开当前页”, as on the old portal: the QR code of a page's own
 * address as inline SVG, for the footer of static pages (QrCode.astro) and of
 * pages functions render (src/lib/shell.ts). In print it moves up beside the
 * masthead (print.css).
 */
export function qrFigure(url: string, lang: UiLang = 'zh-Hans'): SafeHtml {
  const s = uiStrings(lang);
  return html`<figure class="qr" data-pagefind-ignore="all">${qrSvg(url, { id: 'qr-title', text: `${s.qrTitle}${url}` })}<figcaption>${s.qrCaption}</figcaption></figure>`;
}
