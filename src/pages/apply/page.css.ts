/**
 * /apply/page.css: the site's stylesheet under a stable name, for the pages the
 * functions render (error pages, check your answers, confirmation, status).
 * The static pages link the hashed file Astro emits; a function cannot know
 * that name, so it links this one (with ?v=<deploy id> against stale caches).
 * Same source, same processing: Vite's ?inline gives the bundled CSS text.
 */
import css from '../../styles/site.css?inline';

export const GET = () => new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
