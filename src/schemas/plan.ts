/**
 * `plan`: the 2012 plan 《台山市基层司法行政工作“三进”实施方案》, one MDX file per
 * part in content/plan/, in document order. Service pages render their work
 * line's part from here, so the plan's text exists once.
 *
 * In the bodies, <R id="r1">一</R> marks a character the text extraction lost and
 * an editor restored; the editor's note on /plan/ is generated from these marks.
 */
import { z } from 'astro/zod';
import { articleRef, workLineId } from './shared.ts';

export const planPartSchema = z.object({
  /** Position in the document, 1, 2, 3 … */
  order: z.number().int().positive(),
  /** Stable fragment id on /plan/ (e.g. legal-aid → /plan/#legal-aid). Never change a published one. */
  anchor: z.string().regex(/^[a-z0-9-]+$/, { error: 'anchor 只能用小写字母、数字和连字符' }),
  /**
   * The part's heading as plain text, restorations included, e.g. (五)法律援助工作,
   * for the table of contents. The body's first heading shows it with <R> marks;
   * a content test checks that the two agree. Omitted for the untitled preamble.
   */
  heading: z.string().min(1).optional(),
  /** 2 for the four numbered parts (一、…四、), 3 for parts inside them. */
  level: z.union([z.literal(2), z.literal(3)]),
  /** For the seven work-line parts of section 二: which service page shows this part. */
  workLine: workLineId.optional(),
});

/** `planDocument` (content/plan/document.yaml): facts about the document as published. */
export const planDocumentSchema = z.object({
  title: z.string(),
  /** 发布机构, as printed on the original page. */
  publisher: z.string(),
  /** 来源, as printed on the original page. */
  source: z.string(),
  /** Publication date and time as printed: "2012-07-06 08:41:15" (quoted in YAML). */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/),
  /** What has changed in the law since 2012, each with the articles that say so. */
  lawChanges: z.array(
    z.object({
      /** Short heading, e.g. 法律援助：从《法律援助条例》到《法律援助法》. */
      title: z.string(),
      /** One or two plain sentences; inline citations 《…》第N条 are checked at build time. */
      text: z.string(),
      /** The articles that support the statement; their text is shown on the page. */
      refs: z.array(articleRef).min(1),
    }),
  ),
});
