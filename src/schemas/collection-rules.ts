/**
 * Rules that belong to one collection: file names that become addresses, what
 * other collections an entry refers to, and facts across entries. The
 * collections table (src/schemas/collections.ts) attaches each to its
 * collection; src/schemas/rules.ts explains the model.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESERVED_SLUGS } from '../lib/cases.ts';
import { OFFICE_ID, OFFICE_TYPE_IDS, RESERVED_IDS } from '../lib/directory.ts';
import { findRestorations, firstHeading } from '../lib/restorations.ts';
import { BUREAU } from '../lib/site.ts';
import { WORK_LINES, WORK_LINE_IDS } from '../lib/taxonomy.ts';
import { lineOf, problem, type ContentRule, type LoadedContent, type LoadedEntry } from './rules.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const fileName = (e: LoadedEntry) => e.file.split('/').pop()!;
/** Entries that met their schema, with their data typed as the rule expects. */
const valid = <T>(content: LoadedContent, collection: string) =>
  (content.entries[collection] ?? []).filter((e) => e.data !== undefined) as (LoadedEntry & { data: T })[];

export const caseFileName: ContentRule = {
  id: 'cases.file-name',
  summary: 'A case file name is its address /cases/<name>/: a lowercase slug, not a list page’s (page, topic, …).',
  check: (content) =>
    (content.entries.cases ?? []).flatMap((e) => [
      ...(SLUG.test(e.id)
        ? []
        : [
            problem(
              'cases.file-name',
              e.file,
              `文件名只能用小写英文字母、数字和短横线（-）：文件名就是网址 /cases/<文件名>/。请改名，例如 unpaid-wages${extname(e.file)}。`,
            ),
          ]),
      ...(RESERVED_SLUGS.includes(e.id)
        ? [
            problem(
              'cases.file-name',
              e.file,
              `文件名不能是 ${RESERVED_SLUGS.join('、')}（列表页要用这些网址）：请给 ${fileName(e)} 换个名字。`,
            ),
          ]
        : []),
    ]),
};

export const serviceFileName: ContentRule = {
  id: 'services.file-name',
  summary: 'A service file is named by its work line’s id (legal-aid.md → /services/legal-aid/).',
  check: (content) =>
    (content.entries.services ?? [])
      .filter((e) => !(WORK_LINE_IDS as string[]).includes(e.id))
      .map((e) =>
        problem(
          'services.file-name',
          e.file,
          `文件名必须是工作条线的编号：${WORK_LINES.map((w) => `${w.id}.md（${w.name}）`).join('、')}。文件名就是网址 /services/<编号>/，请把文件改成其中一个名字。`,
        ),
      ),
};

export const servicesComplete: ContentRule = {
  id: 'services.complete',
  summary: 'Every work line has its service file (other pages link to /services/<id>/).',
  check: (content) =>
    WORK_LINES.filter((w) => !(content.entries.services ?? []).some((e) => e.id === w.id)).map((w) =>
      problem(
        'services.complete',
        `${content.specs.services!.kind === 'glob' ? content.specs.services!.dir : 'content/services'}/${w.id}.md`,
        `缺少“${w.name}”的办事指南：网站其他页面都链接到 /services/${w.id}/。请新建这个文件（可以复制另一份指南改写），或者把改错名字的文件改回 ${w.id}.md。`,
      ),
    ),
};

export const officeFileName: ContentRule = {
  id: 'offices.file-name',
  summary: 'An office file name is its id and address /directory/<id>/: a lowercase slug, not town, type or index.',
  check: (content) =>
    (content.entries.offices ?? []).flatMap((e) => [
      ...(OFFICE_ID.test(e.id)
        ? []
        : [
            problem(
              'offices.file-name',
              e.file,
              '文件名只能用小写英文字母、数字和短横线（-）：文件名就是机构编号，也是网址 /directory/<编号>/。请改名，例如 justice-office-dajiang.yaml。',
            ),
          ]),
      ...(RESERVED_IDS.includes(e.id)
        ? [
            problem(
              'offices.file-name',
              e.file,
              `文件名不能是 ${RESERVED_IDS.join('、')}：这些是名录自己的网址（/directory/town/ 等）。请换个名字，例如 law-firm-xxx.yaml。`,
            ),
          ]
        : []),
    ]),
};

