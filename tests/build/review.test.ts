/**
 * Review records in the built site (dist/): every service guide and 以案说法
 * page without a `review` record says 内容尚待司法局审核 near its title, and
 * one with a record shows it instead; /review/ lists each page in the right
 * group and links to it and to its entry in the editing interface; /review/
 * stays out of search engines, the sitemap and the search index.
 * (A page with a record is built from a fixture in tests/build/cases-build.test.ts.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { projectRoot } from '../support/dist.ts';

const dist = join(projectRoot, 'dist');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

interface Page {
  collection: 'services' | 'cases';
  id: string;
  title: string;
  reviewed: boolean;
}

function pages(collection: Page['collection'], ext: string): Page[] {
  const dir = join(projectRoot, 'content', collection);
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ id: f.slice(0, -ext.length), data: splitFrontmatter(readFileSync(join(dir, f), 'utf8')).data }))
    .filter(({ data }) => data.draft !== true)
    .map(({ id, data }) => ({
      collection,
      id,
      title: collection === 'services' ? `${String(data.title)}办事指南` : String(data.title),
      reviewed: data.review !== undefined,
    }));
}

const all = [...pages('services', '.md'), ...pages('cases', '.md')];
const review = read('review/index.html');
/** The part of /review/ between a group's heading and the next heading. */
const group = (collection: string, name: 'pending' | 'overdue' | 'reviewed') => {
  const start = review.indexOf(`id="review-${collection}-${name}"`);
  const end = review.indexOf('<h', start + 1);
  return review.slice(start, end < 0 ? undefined : end);
};

describe('pages without a review record', () => {
  it.each(all.map((p) => [`/${p.collection}/${p.id}/`, p] as const))('%s says whether it is reviewed', (path, p) => {
    const html = read(`${path.slice(1)}index.html`);
    const head = html.slice(html.indexOf('<h1'), html.indexOf('<h2'));
    if (p.reviewed) {
      expect(head).toMatch(/<p class="meta review-record"[^>]*>审核：/);
      expect(html).not.toContain('内容尚待司法局审核');
    } else {
      // Near the title, before the first section, with what it means and whom to call.
      expect(head).toContain('<p class="notice__title">内容尚待司法局审核</p>');
      expect(head).toMatch(/是根据文中引用的法律条文编写的，还没有经过台山市司法局核对；遇到急事，请拨打/);
      expect(head).toContain('href="tel:12348"');
      expect(head).not.toContain('review-record');
    }
  });
});

describe('/review/', () => {
  it.each(all.map((p) => [`/${p.collection}/${p.id}/`, p] as const))(
    'lists %s with links to it and its CMS entry',
    (path, p) => {
      const links = `<a href="${path}">${p.title}</a>`;
      const edit = `href="/admin/#/collections/${p.collection}/entries/${p.id}"`;
      const where = p.reviewed
        ? group(p.collection, 'reviewed') + group(p.collection, 'overdue')
        : group(p.collection, 'pending');
      expect(where).toContain(links);
      if (!p.reviewed) expect(where).toContain(edit);
    },
  );

  it('counts each group', () => {
    for (const collection of ['services', 'cases'] as const) {
      const pending = all.filter((p) => p.collection === collection && !p.reviewed).length;
      expect(group(collection, 'pending')).toContain(`待审核（${pending} 篇）`);
    }
  });

  it('is kept out of search engines, the sitemap and the search index', () => {
    expect(review).toContain('<meta name="robots" content="noindex, nofollow"');
    expect(review).not.toContain('data-pagefind-body');
    expect(read('sitemap-0.xml')).not.toContain('/review/');
    expect(read('robots.txt')).toContain('Disallow: /review/');
  });

  it('is linked from no public page', () => {
    const publicPages = ['index.html', 'services/index.html', 'cases/index.html', 'services/legal-aid/index.html'];
    for (const page of publicPages) expect(read(page), page).not.toMatch(/href="\/review\/"/);
  });
});
