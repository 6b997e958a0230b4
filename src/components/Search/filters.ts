/**
 * The search filters: 类型 / 工作条线 / 对象 / 镇街, each only if pages use it
 * (the values come from /search/index-info.json, written by the index build),
 * in the order readers know them. Until they are drawn, the values in the
 * address (?type=…) stand for them, so a shared link searches as it was.
 */
import { renderFilter, type Facet } from '../../lib/search/render.ts';
import { AUDIENCES, WORK_LINES } from '../../lib/taxonomy.ts';
import { TOWNS } from '../../lib/towns.ts';

/** Filters offered, in this order; values in `order` first, any others after them as zh-CN sorts them. */
export const FACETS: (Facet & { order: readonly string[] })[] = [
  { key: '类型', param: 'type', order: ['服务指南', '以案说法', '机构', '方案'] },
  { key: '工作条线', param: 'line', order: WORK_LINES.map((w) => w.name) },
  { key: '对象', param: 'audience', order: AUDIENCES.map((a) => a.name) },
  { key: '镇街', param: 'town', order: TOWNS.map((t) => t.name) },
];

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

export class SearchFilters {
  readonly box: HTMLElement;
  /** Filter key → value asked for in the address. */
  readonly wanted: Map<string, string>;
  readonly onChange: () => void;
  /** Filter key → its select, once drawn. */
  selects: Map<string, HTMLSelectElement> | undefined;

  constructor(box: HTMLElement, params: URLSearchParams, onChange: () => void) {
    this.box = box;
    this.wanted = new Map(FACETS.map((f) => [f.key, params.get(f.param) ?? '']));
    this.onChange = onChange;
  }

  /** Draws the filters that have values, once. */
  draw(all: Record<string, string[]>): void {
    if (this.selects) return;
    this.selects = new Map();
    for (const facet of FACETS) {
      const values = [...(all[facet.key] ?? [])];
      if (values.length === 0) continue;
      values.sort((a, b) => rank(facet.order, a) - rank(facet.order, b) || a.localeCompare(b, 'zh-CN'));
      this.box.insertAdjacentHTML('beforeend', String(renderFilter(facet, values, this.wanted.get(facet.key) ?? '')));
      const select = this.box.lastElementChild!.querySelector('select')!;
      select.addEventListener('change', this.onChange);
      this.selects.set(facet.key, select);
    }
  }

  /** Filter key → chosen value, for the filters with one. */
  chosen(): Record<string, string> {
    const chosen: Record<string, string> = {};
    if (this.selects) {
      for (const [key, select] of this.selects) if (select.value) chosen[key] = select.value;
    } else {
      for (const [key, value] of this.wanted) if (value) chosen[key] = value;
    }
    return chosen;
  }

  /** Shown with results, when there are filters to show. */
  reveal(on: boolean): void {
    this.box.hidden = !on || !this.selects?.size;
  }
}
