/** Search logic in src/lib/search/: query normalisation and planning, everyday words, merging, excerpts, result checks. */
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalizeQuery } from '../../src/lib/search/normalize.ts';
import { expandQuery, MAX_VARIANTS, type SynonymRule } from '../../src/lib/search/synonyms.ts';
import {
  contentWords,
  cutIntoPairs,
  dropCommonWords,
  phraseQuery,
  planSearch,
  queryWords,
  subTermQuery,
  withoutSingleCharacters,
} from '../../src/lib/search/query.ts';
import { bestBetFor, renderBestBet, type BestBet } from '../../src/lib/search/best-bets.ts';
import { renderExcerpt, summaryExcerpt } from '../../src/lib/search/render.ts';
import { diversify, framingOnlyBreaksTies, fuseRankings, mergeRuns, orderLike } from '../../src/lib/search/fuse.ts';
import { excerptParts, markWords, withoutSingleCharacterMarks } from '../../src/lib/search/excerpt.ts';
import { evidenceWords, isConfirmed } from '../../src/lib/search/verify.ts';

const RULES: SynonymRule[] = [
  { phrases: ['讨薪', '欠薪', '工资拖欠'], searchAlso: ['拖欠工资', '劳动报酬'] },
  { phrases: ['车祸'], searchAlso: ['交通事故'] },
  { phrases: ['霸凌', '校园霸凌'], searchAlso: ['欺凌'] },
  { phrases: ['请不起律师', '打官司没钱'], searchAlso: ['法律援助'] },
];

describe('normalizeQuery', () => {
  it('makes full-width letters, digits and spaces half-width and collapses spaces', () => {
    expect(normalizeQuery('　１２３４８　　法律援助 ')).toBe('12348 法律援助');
    expect(normalizeQuery('ＡＢＣ')).toBe('ABC');
  });
  it('drops control characters and caps the length', () => {
    expect(normalizeQuery('调解\u0000\u200b免费')).toBe('调解 免费');
    expect(normalizeQuery('法'.repeat(200))).toHaveLength(MAX_QUERY_LENGTH);
  });
  it('leaves an empty query empty', () => {
    expect(normalizeQuery('   ')).toBe('');
  });
});

describe('expandQuery', () => {
  it('adds the page words for an everyday phrase', () => {
    expect(expandQuery('讨薪', RULES)).toMatchObject({
      variants: ['拖欠工资', '劳动报酬'],
      alsoSearched: ['拖欠工资', '劳动报酬'],
    });
  });
  it('marks each entry’s first page word as its main one', () => {
    expect(expandQuery('讨薪', RULES).expansions).toEqual([
      { variant: '拖欠工资', word: '拖欠工资', main: true },
      { variant: '劳动报酬', word: '劳动报酬', main: false },
    ]);
    expect(expandQuery('讨薪 拖欠工资', RULES).expansions).toEqual([
      { variant: '劳动报酬 拖欠工资', word: '劳动报酬', main: false },
    ]);
  });
  it('keeps the rest of the query', () => {
    expect(expandQuery('车祸 台城', RULES).variants).toEqual(['交通事故 台城']);
    expect(expandQuery('我被欠薪了', RULES).variants).toEqual(['我被拖欠工资了', '我被劳动报酬了']);
  });
  it('prefers the longest phrase and lets each part of the query match once', () => {
    expect(expandQuery('校园霸凌', RULES)).toMatchObject({ variants: ['欺凌'], alsoSearched: ['欺凌'] });
  });
  it('expands several phrases in one query', () => {
    expect(expandQuery('车祸 请不起律师', RULES).alsoSearched).toEqual(['法律援助', '交通事故']);
  });
  it('adds nothing when the reader already used the page word or no phrase matches', () => {
    expect(expandQuery('讨薪 劳动报酬', RULES)).toMatchObject({
      variants: ['拖欠工资 劳动报酬'],
      alsoSearched: ['拖欠工资'],
    });
    expect(expandQuery('公证', RULES)).toEqual({ variants: [], alsoSearched: [], expansions: [], rest: '公证' });
    expect(expandQuery('', RULES)).toEqual({ variants: [], alsoSearched: [], expansions: [], rest: '' });
  });
  it('caps the number of extra searches', () => {
    const many: SynonymRule[] = [{ phrases: ['甲'], searchAlso: ['一', '二', '三', '四', '五', '六', '七', '八'] }];
    expect(expandQuery('甲', many).variants).toHaveLength(MAX_VARIANTS);
  });
});

