/**
 * OpenCC's full s2hk dictionaries (opencc-js, pinned), for the build step
 * only: 1.3 MB of data that must never reach a page or a function. The
 * functions and the browser get the cut-down dictionary the build writes
 * (src/lib/i18n/convert.ts, `cutDown`).
 *
 * Stage 1: STPhrases, STPhrases_GeneratedFromRegionalPhrases, STCharacters
 * (simplified → OpenCC standard traditional). Stage 2: HKVariantsPhrases,
 * HKVariants (→ Hong Kong standard forms). The same chain as opencc-js's
 * `Converter({ from: 'cn', to: 'hk' })`; tests/unit/i18n-convert.test.ts
 * compares the two on the site's own text.
 */
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrasesGenerated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariants from 'opencc-js/dict/HKVariants';
import type { Dictionary, Entries } from './convert.ts';

/** "a b|c d" → [[a, b], [c, d]]; within one file a later entry replaces an earlier one, as in opencc-js. */
function parse(dict: string): Entries {
  const map = new Map<string, string>();
  for (const line of dict.split('|')) {
    const [source, replacement] = line.split(' ');
    if (source && replacement !== undefined) map.set(source, replacement);
  }
  return [...map];
}

/** Earlier files win over later ones for the same source, as in opencc-js's dictionary groups. */
const group = (...dicts: string[]): Entries => dicts.flatMap(parse);

export function openccDictionary(exceptions: Entries = []): Dictionary {
  return {
    exceptions,
    stages: [group(STPhrases, STPhrasesGenerated, STCharacters), group(HKVariantsPhrases, HKVariants)],
  };
}
