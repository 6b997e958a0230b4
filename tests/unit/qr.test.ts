import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath, qrSvg } from '../../src/lib/qr.ts';

/** The modules a path from qrPath paints, read back command by command: row y is the line at y + 0.5. */
function paintedModules(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) grid[y]![x + i] = true;
      x += Number(a);
    }
  }
  return grid;
}

function modulesOf(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, y) =>
    Array.from({ length: modules.size }, (_, x) => Boolean(modules.get(y, x))),
  );
}

describe('qrPath', () => {
  const addresses = [
    'http://localhost:8888/plan/',
    'http://localhost:8888/zh-hant/apply/legal-aid/',
    'https://example.org/sfj/zh-hant/cases/unpaid-wages-contractor-fled/',
    'https://example.org/' + 'x'.repeat(120),
  ];

  it('paints exactly the dark modules of the code, row by row', () => {
    for (const url of addresses) {
      const { size, d } = qrPath(url);
      expect(paintedModules(d, size), url).toEqual(modulesOf(url));
    }
  });

  it('uses only absolute moves to start a row, relative moves and horizontal lines', () => {
    const { d } = qrPath(addresses[1]!);
    expect(d).toMatch(/^(?:M\d+ \d+\.5h\d+(?:m\d+ 0h\d+)*)+$/);
  });

  it('grows with the text and stays deterministic', () => {
    const a = qrPath(addresses[0]!);
    expect(a.size).toBeGreaterThanOrEqual(21);
    expect((a.size - 17) % 4).toBe(0); // QR versions are 21, 25, 29 … modules wide
    expect(qrPath(addresses[0]!).d).toBe(a.d);
    expect(qrPath(addresses[3]!).size).toBeGreaterThan(a.size);
  });

  it('draws the rows as lines of stroke width 1 on a white quiet zone', () => {
    const svg = String(qrSvg(addresses[0]!, { id: 'qr-title', text: '本页二维码' }));
    expect(svg).toMatch(/<path d="M[^"]+" stroke="#000"><\/path>/);
    expect(svg).not.toMatch(/stroke-width/); // SVG's default, 1: one module high
    expect(svg).toContain('fill="#fff"');
    expect(svg).toContain('<title id="qr-title">本页二维码</title>');
  });
});
