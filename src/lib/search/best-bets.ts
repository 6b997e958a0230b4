/**
 * The best-bet box (content/search/best-bets.yaml, schema src/schemas/best-bets.ts):
 * which entry a query calls for, and its HTML. Pure: the search page passes
 * in the list it downloaded (/search/best-bets.json).
 */
import { html, type SafeHtml } from '../html.ts';
import { withBase } from '../paths.ts';

export interface BestBet {
  title: string;
  phrases: string[];
  links: { text: string; href: string; hint?: string }[];
}

/** The entry with the longest phrase the query contains (spaces ignored), if any. */
export function bestBetFor(query: string, bets: readonly BestBet[]): BestBet | undefined {
  const q = query.replace(/\s+/gu, '');
  let best: { bet: BestBet; length: number } | undefined;
  for (const bet of bets)
    for (const phrase of bet.phrases)
      if (q.includes(phrase) && phrase.length > (best?.length ?? 0)) best = { bet, length: phrase.length };
  return best?.bet;
}

export function renderBestBet(bet: BestBet, base: string): SafeHtml {
  const links = bet.links.map(
    (l) =>
      html`<li><a class="search-bestbet__link" href="${l.href.startsWith('/') ? withBase(l.href, base) : l.href}">${l.text}</a>${!!l.hint && html`<span class="search-bestbet__hint">${l.hint}</span>`}</li>`,
  );
  return html`<section class="search-bestbet" aria-labelledby="search-bestbet-title"><h2 class="search-bestbet__title" id="search-bestbet-title">${bet.title}</h2><ul class="search-bestbet__links">${links}</ul></section>`;
}