export const officeNamesUnique: ContentRule = {
  id: 'offices.unique-names',
  summary: 'No two offices share a name (residents tell them apart by name).',
  check: (content) => {
    const offices = valid<{ name: string }>(content, 'offices');
    return offices.flatMap((e) => {
      const first = offices.find((o) => o.data.name === e.data.name)!;
      return first === e
        ? []
        : [
            problem(
              'offices.unique-names',
              e.file,
              `名称“${e.data.name}”和 ${fileName(first)} 重复了：每个机构的名称要不同，群众才分得清。`,
            ),
          ];
    });
  },
};

/** Phone-like numbers: landlines, mobiles, and any run of five or more digits. */
const NUMBER = /0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\b\d{5,}\b/g;

export const officeNoHiddenPhone: ContentRule = {
  id: 'offices.no-hidden-phone',
  summary: 'No phone number hides in an office’s name, notes or source: only `phone`, and only once verified.',
  check: (content) =>
    content.files
      .filter((f) => f.collection === 'offices' && !f.stray && !f.syntaxError)
      .flatMap((f) =>
        [...f.text.replace(/^phone:.*$/m, '').matchAll(NUMBER)]
          .filter((m) => m[0] !== BUREAU.phone && m[0] !== BUREAU.hotline)
          .map((m) =>
            problem(
              'offices.no-hidden-phone',
              f.file,
              `这里写了号码“${m[0]}”：机构的电话只能写在 phone 一栏，而且要向机构核实后（verified: true）才能公布。名称、说明和依据里不要写号码。`,
              lineOf(f.text, m.index!),
            ),
          ),
      ),
};

export const planWorkLines: ContentRule = {
  id: 'plan.work-lines',
  summary: 'Each work line has exactly one plan part (its service page shows that part).',
  check: (content) => {
    const parts = valid<{ workLine?: string }>(content, 'plan');
    return WORK_LINES.flatMap((w) => {
      const mine = parts.filter((p) => p.data.workLine === w.id);
      if (mine.length === 1) return [];
      if (!mine.length)
        return [
          problem(
            'plan.work-lines',
            content.specs.plan!.kind === 'glob' ? content.specs.plan!.dir : 'content/plan',
            `没有哪一部分写了 workLine: ${w.id}：${w.name}的服务页要显示方案对这项工作的要求。请在方案相应部分的文件开头加上 workLine: ${w.id}。`,
          ),
        ];
      return mine
        .slice(1)
        .map((p) =>
          problem(
            'plan.work-lines',
            p.file,
            `workLine: ${w.id} 已经写在 ${fileName(mine[0]!)} 里了：每项工作只对应方案的一部分，请删掉其中一处。`,
          ),
        );
    });
  },
};

export const planHeadings: ContentRule = {
  id: 'plan.headings',
  summary: 'A plan part’s `heading` (for the table of contents) equals its body’s first heading.',
  check: (content) =>
    valid<{ heading?: string }>(content, 'plan')
      .filter((p) => p.data.heading !== undefined && firstHeading(p.body) !== p.data.heading)
      .map((p) =>
        problem(
          'plan.headings',
          p.file,
          `文件开头的 heading“${p.data.heading}”和正文的第一个标题“${firstHeading(p.body) ?? '（没有标题）'}”不一致：两处要一字不差（目录用 heading，正文显示标题）。`,
        ),
      ),
};

