/**
 * /staff/answer-links.json: what an answer to a 法律咨询 may link to — the
 * service guides, the published cases and every article of the laws in
 * content/laws/ — written from the content collections at build time, so the
 * desk's pickers offer only pages and articles that exist, and the staff
 * function (which bundles this file, functions/_shared/answer-links.ts)
 * refuses anything else. Public content only; not linked from public pages.
 */
import { getCollection } from 'astro:content';
import type { AnswerLinks } from '../../lib/consult/answer.ts';
import { getPublishedCases } from '../../data/cases.ts';
import { getLawIndex } from '../../data/laws.ts';

export async function GET() {
  const services = await getCollection('services');
  const cases = await getPublishedCases();
  const laws = (await getLawIndex()).laws;
  const links: AnswerLinks = {
    pages: [
      ...services.map((s) => ({
        path: `/services/${s.id}/`,
        title: `${s.data.title}办事指南`,
        kind: 'guide' as const,
      })),
      ...cases.map((c) => ({ path: `/cases/${c.id}/`, title: c.data.title, kind: 'case' as const })),
    ],
    laws: laws.map((l) => ({ title: l.title, short: l.shortTitle, articles: [...l.articles.keys()] })),
  };
  return new Response(JSON.stringify(links), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
