/**
 * HTML of the search page's results and filters, written with the `html`
 * template (src/lib/html.ts) like every other page part, so every value is
 * escaped. Excerpts keep only pagefind's <mark> (excerpt.ts).
 */
import { html, type SafeHtml } from '../html.ts';
import { excerptParts, markWords, withoutSingleCharacterMarks, type ExcerptPart } from './excerpt.ts';
import type { PagefindData, PagefindSubResult } from './pagefind.ts';

function renderParts(parts: readonly ExcerptPart[]): SafeHtml {
  return html`${withoutSingleCharacterMarks(parts).map((part) => (part.mark ? html`<mark>${part.text}</mark>` : part.text))}`;
}

/** The excerpt as text with the matched words in <mark> (never a lone character), nothing else. */
export function renderExcerpt(excerpt: string): SafeHtml {
  return renderParts(excerptParts(excerpt));
}

/**
 * The page's summary (the lead paragraph of a case or guide, which pagefind
 * keeps as its `summary` meta) with `words` marked, when it contains one of
 * them. The summary is the editors' own answer to “what is this page for”;
 * pagefind's excerpt is the 36 words around the densest matches, often a
 * statute's note or a list item cut mid-sentence. A reader choosing between
 * results reads the summary faster, and the marks still show why it matched.
 */
export function summaryExcerpt(data: PagefindData, words: readonly string[]): SafeHtml | undefined {
  const summary = data.meta.summary?.trim();
  const parts = summary ? markWords(summary, words) : undefined;
  return parts && renderParts(parts);
}

/** Long pages (the plan) have sections: the one that matches best, if it is not the page itself. */
export function bestSection(data: PagefindData): PagefindSubResult | undefined {
  const sections = (data.sub_results ?? []).filter(
    (s) => s.url.includes('#') && s.title && s.title !== data.meta.title,
  );
  return sections.sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
}

/**
 * One result: title, type · work line · town · date, excerpt (the summary when
 * it has one of `words`, the words searched for: summaryExcerpt), and the best
 * section of a long page.
 */
export function renderResult(data: PagefindData, words: readonly string[] = []): SafeHtml {
  const facts = [
    data.filters['类型']?.[0],
    data.filters['工作条线']?.join('、'),
    data.filters['镇街']?.join('、'),
    data.meta.date,
  ].filter(Boolean);
  const summary = summaryExcerpt(data, words);
  const best = bestSection(data);
  return html`<li class="search-result"><h3 class="search-result__title"><a href="${data.url}">${data.meta.title || data.url}</a></h3>${facts.length > 0 && html`<p class="search-result__meta">${facts.join(' · ')}</p>`}<p class="search-result__excerpt">${summary ?? renderExcerpt(best?.excerpt || data.excerpt)}</p>${!!best && html`<p class="search-result__section">相关段落：<a href="${best.url}">${best.title}</a></p>`}</li>`;
}

export interface Facet {
  /** The filter key in the index (data-pagefind-filter), also its label: 类型. */
  key: string;
  /** Its name in the address (?type=…): ASCII, so shared links stay readable. */
  param: string;
}

/** A filter as a labelled select: 全部, then `values`; `chosen` selected if it is one of them. */
export function renderFilter(facet: Facet, values: readonly string[], chosen: string): SafeHtml {
  const id = `search-filter-${facet.param}`;
  const options = values.map((v) => html`<option value="${v}"${v === chosen && ' selected'}>${v}</option>`);
  return html`<div class="search-filter"><label for="${id}">${facet.key}</label><select id="${id}" data-facet="${facet.key}"><option value="">全部</option>${options}</select></div>`;
}
