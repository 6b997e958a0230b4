/**
 * What the page scripts share with the functions and with each other, as
 * pure functions: titles that report errors, the textarea counter, the boxes
 * both ways through a request draw, the search page's results and filters,
 * and the merged ranking of a search's runs.
 */
import { describe, expect, it } from 'vitest';
import { charCountNote, fieldId, renderErrorSummary } from '../../src/lib/forms/render.ts';
import { errorTitle, fixesNeeded } from '../../src/lib/page-title.ts';
import { REQUEST_FORMS } from '../../src/lib/requests/forms.ts';
import { MESSAGES } from '../../src/lib/requests/messages.ts';
import {
  renderCheckStep,
  renderSendProblem,
  renderStatusNotice,
  renderWithdrawn,
  STEP_TITLES,
} from '../../src/lib/requests/views.ts';
import { mergeRuns } from '../../src/lib/search/fuse.ts';
import type { PagefindData } from '../../src/lib/search/pagefind.ts';
import type { PlannedSearch } from '../../src/lib/search/query.ts';
import { renderFilter, renderResult } from '../../src/lib/search/render.ts';

describe('titles that report errors', () => {
  it('start with 错误： and carry the count when there is one', () => {
    expect(errorTitle('法律援助申请', 3)).toBe('错误：法律援助申请（有 3 处需要修改）');
    expect(errorTitle('暂时无法查询')).toBe('错误：暂时无法查询');
    expect(errorTitle('填写法律援助申请 - 台山', 0)).toBe('错误：填写法律援助申请 - 台山');
  });
  it('count as the error summary heading does', () => {
    const summary = String(renderErrorSummary([{ field: 'name', message: '请填写姓名' }]));
    expect(summary).toContain(`<h2 id="error-summary-title">${fixesNeeded(1)}</h2>`);
    expect(summary).toContain(`href="#${fieldId('name')}"`);
  });
});

describe('the textarea counter', () => {
  it('states the limit, then what is left or over', () => {
    expect(charCountNote(500)).toBe('最多可以写 500 个字。');
    expect(charCountNote(500, 480)).toBe('最多可以写 500 个字，还可以写 20 个字。');
    expect(charCountNote(500, 500)).toBe('最多可以写 500 个字，还可以写 0 个字。');
    expect(charCountNote(500, 512)).toBe('最多可以写 500 个字，已经超出 12 个字。');
  });
});

describe('boxes drawn both ways through a request', () => {
  it('the function’s check page and the script say why sending failed in the same box', () => {
    const def = REQUEST_FORMS.mediation.def;
    const page = String(renderCheckStep(def, {}, { base: '/', key: 'k'.repeat(24), notice: MESSAGES.unavailable }));
    const box = String(
      renderSendProblem({ id: 'notice-title', title: '暂时无法提交', message: MESSAGES.unavailable, autofocus: true }),
    );
    expect(page.startsWith(box)).toBe(true);
    expect(box).toBe(
      `<div class="error-summary" tabindex="-1" autofocus aria-labelledby="notice-title"><h2 id="notice-title">暂时无法提交</h2><p>${MESSAGES.unavailable}</p></div>`,
    );
    const script = String(renderSendProblem({ id: 's', title: '没有提交成功', message: '<b>', retry: true }));
    expect(script).not.toContain('autofocus');
    expect(script).toContain('<p>&lt;b&gt;</p>');
    expect(script).toContain('data-retry>再试一次</button>');
  });
  it('a status notice, focused on the function’s page', () => {
    expect(String(renderStatusNotice('没有<找到>'))).toBe(
      '<div class="notice notice--warning" tabindex="-1"><p>没有&lt;找到&gt;</p></div>',
    );
    expect(String(renderStatusNotice('x', true))).toContain('tabindex="-1" autofocus>');
  });
  it('step titles match the headings they name', () => {
    expect(STEP_TITLES.submitted('TJ-20260101-7K3Q9P')).toBe('申请已提交：回执号 TJ-20260101-7K3Q9P');
    expect(String(renderWithdrawn('mediation', 'TJ-20260101-7K3Q9P', '/'))).toContain(
      `data-focus>${STEP_TITLES.withdrawn}</h1>`,
    );
  });
});

