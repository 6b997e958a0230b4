/**
 * What the built search index holds for each page (dist/pagefind/fragment/):
 * the page's own words, not the page's controls or the sentences that every
 * page of a kind repeats. Such text is found on every page, so it makes every
 * page a result for its words, and once it is on nine pages in ten the search
 * page treats its words as the site's common words and skips them in a query
 * (src/lib/search/query.ts): at 1,000 articles the read-aloud box's 停止 was
 * one of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../src/lib/search/pagefind.ts';
import { projectRoot } from '../support/dist.ts';

const dir = join(projectRoot, 'dist', 'pagefind', 'fragment');
const fragments = readdirSync(dir).map((name) => parseFragment(gunzipSync(readFileSync(join(dir, name)))));
/** A page's indexed text without the spaces pagefind puts between elements and, in Chinese, between words (U+200B). */
const text = (content: string) => content.replace(/[\s\u200b]+/g, '');
const pages = (prefix: string) =>
  fragments.filter((f) => f.url.startsWith(prefix) || f.url.startsWith(`/zh-hant${prefix}`));

describe('the search index', () => {
  it('holds the case articles, guides and the plan in both languages', () => {
    expect(pages('/cases/').length).toBeGreaterThanOrEqual(2 * 22);
    expect(pages('/services/').length).toBeGreaterThanOrEqual(2 * 7);
    expect(pages('/plan/')).toHaveLength(2);
  });

  it.each([
    ['简体', '暂停继续停止'],
    ['繁體', '暫停繼續停止'],
  ])('leaves out the read-aloud buttons (%s)', (_, labels) => {
    const withBox = [...pages('/cases/'), ...pages('/services/'), ...pages('/plan/')];
    expect(withBox.filter((f) => text(f.content).includes(labels)).map((f) => f.url)).toEqual([]);
  });

  it.each([
    ['简体', '点开可以看条文原文'],
    ['繁體', '點開可以看條文原文'],
  ])('leaves out the sentence above every article’s statutes (%s)', (_, sentence) => {
    expect(
      pages('/cases/')
        .filter((f) => text(f.content).includes(sentence))
        .map((f) => f.url),
    ).toEqual([]);
  });

  it('keeps each article’s statute list: the cited articles’ names and notes are searchable', () => {
    const article = fragments.find((f) => f.url === '/cases/unpaid-wages-contractor-fled/');
    expect(text(article!.content)).toContain('《保障农民工工资支付条例》第三十条');
  });
});
