/**
 * The HTML side of the 繁體 copy (src/lib/i18n/html.ts): what people read is
 * converted, what machines read is not, links lead to the 繁體 pages, and what
 * a person typed is shown as typed.
 */
import { describe, expect, it } from 'vitest';
import { convertHtml, localizeLink } from '../../src/lib/i18n/html.ts';
import { hasZhHant, langOfPath, zhHansPath, zhHantPath } from '../../src/lib/i18n/paths.ts';
import { createConverter } from '../../src/lib/i18n/convert.ts';

// A small dictionary is enough here: the converter itself is tested in i18n-convert.test.ts.
const convert = createConverter({
  exceptions: [],
  stages: [
    [
      ['发', '發'],
      ['简', '簡'],
      ['体', '體'],
      ['语', '語'],
      ['搜', '搜'],
      ['录', '錄'],
      ['说', '説'],
      ['华', '華'],
    ],
    [],
  ],
});
const opts = { convert, base: '/', origin: 'https://example.org' };

describe('convertHtml', () => {
  it('converts text and readable attributes, and sets the page language', () => {
    const page =
      '<!doctype html><html lang="zh-CN"><head><title>发</title><meta name="description" content="简体"><meta property="og:title" content="华"></head>' +
      '<body><img src="/a.png" alt="发" title="说"><input type="submit" value="搜录"><input name="q" value="发" placeholder="简"><button aria-label="发">发</button></body></html>';
    expect(convertHtml(page, opts)).toBe(
      '<!doctype html><html lang="zh-Hant"><head><title>發</title><meta name="description" content="簡體"><meta property="og:title" content="華"></head>' +
        '<body><img src="/a.png" alt="發" title="説"><input type="submit" value="搜錄"><input name="q" value="发" placeholder="簡"><button aria-label="發">發</button></body></html>',
    );
  });

  it('never touches scripts, styles, JSON, ids, classes, data-* or comments', () => {
    const src =
      '<div id="发" class="发" data-x="发"><!-- 发 --><script type="application/json">{"a":"发"}</script><script>const a="发"</script><style>.a::after{content:"发"}</style></div>';
    expect(convertHtml(src, opts)).toBe(src);
  });

  it('shows what a person typed as typed: textarea and data-verbatim', () => {
    const src = '<textarea name="a">发</textarea><dl><dt>发</dt><dd data-verbatim><p>发</p>发</dd></dl><p>发</p>';
    expect(convertHtml(src, opts)).toBe(
      '<textarea name="a">发</textarea><dl><dt>發</dt><dd data-verbatim><p>发</p>发</dd></dl><p>發</p>',
    );
  });

  it('leaves an element that declares its own language as written', () => {
    expect(convertHtml('<p>发<span lang="zh-Hans">简体</span>发</p>', opts)).toBe(
      '<p>發<span lang="zh-Hans">简体</span>發</p>',
    );
  });

  it('points links to pages at their 繁體 copy, and nothing else', () => {
    const src =
      '<a href="/plan/#x">a</a><a href="/favicon.svg">b</a><a href="/api/legal-aid">c</a><a href="/staff/">d</a>' +
      '<link rel="canonical" href="https://example.org/cases/a/"><link rel="alternate" hreflang="zh-Hans" href="https://example.org/cases/a/">' +
      '<a href="https://other.org/plan/">e</a><a href="mailto:a@b.c">f</a><form action="/search/" method="get"></form><form action="/api/status" method="post"></form>' +
      '<a href="/en/">g</a><a href="/cases/rss.xml">h</a><a href="/?q=1">i</a>';
    expect(convertHtml(src, opts)).toBe(
      '<a href="/zh-hant/plan/#x">a</a><a href="/favicon.svg">b</a><a href="/api/legal-aid">c</a><a href="/staff/">d</a>' +
        '<link rel="canonical" href="https://example.org/zh-hant/cases/a/"><link rel="alternate" hreflang="zh-Hans" href="https://example.org/cases/a/">' +
        '<a href="https://other.org/plan/">e</a><a href="mailto:a@b.c">f</a><form action="/zh-hant/search/" method="get"></form><form action="/api/status" method="post"><input type="hidden" name="_lang" value="zh-Hant"></form>' +
        '<a href="/en/">g</a><a href="/cases/rss.xml">h</a><a href="/zh-hant/?q=1">i</a>',
    );
  });

  it('works under a base path', () => {
    expect(localizeLink('/sfj/plan/', { base: '/sfj/' })).toBe('/sfj/zh-hant/plan/');
    expect(localizeLink('/sfj/', { base: '/sfj/' })).toBe('/sfj/zh-hant/');
    expect(localizeLink('/plan/', { base: '/sfj/' })).toBe('/plan/');
    expect(localizeLink('https://example.org/sfj/plan/', { base: '/sfj/', origin: 'https://example.org' })).toBe(
      'https://example.org/sfj/zh-hant/plan/',
    );
  });

  it('swaps the content of a data-i18n-swap element for its given markup', () => {
    const src =
      '<li data-i18n-swap="&lt;a href=&quot;/x/&quot; hreflang=&quot;zh-Hans&quot; lang=&quot;zh-Hans&quot;&gt;简体中文&lt;/a&gt;"><a href="/zh-hant/x/" hreflang="zh-Hant" lang="zh-Hant">繁體中文</a></li><li>发</li>';
    expect(convertHtml(src, opts)).toBe(
      '<li><a href="/x/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a></li><li>發</li>',
    );
  });

  it('keeps the page-shell markers', () => {
    const src =
      '<title>@@shell-title@@ - 发</title><meta name="description" content="@@shell-description@@"><!--shell-head--><a href="@@shell-report@@">发</a><!--shell-body-->';
    const out = convertHtml(src, opts);
    for (const m of [
      '@@shell-title@@',
      '@@shell-description@@',
      '<!--shell-head-->',
      '@@shell-report@@',
      '<!--shell-body-->',
    ])
      expect(out).toContain(m);
  });
});

describe('page addresses per language', () => {
  it('maps pages to their 繁體 copy and back', () => {
    expect(zhHantPath('/services/notary/')).toBe('/zh-hant/services/notary/');
    expect(zhHantPath('/')).toBe('/zh-hant/');
    expect(zhHantPath('/404.html')).toBe('/zh-hant/404.html');
    expect(zhHantPath('/staff/')).toBe('/staff/');
    expect(zhHansPath('/zh-hant/services/notary/')).toBe('/services/notary/');
    expect(hasZhHant('/search/index-info.json')).toBe(false);
    expect(langOfPath('/zh-hant/plan/')).toBe('zh-Hant');
    expect(langOfPath('/en/notarisation/')).toBe('en');
    expect(langOfPath('/plan/')).toBe('zh-Hans');
  });
});