const page = (over: Partial<PagefindData> = {}): PagefindData => ({
  url: '/services/legal-aid/',
  content: '',
  excerpt: '申请<mark>法律援助</mark>的条件',
  meta: { title: '法律援助' },
  filters: { 类型: ['服务指南'], 工作条线: ['法律援助'] },
  ...over,
});

describe('a search result', () => {
  it('shows title, facts and excerpt, with <mark> the only markup from pagefind', () => {
    const li = String(renderResult(page({ excerpt: '<b>x</b> &lt;script&gt; <mark>援助</mark>' })));
    expect(li).toBe(
      '<li class="search-result"><h3 class="search-result__title"><a href="/services/legal-aid/">法律援助</a></h3><p class="search-result__meta">服务指南 · 法律援助</p><p class="search-result__excerpt">x &lt;script&gt; <mark>援助</mark></p></li>',
    );
  });
  it('escapes titles and links, and points to the best-matching section of a long page', () => {
    const li = String(
      renderResult(
        page({
          url: '/plan/?a=1&b=2',
          meta: { title: '"方案"<i>' },
          sub_results: [
            { title: '一、目标', url: '/plan/#a', excerpt: '目标', locations: [1] },
            { title: '二、<措施>', url: '/plan/#b', excerpt: '<mark>措施</mark>', locations: [1, 2, 3] },
            { title: '"方案"<i>', url: '/plan/#top', excerpt: '整页', locations: [1, 2, 3, 4] },
          ],
        }),
      ),
    );
    expect(li).toContain('<a href="/plan/?a=1&amp;b=2">&quot;方案&quot;&lt;i&gt;</a>');
    expect(li).toContain('<p class="search-result__excerpt"><mark>措施</mark></p>');
    expect(li).toContain('<p class="search-result__section">相关段落：<a href="/plan/#b">二、&lt;措施&gt;</a></p>');
  });
  it('leaves out facts it does not have, and uses the address when there is no title', () => {
    const li = String(renderResult(page({ meta: {}, filters: {} })));
    expect(li).not.toContain('search-result__meta');
    expect(li).toContain('>/services/legal-aid/</a>');
  });
});

describe('a search filter', () => {
  it('offers 全部 and the values, with the asked-for one selected only if it is one of them', () => {
    const facet = { key: '类型', param: 'type' };
    expect(String(renderFilter(facet, ['服务指南', '方案'], '方案'))).toBe(
      '<div class="search-filter"><label for="search-filter-type">类型</label><select id="search-filter-type" data-facet="类型"><option value="">全部</option><option value="服务指南">服务指南</option><option value="方案" selected>方案</option></select></div>',
    );
    expect(String(renderFilter(facet, ['服务指南'], '不存在'))).not.toContain('selected');
  });
});

describe('mergeRuns', () => {
  const search = (query: string, reason: PlannedSearch['reason'], weight = 1): PlannedSearch => ({
    query,
    reason,
    weight,
    stage: 1,
  });
  const ids = (...xs: string[]) => xs.map((id) => ({ id }));

  it('orders the phrase run like the reader’s own and remembers which queries found each page', () => {
    const { ordered, foundBy } = mergeRuns(
      [
        { search: search('办理 条件', 'own'), results: ids('a', 'b', 'c') },
        { search: search('"办理条件"', 'phrase'), results: ids('c', 'b') },
        { search: search('办理 条 件', 'sub-terms', 0.5), results: ids('d') },
      ],
      {},
    );
    expect(ordered.map((r) => r.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(foundBy.get('c')).toEqual(['办理 条件', '"办理条件"']);
    expect(foundBy.get('d')).toEqual(['办理 条 件']);
  });
  it('keeps at most two pages of a group in front', () => {
    const { ordered } = mergeRuns([{ search: search('司法所', 'own'), results: ids('t1', 't2', 't3', 'guide') }], {
      t1: 'town',
      t2: 'town',
      t3: 'town',
    });
    expect(ordered.map((r) => r.id)).toEqual(['t1', 't2', 'guide', 't3']);
  });
  it('returns each page once, as the first run gave it', () => {
    const first = { id: 'a', from: 1 };
    const { ordered } = mergeRuns(
      [
        { search: search('x', 'own'), results: [first] },
        { search: search('y', 'synonym', 0.8), results: [{ id: 'a', from: 2 }] },
      ],
      {},
    );
    expect(ordered).toEqual([first]);
  });
});
