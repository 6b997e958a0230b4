/**
 * /search/best-bets.json: the best-bet boxes (content/search/best-bets.yaml),
 * emitted at build time for the search page's script, like synonyms.json.
 * Only the fields the browser uses are sent. A link to a case or guide that
 * is not published (deleted, or a draft) is left out: the content check
 * lists it as a reminder (bestBets.links-exist) rather than stopping the
 * deletion, and readers never get a dead link.
 */
import { getCollection } from 'astro:content';
import type { BestBet } from '../../lib/search/best-bets.ts';

const ENTRY_PAGE = /^\/(cases|services)\/[^/]+\/$/;

export async function GET(): Promise<Response> {
  const published = new Set([
    ...(await getCollection('cases')).filter((c) => !c.data.draft).map((c) => `/cases/${c.id}/`),
    ...(await getCollection('services')).map((s) => `/services/${s.id}/`),
  ]);
  const entries = await getCollection('bestBets');
  const bets: BestBet[] = entries.map(({ data }) => ({
    title: data.title,
    phrases: data.phrases,
    links: data.links.filter((l) => !ENTRY_PAGE.test(l.href) || published.has(l.href)),
  }));
  return new Response(JSON.stringify(bets), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