describe('query words and the segmentation workaround', () => {
  it('segments like the browser does, dropping spaces and punctuation', () => {
    expect(queryWords('法律援助，条件')).toEqual(['法律', '援助', '条件']);
    expect(queryWords('12348 热线')).toEqual(['12348', '热线']);
  });
  it('drops question words but keeps the query when nothing else is left', () => {
    expect(contentWords('怎么申请法律援助')).toBe('申请 法律 援助');
    expect(contentWords('公证需要带什么材料')).toBe('公证 材料');
    expect(contentWords('法律援助')).toBe('法律援助');
    expect(contentWords('怎么办')).toBe('怎么办');
  });
  it('cuts Han words of three or more characters into pairs', () => {
    expect(cutIntoPairs('正当理由')).toEqual(['正当', '理由']);
    expect(cutIntoPairs('十七条')).toEqual(['十七', '条']);
    expect(subTermQuery('正当理由')).toBe('正当 理由');
    expect(subTermQuery('交通事故 赔偿')).toBe('交通 事故 赔偿');
  });
  it('has nothing to rewrite when every word is short or not Chinese', () => {
    expect(subTermQuery('法律援助')).toBeNull(); // the browser already splits it: 法律 | 援助
    expect(subTermQuery('12348')).toBeNull();
  });
});

describe('planSearch', () => {
  it('runs the reader’s words first, then everyday-word variants, then sub-term rewrites', () => {
    const plan = planSearch(' 车祸 ', RULES);
    expect(plan.query).toBe('车祸');
    expect(plan.searches.map((s) => [s.query, s.reason])).toEqual([
      ['车祸', 'own'],
      ['交通事故', 'synonym'],
      ['交通 事故', 'sub-terms'],
    ]);
    expect(plan.alsoSearched).toEqual(['交通事故']);
    expect(planSearch('讨薪', RULES).searches.map((s) => s.query)).toEqual(['讨薪', '拖欠工资', '劳动报酬']);
  });
  it('runs an everyday phrase’s other page words and the rewrites in later stages, and says which word each variant adds', () => {
    expect(planSearch('讨薪', RULES).searches.map((s) => [s.query, s.stage, s.adds])).toEqual([
      ['讨薪', 1, undefined],
      ['拖欠工资', 1, '拖欠工资'],
      ['劳动报酬', 2, '劳动报酬'],
    ]);
    expect(planSearch('车祸', RULES).searches.map((s) => s.stage)).toEqual([1, 1, 3]);
  });
  it('does not count the reader’s own words towards a page of results when they are only everyday phrases', () => {
    expect(expandQuery('我被欠薪了', RULES).rest).toBe('我被 了');
    expect(planSearch('我被欠薪了', RULES).searches.map((s) => [s.query, s.weak])).toEqual([
      ['欠薪', true],
      ['拖欠 工资', undefined], // content words of 我被拖欠工资了
      ['劳动 报酬', undefined],
    ]);
    expect(planSearch('讨薪 台城', RULES).searches[0]).not.toHaveProperty('weak');
    expect(planSearch('公证', RULES).searches[0]).not.toHaveProperty('weak');
  });
  it('searches a typed word the browser splits also as a phrase, with the same words', () => {
    expect(phraseQuery('办理条件')).toBe('"办理条件"');
    expect(planSearch('办理条件').searches.map((s) => [s.query, s.reason, s.stage])).toEqual([
      ['办理条件', 'own', 1],
      ['"办理条件"', 'phrase', 1],
    ]);
    expect(phraseQuery('调解')).toBeNull(); // one word
    expect(phraseQuery('交通事故 赔偿')).toBeNull(); // the reader chose separate words
    expect(phraseQuery('法律援助', { 法律: 0.95 })).toBeNull(); // 法律 is not looked up
  });
  it('searches a question by its content words', () => {
    expect(planSearch('怎么申请法律援助').searches).toEqual([
      { query: '申请 法律 援助', weight: 1, reason: 'content-words', stage: 1 },
      // Looser, when that found less than a page: each word alone.
      { query: '申请', weight: 0.5, reason: 'one-word', stage: 2 },
      { query: '法律', weight: 0.5, reason: 'one-word', stage: 2 },
      { query: '援助', weight: 0.5, reason: 'one-word', stage: 2 },
    ]);
  });
  it('weighs the reader’s own words highest', () => {
    const weights = planSearch('车祸', RULES).searches.map((s) => s.weight);
    expect(weights[0]).toBe(1);
    expect(Math.max(...weights.slice(1))).toBeLessThan(1);
  });
  it('plans nothing for an empty query', () => {
    expect(planSearch('  ', RULES)).toEqual({ query: '', searches: [], alsoSearched: [] });
  });
});

