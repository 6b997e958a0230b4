/**
 * /qa/rss.xml: the published 常见问答, newest answer first, with absolute
 * links (under the base path, when the site has one). Drafts never appear.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getPublishedQa } from '../../data/qa.ts';
import { href } from '../../lib/paths.ts';
import { BUREAU } from '../../lib/site.ts';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:8888');
  const entries = await getPublishedQa();
  return rss({
    title: `常见问答 - ${BUREAU.name}`,
    description: '台山市司法局：群众在网上提出的常见法律问题和答复，去掉个人信息、经编辑审核后公开。',
    site: new URL(href('/qa/'), site).href,
    trailingSlash: true,
    customData: '<language>zh-CN</language>',
    items: entries.map((e) => ({
      title: e.data.title,
      description: `${e.data.topic}：${e.data.title}`,
      pubDate: e.data.answered,
      link: new URL(href(`/qa/${e.id}/`), site).href,
      categories: [e.data.topic],
    })),
  });
}
