/**
 * Real `astro build`s of a throwaway copy of the project (in the system temp
 * directory, node_modules linked, never touching content/ here):
 *  - an article citing an article that does not exist stops the build, and
 *    the message names the file and the citation;
 *  - a draft never reaches the built site; an article with a review record
 *    (fixtures in tests/fixtures/review/) shows the record instead of
 *    内容尚待司法局审核, one past its re-check date (judged against
 *    SITE_BUILD_DATE) the warning notice, and /review/ lists them so; with a
 *    base path (/sfj/) the feed, sitemap and robots.txt carry it.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build.ts';
import { projectRoot } from '../support/dist.ts';
import { copyProject, removeCopy } from '../support/project-copy.ts';

let temp = '';

/** Copies what a build needs; content/cases/ keeps only `keep` articles so the build is quick. */
const copyKeeping = (keep: string[]): string =>
  copyProject('taishan-cases-build-', {
    filter: (src) => !src.includes(`${join('content', 'cases')}/`) || keep.some((k) => src.endsWith(`/${k}.md`)),
  });

/** astro build of the copy (no search index: nothing here reads it). */
const build = (dir: string, env: Record<string, string> = {}) => buildSite({ cwd: dir, env, searchIndex: false });

const sample = readFileSync(join(projectRoot, 'content', 'cases', 'unpaid-wages-contractor-fled.md'), 'utf8');

beforeAll(() => {
  temp = copyKeeping(['unpaid-wages-contractor-fled', 'work-injury-recognition']);
});
afterAll(() => removeCopy(temp));

describe('a build with a broken citation', () => {
  it('fails, naming the file and the citation', async () => {
    const broken = sample.replace(
      '（《中华人民共和国法律援助法》第四十三条）',
      '（《中华人民共和国法律援助法》第一百四十三条）',
    );
    expect(broken).not.toBe(sample);
    const file = join(temp, 'content', 'cases', 'broken-citation.md');
    writeFileSync(file, broken);
    try {
      const r = await build(temp);
      const out = r.stdout + r.stderr;
      expect(r.status).not.toBe(0);
      expect(out).toContain('content/cases/broken-citation.md');
      expect(out).toContain('《中华人民共和国法律援助法》第一百四十三条');
      expect(out).toMatch(/没有第一百四十三条.*请核对条号/);
    } finally {
      rmSync(file);
    }
    // The real project was never touched.
    expect(existsSync(join(projectRoot, 'content', 'cases', 'broken-citation.md'))).toBe(false);
  });
});

