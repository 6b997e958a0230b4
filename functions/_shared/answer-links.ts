/**
 * What a 法律咨询 answer may link to: the list the build wrote from the
 * content (src/pages/staff/answer-links.json.ts). Imported, not fetched, so
 * the function checks links against the pages of its own build; in-process
 * tests get tests/fixtures/answer-links.json (vitest.config.ts).
 */
import links from '../../dist/staff/answer-links.json' with { type: 'json' };
import type { AnswerLinks } from '../../src/lib/consult/answer.ts';

export const answerLinks: AnswerLinks = links as AnswerLinks;
