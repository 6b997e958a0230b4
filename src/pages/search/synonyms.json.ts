/**
 * /search/synonyms.json: the everyday-words map (content/search/synonyms.yaml),
 * emitted at build time for the search page's script. A file, not an inline
 * script or a data attribute on every page: the CSP forbids inline scripts and
 * only the search page needs it. Only the fields the browser uses are sent.
 */
import { getCollection } from 'astro:content';
import type { SynonymRule } from '../../lib/search/synonyms.ts';

export async function GET(): Promise<Response> {
  const entries = await getCollection('synonyms');
  const rules: SynonymRule[] = entries.map(({ data }) => ({ phrases: data.phrases, searchAlso: data.searchAlso }));
  return new Response(JSON.stringify(rules), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
