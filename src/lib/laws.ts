/**
 * Statute texts: parsing a law file's body into articles, and looking articles up.
 * Pure functions, shared by the build-time citation check
 * (rule `citations` in src/schemas/rules.ts), the pages and the tests.
 */
import { parseChineseNumber, toChineseNumber } from './chinese-numerals.ts';

export interface Article {
  /** Lookup key: "43", or "42-1" for 第四十二条之一. */
  key: string;
  /** As printed in the statute: 第四十三条. */
  label: string;
  /** Paragraphs (款) of the article, in order. */
  paragraphs: string[];
  /** The chapter (and section) heading the article stands under. */
  chapter: string;
}

export interface LawMeta {
  /** 中华人民共和国法律援助法 */
  title: string;
  /** 法律援助法 */
  shortTitle: string;
}

export interface Law extends LawMeta {
  id: string;
  articles: Map<string, Article>;
}

const ARTICLE_START = /^第([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?[\s\u3000]+(.*)$/;

export function articleKey(number: number, suffix?: number): string {
  return suffix ? `${number}-${suffix}` : String(number);
}

export function articleLabel(key: string): string {
  const [n, s] = key.split('-').map(Number);
  return `第${toChineseNumber(n!)}条${s ? `之${toChineseNumber(s)}` : ''}`;
}

/** Splits a law file's Markdown body into articles. Headings (#…) set the chapter. */
export function parseArticles(body: string): Map<string, Article> {
  const articles = new Map<string, Article>();
  let chapter: string[] = [];
  let current: Article | undefined;
  for (const raw of body.replace(/\r/g, '').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('<!--')) continue;
    const heading = line.match(/^(#+)\s*(.*)$/);
    if (heading) {
      const depth = heading[1]!.length;
      // Index by depth, so a ## after a ## replaces it even when there is no # above.
      const next = chapter.slice(0, depth - 1);
      next[depth - 1] = heading[2]!.replace(/[\s\u3000]+/g, ' ');
      chapter = next;
      current = undefined;
      continue;
    }
    const start = line.match(ARTICLE_START);
    if (start) {
      const key = articleKey(parseChineseNumber(start[1]!), start[2] ? parseChineseNumber(start[2]) : undefined);
      current = {
        key,
        label: articleLabel(key),
        paragraphs: [start[3]!.trim()],
        chapter: chapter.filter(Boolean).join(' · '),
      };
      articles.set(key, current);
    } else if (current) {
      current.paragraphs.push(line);
    }
  }
  return articles;
}

/** Index of laws by every name an editor may use: id, full title, short title. */
export class LawIndex {
  readonly laws: Law[];
  private byName = new Map<string, Law>();
  constructor(laws: Law[]) {
    this.laws = laws;
    for (const law of laws) {
      for (const name of [law.id, law.title, law.shortTitle]) this.byName.set(name, law);
    }
  }

  static fromEntries(entries: { id: string; data: LawMeta; body: string }[]): LawIndex {
    return new LawIndex(entries.map((e) => ({ id: e.id, ...e.data, articles: parseArticles(e.body) })));
  }

  /** Finds a law by id, 中华人民共和国XX法 or XX法. */
  find(name: string): Law | undefined {
    const clean = name.trim();
    return this.byName.get(clean) ?? this.byName.get(clean.replace(/^中华人民共和国/, ''));
  }
}
