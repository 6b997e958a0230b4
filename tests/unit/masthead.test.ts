/**
 * The print masthead (src/lib/masthead.ts) in the page's language: a printed
 * English page says who published it in English and Chinese (it is often
 * taken to an office in China), and its 繁體 copy prints its labels in 繁體.
 */
import { describe, expect, it } from 'vitest';
import { mastheadHtml } from '../../src/lib/masthead.ts';
import { printDateText } from '../../src/components/PrintMasthead/print-date.ts';
import { convertHtml } from '../../src/lib/i18n/html.ts';
import { createConverter } from '../../src/lib/i18n/convert.ts';
import { BUREAU } from '../../src/lib/site.ts';

const url = 'https://example.org/en/notarisation/';

describe('mastheadHtml', () => {
  it('is in Chinese on Chinese pages', () => {
    const m = String(mastheadHtml('公证办事指南', 'https://example.org/services/notary/'));
    expect(m).toContain('网址：https://example.org/services/notary/');
    expect(m).toContain('data-print-date="打印时间："');
    expect(m).toContain('公证办事指南');
  });

  it('is in English, with the bureau’s Chinese name, on English pages', () => {
    const m = String(mastheadHtml('Notarisation', url, 'en'));
    expect(m).toContain(`Taishan Justice Bureau (${BUREAU.name})`);
    expect(m).toContain(`Web address: ${url}`);
    expect(m).toContain('data-print-date="Printed: "');
    expect(m).not.toContain('网址');
  });

  it('prints its date label in 繁體 on the 繁體 copy', () => {
    const convert = createConverter({
      exceptions: [],
      stages: [
        [
          ['时', '時'],
          ['间', '間'],
        ],
        [],
      ],
    });
    const page = `<html lang="zh-CN"><body>${String(mastheadHtml('公证', 'https://example.org/'))}</body></html>`;
    expect(convertHtml(page, { convert, base: '/', origin: 'https://example.org' })).toContain(
      'data-print-date="打印時間："',
    );
  });
});

describe('the print date', () => {
  it('reads as toLocaleString writes it, in both languages, without loading Intl', () => {
    const when = new Date(2026, 11, 7, 9, 5);
    expect(printDateText(when, false)).toBe(when.toLocaleString('zh-CN', { dateStyle: 'long', timeStyle: 'short' }));
    expect(printDateText(when, true)).toBe(when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }));
  });
});
