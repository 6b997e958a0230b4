/**
 * The built 以案说法 pages in dist/: every inline citation is a link whose
 * target is on the page, every cited article is shown, the page weight stays
 * free of JavaScript beyond the display settings (weight budgets:
 * tests/build/budgets.test.ts), and the sitemap,
 * robots.txt and the /admin/ bundle are what they should be.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInlineCitations, anchorFor, collectRefs, resolveRef } from '../../src/lib/citations.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { loadLawIndex } from '../../src/integrations/content-checks.ts';
import { emptyFilterPaths, type CaseLike } from '../../src/lib/cases.ts';
import { adminConfig, onlineEditing } from '../../src/lib/cms-online.ts';
import { earlyScript } from '../../src/components/DisplaySettings/settings.ts';
import { headerScript, pageScripts, projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const header = headerScript(dist);
const casesDir = join(projectRoot, 'content', 'cases');
const laws = loadLawIndex(join(projectRoot, 'content', 'laws'));
const sources = readdirSync(casesDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ slug: f.replace(/\.md$/, ''), ...splitFrontmatter(readFileSync(join(casesDir, f), 'utf8')) }));
const publishedSources = sources.filter((s) => s.data.draft !== true);
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

/** The anchors an article's inline citations resolve to. */
function inlineAnchors(body: string): string[] {
  return findInlineCitations(body).flatMap((c) => {
    const law = laws.find(c.lawName);
    return law ? c.keys.filter((k) => law.articles.has(k)).map((k) => anchorFor(law, k)) : [];
  });
}

describe.each(publishedSources.map((s) => [s.slug, s] as const))('/cases/%s/', (slug, source) => {
  const page = html(`cases/${slug}`);
  const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const details = [...page.matchAll(/<div class="law-article__body" id="([^"]+)"/g)].map((m) => m[1]!);

  it('shows every cited article (frontmatter and inline) in the 法条 section', () => {
    const structured = collectRefs(source.data.laws).map(({ ref }) => {
      const r = resolveRef(laws, ref);
      if (!r.ok) throw new Error(r.error);
      return r.value.anchor;
    });
    const expected = new Set([...structured, ...inlineAnchors(source.body)]);
    expect(new Set(details)).toEqual(expected);
  });

  it('links every inline citation in the body to its article on the page', () => {
    const body = page.slice(page.indexOf('case__body'), page.indexOf('id="cited-laws"'));
    const linked = [...body.matchAll(/<a href="#(law-[^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(linked)).toEqual(new Set(inlineAnchors(source.body)));
    for (const a of linked) expect(ids.has(a), a).toBe(true);
  });

  it('says what kind of case it is, when it was published and whether it was reviewed', () => {
    expect(page).toContain(
      source.data.caseKind === '公开案例' ? '本文根据公开发布的案例改写' : '这个故事是为了讲清楚法律规定而编写的',
    );
    expect(page).toContain('<dt>发布日期</dt>');
    // The record itself is checked in tests/build/review.test.ts.
    expect(page).toMatch(source.data.review ? /class="meta review-record"/ : /内容尚待司法局审核/);
  });

  it('is a searchable 以案说法 page with its facets', () => {
    expect(page).toContain('data-pagefind-body');
    expect(page).toContain('data-pagefind-filter="类型:以案说法"');
    expect(page).toContain(`data-pagefind-filter="主题:${source.data.topic}"`);
  });

  // Its weight budget (≤ 15 KB gzipped in ≤ 3 requests) is checked with every page's in tests/build/budgets.test.ts.
  it('ships no JavaScript beyond the header’s one script (display settings, menu, print date) and the stored display choices', () => {
    expect(pageScripts(page)).toEqual({ files: [], inline: [earlyScript(), header] });
  });
});

describe('list and filter pages', () => {
  const listPages = ['cases', 'cases/page/2', 'cases/audience/village', 'cases/topic/wages', 'cases/line/legal-aid'];
  it.each(listPages)(
    '/%s/ ships no JavaScript beyond the header’s one script and the stored display choices',
    (path) => {
      expect(pageScripts(html(path))).toEqual({ files: [], inline: [earlyScript(), header] });
    },
  );
  it('never builds a page for a draft', () => {
    for (const s of sources.filter((x) => x.data.draft === true))
      expect(existsSync(join(dist, 'cases', s.slug))).toBe(false);
  });
  it('marks empty filter pages noindex', () => {
    const cases = sources.map((s) => ({ id: s.slug, data: s.data }) as unknown as CaseLike);
    for (const path of emptyFilterPaths(cases))
      expect(html(path.slice(1, -1))).toContain('<meta name="robots" content="noindex, nofollow"');
  });
});

describe('sitemap and robots.txt', () => {
  const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  it('lists every published case and the list pages, and nothing private or empty', () => {
    for (const s of publishedSources) expect(locs).toContain(`/cases/${s.slug}/`);
    expect(locs).toContain('/cases/');
    expect(locs).toContain('/');
    expect(locs.filter((l) => /^\/(admin|staff)\/|404/.test(l))).toEqual([]);
    const cases = sources.map((s) => ({ id: s.slug, data: s.data }) as unknown as CaseLike);
    expect(locs.filter((l) => emptyFilterPaths(cases).includes(l))).toEqual([]);
  });
  it('robots.txt keeps crawlers out of /staff/ and /admin/ and points at the sitemap', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Disallow: \/staff\/$/m);
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap-index\.xml$/m);
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
  });
});

describe('/admin/', () => {
  const admin = join(dist, 'admin');
  it('bundles Decap CMS from npm, with its config, the gate script, and no source maps', () => {
    const html = readFileSync(join(admin, 'index.html'), 'utf8');
    // The gate script starts Decap only where a backend answers (src/cms/admin-gate.js).
    expect(html).toMatch(/<script src="\/admin\/admin-gate\.js"><\/script>/);
    expect(html).toContain('data-decap-src="/admin/decap-cms.js"');
    expect(readFileSync(join(admin, 'admin-gate.js'), 'utf8')).toBe(
      readFileSync(join(projectRoot, 'src', 'cms', 'admin-gate.js'), 'utf8'),
    );
    expect(readFileSync(join(admin, 'config.yml'), 'utf8')).toBe(
      adminConfig(readFileSync(join(projectRoot, 'src', 'cms', 'config.yml'), 'utf8'), onlineEditing(process.env)),
    );
    expect(statSync(join(admin, 'decap-cms.js')).size).toBeGreaterThan(1_000_000);
    expect(readdirSync(admin).filter((f) => f.endsWith('.map'))).toEqual([]);
    // Nothing loaded from elsewhere: no CDN scripts or stylesheets.
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)="(?:https?:)?\/\//);
  });
  it('is not in the search index', () => {
    expect(readFileSync(join(admin, 'index.html'), 'utf8')).not.toContain('data-pagefind-body');
  });
});
