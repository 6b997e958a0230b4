/**
 * /cases/rss.xml: the published 以案说法 articles, newest first, with
 * absolute links (under the base path, when the site has one).
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getPublishedCases } from '../../data/cases.ts';
import { href } from '../../lib/paths.ts';
import { workLine } from '../../lib/taxonomy.ts';
import { BUREAU } from '../../lib/site.ts';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:8888');
  const cases = await getPublishedCases();
  return rss({
    title: `以案说法 - ${BUREAU.name}`,
    description: '台山市司法局以案说法：用身边的故事讲清楚常见法律问题，法律怎么规定、遇到了怎么办。',
    site: new URL(href('/cases/'), site).href,
    trailingSlash: true,
    customData: '<language>zh-CN</language>',
    items: cases.map((c) => ({
      title: c.data.title,
      description: c.data.summary,
      pubDate: c.data.published,
      link: new URL(href(`/cases/${c.id}/`), site).href,
      categories: [c.data.topic, workLine(c.data.workLine).name, ...c.data.audiences],
    })),
  });
}