export const planRestorations: ContentRule = {
  id: 'plan.restorations',
  summary: 'Every character lost in extraction (shown as “()”) is restored with <R id>, each id once.',
  check: (content) => {
    const parts = content.entries.plan ?? [];
    const seen = new Map<string, string>();
    return parts.flatMap((p) => [
      ...[...p.body.matchAll(/\(\)|（）/g)].map(() =>
        problem(
          'plan.restorations',
          p.file,
          '原文这里丢了字，显示成“()”：请用 <R id="r编号">补入的字</R> 标出补全的字，页面的编者注会列出它。',
        ),
      ),
      ...findRestorations(p.body).flatMap((r) => {
        const other = seen.get(r.id);
        seen.set(r.id, other ?? fileName(p));
        return other
          ? [
              problem(
                'plan.restorations',
                p.file,
                `补字标记 <R id="${r.id}"> 的编号和 ${other} 里的重复了：每处补字的编号要不同。`,
              ),
            ]
          : [];
      }),
    ]);
  },
};

export const planDocumentOne: ContentRule = {
  id: 'planDocument.one-entry',
  summary: 'content/plan/document.yaml holds exactly one entry: the plan as published.',
  check: (content) => {
    const file = content.files.find((f) => f.collection === 'planDocument');
    const n = (content.entries.planDocument ?? []).length;
    return file && !file.missing && !file.syntaxError && !file.shapeError && n !== 1
      ? [
          problem(
            'planDocument.one-entry',
            file.file,
            `这里要有且只有一项：方案的发布信息（标题、发布机构、来源、发布日期、法律变化说明），现在有 ${n} 项。`,
          ),
        ]
      : [];
  },
};

export const officeTypesComplete: ContentRule = {
  id: 'officeTypes.complete',
  summary: 'office-types.yaml describes every fixed office type (each has a page /directory/type/<id>/).',
  check: (content) => {
    const file = content.files.find((f) => f.collection === 'officeTypes');
    if (!file || file.missing || file.syntaxError || file.shapeError) return [];
    const ids = (content.entries.officeTypes ?? []).map((e) => e.id);
    return OFFICE_TYPE_IDS.filter((id) => !ids.includes(id)).map((id) =>
      problem(
        'officeTypes.complete',
        file.file,
        `缺少机构类型 ${id} 的说明：${OFFICE_TYPE_IDS.length} 种机构类型每种都要有一项（id: ${id}），页面 /directory/type/${id}/ 要用它。`,
      ),
    );
  },
};

export const officeTypePlanAnchor: ContentRule = {
  id: 'officeTypes.plan-anchor',
  summary: 'An office type’s `plan` names a part of the plan (an `anchor` in content/plan/).',
  check: (content) => {
    const anchors = valid<{ anchor: string }>(content, 'plan').map((p) => p.data.anchor);
    return valid<{ plan?: string }>(content, 'officeTypes')
      .filter((t) => t.data.plan !== undefined && !anchors.includes(t.data.plan))
      .map((t) =>
        problem(
          'officeTypes.plan-anchor',
          t.file,
          `字段 ${t.at}.plan：方案里没有“${t.data.plan}”这一部分。可以写的有：${anchors.join('、')}（content/plan/ 各文件开头的 anchor）。`,
        ),
      );
  },
};

export const adviserRecordIds: ContentRule = {
  id: 'legalAdvisers.record-id',
  summary: 'A legal-adviser record id is a lowercase slug (dajiang-xxx-cun).',
  check: (content) =>
    (content.entries.legalAdvisers ?? [])
      .filter((e) => !SLUG.test(e.id))
      .map((e) =>
        problem(
          'legalAdvisers.record-id',
          e.file,
          `字段 ${e.id}：记录编号“${e.id}”只能用小写字母、数字和短横线，例如 dajiang-xxx-cun`,
        ),
      ),
};

/** A phrase belongs to one entry of a phrase list (the synonyms, the best bets) only. */
function phrasesOnce(collection: string, id: string, what: string): ContentRule {
  return {
    id,
    summary: `A phrase belongs to one ${collection} entry only.`,
    check: (content) => {
      const owner = new Map<string, string>();
      return valid<{ phrases: string[] }>(content, collection).flatMap((e) =>
        e.data.phrases.flatMap((phrase) => {
          const other = owner.get(phrase);
          if (!other) owner.set(phrase, e.id);
          return other && other !== e.id
            ? [problem(id, e.file, `字段 ${e.at}.phrases：${what}“${phrase}”已经写在 ${other} 里了，请合并到一处`)]
            : [];
        }),
      );
    },
  };
}