describe('dropCommonWords', () => {
  const common = { 法律: 0.98, 申请: 0.93, '12348': 0.95 };
  it('drops words found on nearly every page when other words remain', () => {
    expect(dropCommonWords('法律援助', common)).toBe('援助');
    expect(dropCommonWords('12348 热线', common)).toBe('热线');
  });
  it('keeps a query made only of common words, and any query when nothing is common', () => {
    expect(dropCommonWords('法律', common)).toBe('法律');
    expect(dropCommonWords('申请 法律', common)).toBe('申请 法律');
    expect(dropCommonWords('法律援助')).toBe('法律援助');
  });
  it('applies to every planned search', () => {
    expect(planSearch('怎么申请法律援助', [], common).searches.map((s) => s.query)).toEqual(['援助']);
    expect(planSearch('请不起律师', RULES, common).searches.map((s) => s.query)).toEqual(['请不起律师', '援助']);
  });
});

describe('fuseRankings', () => {
  it('ranks pages found by several searches higher, and the reader’s own search highest', () => {
    expect(
      fuseRankings([
        { weight: 1, ids: ['a', 'b'] },
        { weight: 0.5, ids: ['c', 'b'] },
      ]),
    ).toEqual(['b', 'a', 'c']);
  });
  it('keeps the first list’s order on ties and returns each id once', () => {
    expect(
      fuseRankings([
        { weight: 1, ids: ['x'] },
        { weight: 1, ids: ['y'] },
      ]),
    ).toEqual(['x', 'y']);
    expect(fuseRankings([])).toEqual([]);
  });
  it('lets tie-breaking lists only order pages the others score alike, and put the pages only they found last', () => {
    expect(
      fuseRankings([
        { weight: 1, ids: ['case', 'guide'] },
        { weight: 1, ids: ['guide', 'other'], tiebreak: true },
        { weight: 1, ids: ['x', 'y'] },
      ]),
    ).toEqual(['case', 'x', 'guide', 'y', 'other']);
  });
});

describe('a spoken question’s task and its framing', () => {
  const rules: SynonymRule[] = [{ phrases: ['不给工资'], searchAlso: ['拖欠工资', '劳动报酬'] }];
  const plan = planSearch('老板不给工资怎么办', rules);
  const search = (q: string) => plan.searches.find((s) => s.query === q)!;
  const run = (q: string, ids: string[]) => ({ search: search(q), results: ids.map((id) => ({ id })) });
  it('marks the page words alone as the task, the reader’s other words as framing', () => {
    expect(plan.searches.map((s) => [s.query, s.task ?? false, s.framing ?? false])).toEqual([
      ['老板 不 工资', false, true],
      ['拖欠工资', true, false],
      ['老板 拖欠 工资', false, true],
      ['劳动报酬', true, false],
      ['老板 劳动 报酬', false, true],
    ]);
    expect(planSearch('讨薪', RULES).searches.some((s) => s.task || s.framing)).toBe(false);
  });
  // The runs as measured on the built site (pagefind 1.6, 2026-12-07).
  const runs = [
    run('拖欠工资', ['case', 'guide', 'publicity']),
    run('老板 拖欠 工资', ['guide']),
    run('劳动报酬', ['case', 'no-contract', 'hiring', 'guide', 'mediation']),
    run('老板 劳动 报酬', ['hiring', 'no-contract', 'guide']),
    run('老板 不 工资', ['guide', 'hiring', 'no-contract', 'lawyers', 'injury', 'resettlement']),
  ];
  it('ranks a specific task by its page words: the case first for both leads', () => {
    expect(framingOnlyBreaksTies(runs)).toBe(true);
    const ids = mergeRuns(runs, {}).ordered.map((r) => r.id);
    expect(ids[0]).toBe('case');
    expect(ids.slice(-3)).toEqual(['lawyers', 'injury', 'resettlement']);
  });
  it('counts the framing in full when the task’s page words alone find more than a page', () => {
    const many = Array.from({ length: 11 }, (_, i) => `p${i}`);
    expect(framingOnlyBreaksTies([run('拖欠工资', many), run('老板 拖欠 工资', ['p9'])])).toBe(false);
    expect(framingOnlyBreaksTies([run('老板 拖欠 工资', ['p9'])])).toBe(false);
  });
});

