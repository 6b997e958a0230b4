/**
 * QR code of a URL as a compact SVG path, generated at build time (no script,
 * no external service). Dark modules in a row are merged into one rectangle,
 * which keeps the markup to a few kilobytes before compression.
 */
import QRCode from 'qrcode';

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
