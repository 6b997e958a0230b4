/**
 * `laws`: statute texts the site cites, one Markdown file per law in content/laws/,
 * imported from the shared law library by `npm run laws:import`.
 * The body is the statute's text; src/lib/laws.ts splits it into articles.
 *
 * Whole texts are kept, but no page publishes one: pages show only the
 * articles they cite, each in a <details>. Keeping the whole text lets an
 * editor cite any article (and the build check it) without re-importing, and
 * keeps chapters and numbering right. The full official text is in
 * 国家法律法规数据库, https://flk.npc.gov.cn/ (no field here links to it yet).
 */
import { z } from 'astro/zod';

export const lawSchema = z.object({
  /** Full official title: 中华人民共和国法律援助法. */
  title: z.string().min(2),
  /** Short title used in citations: 法律援助法. */
  shortTitle: z.string().min(2),
  /** 法律 (passed by the NPC or its Standing Committee) or 行政法规 (State Council). */
  kind: z.enum(['法律', '行政法规']),
  /** Date of the version we hold (last amendment), YYYY-MM-DD. */
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Adoption and amendment history, as printed at the head of the statute. */
  history: z.array(z.string()).default([]),
  /** Where the text was taken from. */
  source: z.string(),
});