export const synonymPhrasesOnce = phrasesOnce('synonyms', 'synonyms.phrases-once', '日常说法');
export const bestBetPhrasesOnce = phrasesOnce('bestBets', 'bestBets.phrases-once', '说法');

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

/**
 * Does a site path (/apply/legal-aid/) name a page the build makes? A page
 * file in src/pages (code, not content), or /<collection>/<id>/ of an entry
 * (/cases/unpaid-wages-contractor-fled/, /services/mediation/).
 */
function sitePageExists(path: string, content: LoadedContent): boolean {
  const rel = path.replace(/^\/|\/$/g, '');
  if (rel === '' || existsSync(join(PAGES_DIR, rel, 'index.astro')) || existsSync(join(PAGES_DIR, `${rel}.astro`)))
    return true;
  const [collection, id, ...more] = rel.split('/');
  return more.length === 0 && !!id && (content.entries[collection!] ?? []).some((e) => e.id === id);
}

export const bestBetLinksExist: ContentRule = {
  id: 'bestBets.links-exist',
  summary: 'Every best-bet link to this site names a page the build makes.',
  // Like synonyms.words-used: deleting a case a box links to must not stop
  // that deletion from going live; /search/best-bets.json leaves such a link out.
  advisory: true,
  check: (content) =>
    valid<{ links: { href: string }[] }>(content, 'bestBets').flatMap((e) =>
      e.data.links
        .filter((l) => l.href.startsWith('/') && !sitePageExists(l.href, content))
        .map((l) =>
          problem(
            'bestBets.links-exist',
            e.file,
            `字段 ${e.at}.links：本站没有“${l.href}”这个页面。请在网站上打开要链接的页面，照地址栏里 / 后面的部分写，例如 /apply/legal-aid/`,
          ),
        ),
    ),
};

export const synonymWordsUsed: ContentRule = {
  id: 'synonyms.words-used',
  summary: 'Every `searchAlso` word appears in the published content (a word no page uses finds nothing).',
  // Deleting the one article that used a word must not stop that deletion from going live.
  advisory: true,
  check: (content) => {
    const text = content.files
      .filter((f) => f.collection !== 'laws' && f.collection !== 'synonyms')
      .map((f) => f.text)
      .join('\n');
    return valid<{ searchAlso: string[] }>(content, 'synonyms').flatMap((e) =>
      e.data.searchAlso
        .filter((w) => !text.includes(w))
        .map((w) =>
          problem(
            'synonyms.words-used',
            e.file,
            `字段 ${e.at}.searchAlso：页面用词“${w}”在网站内容里找不到，搜索它什么也找不到。请先在网站里搜一下，换成页面上实际用的词。`,
          ),
        ),
    );
  },
};

export const incomeFigureYears: ContentRule = {
  id: 'legalAidStandard.years',
  summary: 'Each figure of legal-aid-standard.yaml is keyed by its year, and was published after that year.',
  check: (content) =>
    (content.entries.legalAidStandard ?? []).flatMap((e) => {
      if (!/^(19|20)\d{2}$/.test(e.id))
        return [
          problem(
            'legalAidStandard.years',
            e.file,
            `“${e.id}”不是年份：figures 下面每一项以数字所属的年份开头，例如 2025:`,
          ),
        ];
      const published = (e.data as { published?: Date } | undefined)?.published;
      return published && published.getUTCFullYear() <= Number(e.id)
        ? [
            problem(
              'legalAidStandard.years',
              e.file,
              `${e.id}年的数字不会在${e.id}年内发布：请检查年份（写数字所属的年份）和发布日期（published）`,
            ),
          ]
        : [];
    }),
};
