/**
 * Citations of statute articles, in two forms:
 *  - inline, in running text: 《中华人民共和国法律援助法》第三十一条、第三十二条
 *  - structured, in frontmatter: { law: 法律援助法, article: 31 }
 * Both must resolve to an article in the `laws` collection; the build fails
 * otherwise (rule `citations` in src/schemas/rules.ts), so a reader never meets a citation
 * the site cannot show.
 */
import { parseChineseNumber, toHalfWidth } from './chinese-numerals.ts';
import { articleKey, articleLabel, type Article, type Law, type LawIndex } from './laws.ts';

export interface ArticleRef {
  /** Law id, 中华人民共和国XX法 or XX法. */
  law: string;
  /** 43, "43", "第四十三条", "42之一", "42-1". */
  article: number | string;
}

export interface InlineCitation {
  /** The text as written, e.g. 《法律援助法》第三十一条、第三十二条. */
  raw: string;
  /** Offset of raw in the searched text. */
  index: number;
  /** The name inside 《》. */
  lawName: string;
  /** Article keys cited ("31", "42-1"); ranges (第一条至第三条) are expanded. */
  keys: string[];
}

export interface ResolvedArticle {
  law: Law;
  article: Article;
  /** Stable fragment id for the article on a page: law-legal-aid-law-43. */
  anchor: string;
  /** 《中华人民共和国法律援助法》第四十三条 */
  citation: string;
}

const NUM = '[零〇一二两三四五六七八九十百千0-9０-９]+';
const ART = `第(?:${NUM})条(?:之[一二三四五六七八九十]+)?(?:第${NUM}款)?(?:第(?:${NUM}|（[一二三四五六七八九十]+）)项)?`;
const SEP = '(?:、|和|及|与|以及|至|到)';
const INLINE = new RegExp(`《([^《》\\n]{2,40})》((?:${ART})(?:${SEP}(?:${ART}))*)`, 'g');
const ONE_ART = new RegExp(`(${SEP})?第(${NUM})条(?:之([一二三四五六七八九十]+))?`, 'g');

/** Finds every 《…》第N条 citation in a text. */
export function findInlineCitations(text: string): InlineCitation[] {
  const found: InlineCitation[] = [];
  for (const m of text.matchAll(INLINE)) {
    const keys: string[] = [];
    let previous: number | undefined;
    // Only the 第N条 parts name articles; 第N款 and 第N项 narrow them down.
    const articlePart = m[2]!.replace(new RegExp(`第(?:${NUM}|（[一二三四五六七八九十]+）)(?:款|项)`, 'g'), '');
    for (const a of articlePart.matchAll(ONE_ART)) {
      const n = parseChineseNumber(a[2]!);
      const suffix = a[3] ? parseChineseNumber(a[3]) : undefined;
      if ((a[1] === '至' || a[1] === '到') && previous !== undefined && !suffix) {
        for (let i = previous + 1; i < n; i++) keys.push(articleKey(i));
      }
      keys.push(articleKey(n, suffix));
      previous = n;
    }
    found.push({ raw: m[0], index: m.index!, lawName: m[1]!, keys });
  }
  return found;
}

/** Normalises a structured article reference to a key: 43 → "43", "第四十二条之一" → "42-1". */
export function parseArticleRef(article: number | string): string | undefined {
  if (typeof article === 'number') return Number.isInteger(article) && article > 0 ? String(article) : undefined;
  const t = toHalfWidth(article.trim());
  const m = t.match(/^(?:第)?([零〇一二两三四五六七八九十百千0-9]+)(?:条)?(?:(?:之|-)([一二三四五六七八九十0-9]+))?$/);
  if (!m) return undefined;
  const n = parseChineseNumber(m[1]!);
  const s = m[2] ? parseChineseNumber(m[2]) : undefined;
  if (!Number.isInteger(n) || n <= 0 || (s !== undefined && !(s > 0))) return undefined;
  return articleKey(n, s);
}

export function anchorFor(law: Law, key: string): string {
  return `law-${law.id}-${key}`;
}

export type Resolution = { ok: true; value: ResolvedArticle } | { ok: false; error: string };

/** Resolves one article of a law; the error says what is wrong and how to fix it. */
export function resolveArticle(
  index: LawIndex,
  lawName: string,
  key: string | undefined,
  written?: string,
): Resolution {
  const law = index.find(lawName);
  const shown = written ?? `《${lawName}》${key ? articleLabel(key) : ''}`;
  if (!law) {
    return {
      ok: false,
      error: `${shown}：本站没有收录《${lawName}》的条文。请检查法律名称是否写对（例如《中华人民共和国法律援助法》），或先用 npm run laws:import 导入这部法律。`,
    };
  }
  if (!key) {
    return { ok: false, error: `${shown}：条号写法无法识别。请写成数字（如 43）或“第四十三条”。` };
  }
  const article = law.articles.get(key);
  if (!article) {
    return {
      ok: false,
      error: `${shown}：《${law.title}》没有${articleLabel(key)}（本站收录的文本共 ${law.articles.size} 条）。请核对条号。`,
    };
  }
  return {
    ok: true,
    value: { law, article, anchor: anchorFor(law, key), citation: `《${law.title}》${article.label}` },
  };
}

export function resolveRef(index: LawIndex, ref: ArticleRef): Resolution {
  return resolveArticle(index, ref.law, parseArticleRef(ref.article), `${ref.law} 第 ${ref.article} 条`);
}

/** Resolves every inline citation in a text; returns the resolved articles and the errors. */
export function resolveText(index: LawIndex, text: string): { resolved: ResolvedArticle[]; errors: string[] } {
  const resolved: ResolvedArticle[] = [];
  const errors: string[] = [];
  for (const c of findInlineCitations(text)) {
    for (const key of c.keys) {
      const r = resolveArticle(index, c.lawName, key, c.raw);
      if (r.ok) resolved.push(r.value);
      else errors.push(r.error);
    }
  }
  return { resolved, errors };
}

/** Collects {law, article} objects anywhere in parsed frontmatter or data. */
export function collectRefs(data: unknown, path = ''): { path: string; ref: ArticleRef }[] {
  const out: { path: string; ref: ArticleRef }[] = [];
  if (Array.isArray(data)) {
    data.forEach((item, i) => out.push(...collectRefs(item, `${path}[${i}]`)));
  } else if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    if (typeof obj.law === 'string' && (typeof obj.article === 'number' || typeof obj.article === 'string')) {
      out.push({ path, ref: { law: obj.law, article: obj.article } });
    } else {
      for (const [k, v] of Object.entries(obj)) out.push(...collectRefs(v, path ? `${path}.${k}` : k));
    }
  }
  return out;
}

/** De-duplicates resolved articles, keeping first-seen order. */
export function uniqueArticles(list: ResolvedArticle[]): ResolvedArticle[] {
  const seen = new Set<string>();
  return list.filter((r) => (seen.has(r.anchor) ? false : (seen.add(r.anchor), true)));
}