describe('orderLike', () => {
  it('puts ids in the reference order, unknown ones after in their own order', () => {
    expect(orderLike(['c', 'x', 'a', 'y', 'b'], ['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(orderLike([], ['a'])).toEqual([]);
  });
});

describe('diversify', () => {
  const groups: Record<string, string> = {
    t1: 'town',
    t2: 'town',
    t3: 'town',
    t4: 'town',
    s1: 'station',
    s2: 'station',
    s3: 'station',
  };
  const groupOf = (id: string) => groups[id];
  it('keeps the first two of a group in place and moves the rest after the other results, in order', () => {
    expect(diversify(['t1', 't2', 't3', 'guide', 't4', 'plan'], groupOf)).toEqual([
      't1',
      't2',
      'guide',
      'plan',
      't3',
      't4',
    ]);
  });
  it('counts each group separately and leaves pages without a group alone', () => {
    expect(diversify(['s1', 't1', 's2', 's3', 't2', 't3', 'a'], groupOf, 1)).toEqual([
      's1',
      't1',
      'a',
      's2',
      's3',
      't2',
      't3',
    ]);
    expect(diversify(['a', 'b'], groupOf)).toEqual(['a', 'b']);
    expect(diversify([], groupOf)).toEqual([]);
  });
});

describe('excerptParts', () => {
  it('keeps <mark> and text only', () => {
    expect(excerptParts('申请<mark>法律援助</mark>的条件')).toEqual([
      { text: '申请', mark: false },
      { text: '法律援助', mark: true },
      { text: '的条件', mark: false },
    ]);
  });
  it('drops every other tag and never returns markup', () => {
    const parts = excerptParts(
      '<img src=x onerror=alert(1)><script>alert(1)</script><b>粗</b><mark class="x">标</mark>',
    );
    expect(parts).toEqual([
      { text: 'alert(1)粗', mark: false },
      { text: '标', mark: true },
    ]);
  });
  it('decodes entities to text, so escaped markup stays text', () => {
    expect(excerptParts('&lt;script&gt; &amp; &#x4e2d;&#25991; &quot;x&quot;')).toEqual([
      { text: '<script> & 中文 "x"', mark: false },
    ]);
  });
  it('turns pagefind’s block separators into Chinese full stops', () => {
    expect(excerptParts('. 村居. 企业. <mark>社区矫正</mark>. 被判处管制. Version 2.5 ok')).toEqual([
      { text: '村居。企业。', mark: false },
      { text: '社区矫正', mark: true },
      { text: '。被判处管制。Version 2.5 ok', mark: false },
    ]);
  });
  it('survives broken markup without letting any through', () => {
    expect(excerptParts('a < b <mark>c')).toEqual([{ text: 'a c', mark: false }]);
    expect(excerptParts('x</mark>y<mark')).toEqual([{ text: 'xymark', mark: false }]);
  });
});

describe('isConfirmed', () => {
  it('confirms a page that contains a real word of a search that found it', () => {
    expect(isConfirmed('……申请法律援助的条件……', ['法律援助 条件'])).toBe(true);
    expect(isConfirmed('刑满释放人员', ['出狱', '刑满释放'])).toBe(true);
  });
  it('rejects pagefind’s fallback matches: 出狱 is not confirmed by 出国', () => {
    expect(isConfirmed('办理出国公证', ['出狱'])).toBe(false);
  });
  it('does not count single characters as evidence unless they are the whole search', () => {
    expect(evidenceWords('调解 钱')).toEqual(['调解']);
    expect(evidenceWords('钱')).toEqual(['钱']);
  });
  it('ignores case and whitespace', () => {
    expect(isConfirmed('拨打 12348 热线', ['12348'])).toBe(true);
    expect(isConfirmed('Taishan Justice', ['taishan'])).toBe(true);
  });
});

describe('spoken questions', () => {
  const rules: SynonymRule[] = [{ phrases: ['不给工资'], searchAlso: ['拖欠工资', '劳动报酬'] }];
  it('searches a question’s page words alone first, its own words last, and looser searches only without a phrase', () => {
    const plan = planSearch('老板不给工资怎么办', rules);
    expect(plan.searches.map((s) => [s.query, s.reason, s.stage])).toEqual([
      ['老板 不 工资', 'content-words', 3],
      ['拖欠工资', 'synonym', 1],
      ['老板 拖欠 工资', 'synonym', 1],
      ['劳动报酬', 'synonym', 2],
      ['老板 劳动 报酬', 'synonym', 2],
    ]);
    expect(planSearch('我想离婚孩子归谁').searches.map((s) => [s.query, s.stage])).toEqual([
      ['离婚 孩子 归', 1],
      ['离婚 孩子', 2],
      ['离婚', 2],
      ['孩子', 2],
    ]);
    // Not for a query that is no question: the reader chose every word.
    expect(
      planSearch('欠薪 台城', [{ phrases: ['欠薪'], searchAlso: ['拖欠工资'] }]).searches.map((s) => s.query),
    ).not.toContain('拖欠工资');
  });
  it('drops lone characters only when something else is left', () => {
    expect(withoutSingleCharacters('离婚 孩子 归')).toBe('离婚 孩子');
    expect(withoutSingleCharacters('离婚 孩子')).toBeNull();
    expect(withoutSingleCharacters('不 给')).toBeNull();
  });
  it('takes the question words of the page’s script', () => {
    expect(contentWords('怎麼申請', new Set(['怎麼']))).toBe('申請');
    expect(contentWords('怎麼申請')).toBe('怎麼申請');
  });
});

describe('excerpt marks', () => {
  it('never marks a lone character, keeps longer marks and text', () => {
    const parts = withoutSingleCharacterMarks(excerptParts('老板<mark>不</mark>给<mark>工资</mark>，<mark>不</mark>'));
    expect(parts).toEqual([
      { text: '老板不给', mark: false },
      { text: '工资', mark: true },
      { text: '，不', mark: false },
    ]);
    expect(String(renderExcerpt('<mark>法律援助</mark>的<mark>的</mark>'))).toBe('<mark>法律援助</mark>的的');
  });
});

describe('the summary as the excerpt', () => {
  const data = (summary?: string) => ({
    url: '/cases/x/',
    content: '',
    excerpt: '<mark>工资</mark>',
    meta: summary === undefined ? {} : { summary },
    filters: {},
  });
  it('marks the searched words in the summary, longest first, case kept', () => {
    expect(markWords('讨薪申请法律援助, PDF', ['法律', '法律援助', 'pdf'])).toEqual([
      { text: '讨薪申请', mark: false },
      { text: '法律援助', mark: true },
      { text: ', ', mark: false },
      { text: 'PDF', mark: true },
    ]);
    expect(markWords('讨薪', ['离婚'])).toBeUndefined();
  });
  it('is preferred when it has a searched word, escaped; otherwise pagefind’s excerpt stays', () => {
    expect(String(summaryExcerpt(data('农民工<b>讨薪</b>'), ['讨薪']))).toBe(
      '农民工&lt;b&gt;<mark>讨薪</mark>&lt;/b&gt;',
    );
    expect(summaryExcerpt(data('农民工讨薪'), ['离婚'])).toBeUndefined();
    expect(summaryExcerpt(data(), ['讨薪'])).toBeUndefined();
  });
});

describe('best bets', () => {
  const bets: BestBet[] = [
    {
      title: '被拖欠工资，可以这样办',
      phrases: ['欠薪', '不给工资'],
      links: [{ text: '申请法律援助', href: '/apply/legal-aid/' }],
    },
    { title: '请不起律师', phrases: ['找律师'], links: [{ text: '拨打 12348', href: 'tel:12348', hint: '免费' }] },
  ];
  it('picks the entry with the longest phrase in the query, or none', () => {
    expect(bestBetFor('老板不给工资怎么办', bets)?.title).toBe('被拖欠工资，可以这样办');
    expect(bestBetFor('欠薪 找律师', bets)?.title).toBe('请不起律师');
    expect(bestBetFor('不给 工资', bets)?.title).toBe('被拖欠工资，可以这样办');
    expect(bestBetFor('公证', bets)).toBeUndefined();
  });
  it('draws links under the base path, phone links as they are, everything escaped', () => {
    const out = String(renderBestBet(bets[0]!, '/sub/'));
    expect(out).toContain('href="/sub/apply/legal-aid/"');
    expect(out).toContain('<h2 class="search-bestbet__title" id="search-bestbet-title">被拖欠工资，可以这样办</h2>');
    expect(String(renderBestBet(bets[1]!, '/'))).toContain(
      'href="tel:12348">拨打 12348</a><span class="search-bestbet__hint">免费</span>',
    );
    expect(String(renderBestBet({ ...bets[1]!, title: '<b>x</b>' }, '/'))).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
