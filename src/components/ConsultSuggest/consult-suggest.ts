/**
 * The suggestions widget on /consult/ (ConsultSuggest.astro): searches the
 * site's pagefind index as the person types and lists up to five guides or
 * case explanations. Without this script the form is a plain site search.
 */
import { html } from '../../lib/html.ts';
import { answersQuestions, MAX_SUGGESTIONS, mergeSuggestions, suggestionQueries } from '../../lib/consult/suggest.ts';
import type { PagefindData } from '../../lib/search/pagefind.ts';
import { SearchIndex } from '../Search/search-index.ts';

const DEBOUNCE_MS = 400;
/** Candidates whose page data is read to find five guides or cases among them. */
const CANDIDATES = 12;

class ConsultSuggest {
  readonly input: HTMLInputElement;
  readonly topic: HTMLSelectElement;
  readonly results: HTMLElement;
  readonly list: HTMLOListElement;
  readonly status: HTMLElement;
  readonly index: SearchIndex;
  current = 0;
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(form: HTMLFormElement, root: HTMLElement) {
    this.input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
    const topicField = form.querySelector<HTMLElement>('[data-consult-suggest-topic]')!;
    this.topic = topicField.querySelector('select')!;
    topicField.hidden = false;
    this.results = root.querySelector<HTMLElement>('[data-consult-suggest-results]')!;
    this.list = root.querySelector<HTMLOListElement>('[data-consult-suggest-list]')!;
    this.status = root.querySelector<HTMLElement>('[data-consult-suggest-status]')!;
    this.index = new SearchIndex(form);
    const later = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.suggest(), DEBOUNCE_MS);
    };
    this.input.addEventListener('input', later);
    this.topic.addEventListener('change', later);
    this.input.addEventListener('focus', () => void this.index.load().catch(() => undefined), { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.timer);
      void this.suggest();
    });
  }

  async suggest(): Promise<void> {
    const id = ++this.current;
    const stale = () => id !== this.current;
    const queries = suggestionQueries(this.input.value, this.topic.value || undefined, (await this.index.extras())[0]);
    if (stale()) return;
    if (queries.length === 0) return this.show([], '');
    try {
      const pf = await this.index.load();
      const lists = await Promise.all(queries.map(async (q) => (await pf.search(q)).results));
      if (stale()) return;
      const byId = new Map(lists.flat().map((r) => [r.id, r]));
      const ranked = mergeSuggestions(lists.map((l) => l.map((r) => r.id))).slice(0, CANDIDATES);
      const data = await Promise.all(ranked.map((rid) => byId.get(rid)!.data()));
      if (!stale()) this.show(data.filter((d) => answersQuestions(d.filters)).slice(0, MAX_SUGGESTIONS), 'done');
    } catch (error) {
      if (!stale()) this.show([], 'error');
      console.error('查找相关内容失败', error);
    }
  }

  show(pages: PagefindData[], state: string): void {
    this.list.innerHTML = String(
      html`${pages.map((p) => html`<li><a href="${p.url}">${p.meta.title || p.url}</a> <span class="consult-suggest__type">${p.filters['类型']?.[0] ?? ''}</span></li>`)}`,
    );
    this.results.hidden = pages.length === 0;
    this.status.textContent =
      state === 'done'
        ? pages.length > 0
          ? `找到${pages.length}篇可能有用的内容。`
          : '网站上暂时没有找到相关内容，您可以直接提问。'
        : state === 'error'
          ? '暂时无法查找相关内容，您可以直接提问。'
          : '';
    this.results.closest('section')!.dataset.state = state;
  }
}

const form = document.querySelector<HTMLFormElement>('[data-consult-suggest]');
const root = form?.closest<HTMLElement>('section');
if (form && root) new ConsultSuggest(form, root);
