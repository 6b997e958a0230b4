/** The build's page-shell bundle (functions/_shared/shell.ts): typed before the first build too. */
declare module '*/_shell/shells.json' {
  import type { ShellBundle } from '../../src/lib/shell.ts';
  const bundle: ShellBundle;
  export default bundle;
}

/** The build's 繁體 dictionary (functions/_shared/shell.ts): typed before the first build too. */
declare module '*/_i18n/zh-hant.json' {
  import type { Dictionary } from '../../src/lib/i18n/convert.ts';
  const dictionary: Dictionary;
  export default dictionary;
}

/** What a 法律咨询 answer may link to (functions/_shared/answer-links.ts): typed before the first build too. */
declare module '*/staff/answer-links.json' {
  import type { AnswerLinks } from '../../src/lib/consult/answer.ts';
  const links: AnswerLinks;
  export default links;
}