describe('a build with a draft, after the review dates, under /sfj/', () => {
  let dist = '';
  beforeAll(async () => {
    const draft = sample
      .replace(/^title: .*$/m, 'title: 这是一篇还没写完的草稿文章')
      .replace(/^caseKind: 说明性案例$/m, 'caseKind: 说明性案例\ndraft: true');
    writeFileSync(join(temp, 'content', 'cases', 'draft-not-ready.md'), draft);
    const published = sample
      .replace(/^title: .*$/m, 'title: 一篇根据公开案例改写的文章')
      .replace(
        /^caseKind: 说明性案例$/m,
        'caseKind: 公开案例\nsource: { title: 示例案例标题, publisher: 示例发布机关, date: 2025-03-15, url: "https://example.org/case" }',
      );
    writeFileSync(join(temp, 'content', 'cases', 'public-case.md'), published);
    for (const name of ['reviewed-case', 'overdue-case'])
      cpSync(
        join(projectRoot, 'tests', 'fixtures', 'review', `${name}.md`),
        join(temp, 'content', 'cases', `${name}.md`),
      );
    const r = await build(temp, {
      SITE_BUILD_DATE: '2030-01-01',
      SITE_BASE: '/sfj/',
      SITE_URL: 'https://portal.example',
    });
    if (r.status !== 0) throw new Error(`构建失败：\n${r.stdout}\n${r.stderr}`);
    dist = join(temp, 'dist');
  });

  it('leaves the draft out of pages, lists, feed and sitemap', () => {
    expect(existsSync(join(dist, 'cases', 'draft-not-ready'))).toBe(false);
    for (const f of [
      'cases/index.html',
      'cases/rss.xml',
      'sitemap-0.xml',
      'cases/topic/wages/index.html',
      'services/legal-aid/index.html',
    ]) {
      const text = readFileSync(join(dist, f), 'utf8');
      expect(text, f).not.toContain('draft-not-ready');
      expect(text, f).not.toContain('还没写完的草稿');
    }
    expect(readFileSync(join(dist, 'cases', 'index.html'), 'utf8')).toContain('共有 5 篇文章');
  });

  it('shows the source of a 公开案例 instead of the illustrative-story notice', () => {
    const page = readFileSync(join(dist, 'cases', 'public-case', 'index.html'), 'utf8');
    expect(page).toContain(
      '本文根据公开发布的案例改写。来源：示例发布机关，<a href="https://example.org/case">“示例案例标题”</a>（<time datetime="2025-03-15">2025年3月15日</time>）。',
    );
    expect(page).not.toContain('这个故事是为了讲清楚法律规定而编写的');
  });

  it('shows a review record instead of the pending notice', () => {
    const page = readFileSync(join(dist, 'cases', 'reviewed-case', 'index.html'), 'utf8');
    expect(page).toContain(
      '审核：台山市司法局，<time datetime="2029-06-01">2029年6月1日</time>（依据<time datetime="2025-04-19">2025年4月19日</time>的法律文本）',
    );
    expect(page).not.toContain('内容尚待司法局审核');
    expect(page).not.toContain('已过审核日期');
    // A page without a record in the same build still says it awaits review.
    expect(readFileSync(join(dist, 'cases', 'work-injury-recognition', 'index.html'), 'utf8')).toContain(
      '内容尚待司法局审核',
    );
  });

  it('warns on an article whose re-check date has passed, above its record', () => {
    const page = readFileSync(join(dist, 'cases', 'overdue-case', 'index.html'), 'utf8');
    expect(page).toContain('本文已过审核日期，内容可能不是最新的');
    expect(page).toContain('原定在 <time datetime="2029-01-05">2029年1月5日</time> 前重新核对');
    expect(page.indexOf('review-overdue')).toBeLessThan(page.indexOf('review-record'));
    expect(page).not.toContain('内容尚待司法局审核');
  });

  it('lists them on /review/ as reviewed and overdue, with the base path', () => {
    const review = readFileSync(join(dist, 'review', 'index.html'), 'utf8');
    const part = (name: string) => review.slice(review.indexOf(`id="review-cases-${name}"`)).split('<h')[0]!;
    expect(part('reviewed')).toContain('<a href="/sfj/cases/reviewed-case/">');
    expect(part('overdue')).toContain('<a href="/sfj/cases/overdue-case/">');
    expect(part('pending')).toContain('<a href="/sfj/cases/work-injury-recognition/">');
    expect(part('pending')).toContain('href="/sfj/admin/#/collections/cases/entries/work-injury-recognition"');
    expect(part('pending')).not.toContain('reviewed-case');
  });

  it('puts the base path into the feed, the sitemap and robots.txt', () => {
    const rss = readFileSync(join(dist, 'cases', 'rss.xml'), 'utf8');
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links[0]).toBe('https://portal.example/sfj/cases/');
    expect(links.slice(1).sort()).toEqual([
      'https://portal.example/sfj/cases/overdue-case/',
      'https://portal.example/sfj/cases/public-case/',
      'https://portal.example/sfj/cases/reviewed-case/',
      'https://portal.example/sfj/cases/unpaid-wages-contractor-fled/',
      'https://portal.example/sfj/cases/work-injury-recognition/',
    ]);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://portal.example/sfj/cases/unpaid-wages-contractor-fled/</loc>');
    expect(sitemap).not.toMatch(/<loc>https:\/\/portal\.example\/(?!sfj\/)/);
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toContain('Disallow: /sfj/admin/');
    expect(robots).toContain('Disallow: /sfj/staff/');
    expect(robots).toContain('Disallow: /sfj/review/');
    expect(robots).toContain('Sitemap: https://portal.example/sfj/sitemap-index.xml');
    expect(readFileSync(join(dist, 'admin', 'index.html'), 'utf8')).toContain(
      'data-decap-src="/sfj/admin/decap-cms.js"',
    );
  });
});
