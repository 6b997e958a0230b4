/**
 * 简体 → 繁體 text conversion, the one converter the build step, the functions
 * and the browser share. It is OpenCC's s2hk pipeline (Hong Kong standard
 * forms; see docs/i18n.md for why) written small, over a dictionary given as
 * data, so each user can carry a different dictionary:
 *
 *   - the build step loads OpenCC's full dictionaries (src/lib/i18n/opencc.ts,
 *     build-time only) and records which entries the site's text uses;
 *   - the functions and the browser get only those entries
 *     (`<outDir>/_i18n/zh-hant.json`), a few KB instead of 1.3 MB.
 *
 * Pipeline for one string, as in OpenCC:
 *   0. exceptions (content/i18n/zh-hant-exceptions.yaml) are found first,
 *      longest match, and written exactly as the editors say: no later stage
 *      touches them;
 *   1. the rest is cut into segments by longest match against stage 1's
 *      phrases (STPhrases): a matched phrase is one segment, a run of
 *      unmatched characters another; each segment is converted by stage 1
 *      (phrases and single characters, STCharacters);
 *   2. each converted segment goes through stage 2 (HKVariantsPhrases,
 *      HKVariants), within the segment only.
 * Converting twice is wrong (干預 would become 幹預): convert source text once.
 */

/** Entries of one stage, [source, replacement]; where a source repeats, the first wins. */
export type Entries = readonly (readonly [string, string])[];

export interface Dictionary {
  /** Written as given, before anything else: place names, law names, legal terms. */
  exceptions: Entries;
  /** Stage 1 (simplified → traditional) and stage 2 (regional variants). */
  stages: readonly Entries[];
}

interface Match {
  end: number;
  value: string;
  key: string;
}

/**
 * Longest match over two hash sets rather than a character trie: building a
 * trie of OpenCC's 53,000 phrases took 2.1 s; these maps take a fraction of
 * that, and a match stops as soon as the text leaves every known prefix.
 */
class Trie {
  private readonly entries = new Map<string, string>();
  /** Every proper prefix of a source: matching goes on while the text is one. */
  private readonly prefixes = new Set<string>();
  /** The lowest first code point of any source: markup and Latin text below it is skipped at once. */
  private lowest = Infinity;
  constructor(entries: Entries) {
    for (const [source, replacement] of entries) {
      if (this.entries.has(source) || !source) continue;
      this.entries.set(source, replacement);
      this.lowest = Math.min(this.lowest, source.codePointAt(0)!);
      for (let n = 1; n < source.length; n++) this.prefixes.add(source.slice(0, n));
    }
  }
  /** The longest entry starting at `i`, if any. */
  match(s: string, i: number): Match | undefined {
    if (s.charCodeAt(i) < this.lowest) return undefined;
    let found: Match | undefined;
    for (let n = 1; i + n <= s.length; n++) {
      const key = s.slice(i, i + n);
      const value = this.entries.get(key);
      if (value !== undefined) found = { end: i + n, value, key };
      if (!this.prefixes.has(key)) break;
    }
    return found;
  }
}

const step = (s: string, i: number) => (s.codePointAt(i)! > 0xffff ? 2 : 1);

/** Which entries a conversion used, per stage ("exceptions", 0, 1), to cut a dictionary down. */
export type Usage = Map<'exceptions' | number, Set<string>>;

export type ConvertText = (text: string) => string;

/**
 * A converter for `dict`. With `usage`, every entry that fires is recorded
 * (the build step uses this to cut the dictionary down to what the site needs).
 */
export function createConverter(dict: Dictionary, usage?: Usage): ConvertText {
  const exceptions = new Trie(dict.exceptions);
  const [first, ...rest] = dict.stages.map((e) => new Trie(e));
  const record = (stage: 'exceptions' | number, key: string) => {
    if (!usage) return;
    let set = usage.get(stage);
    if (!set) usage.set(stage, (set = new Set()));
    set.add(key);
  };

  /** Converts a segment through one stage, longest match at each position. */
  const run = (trie: Trie, stage: number, s: string) => {
    let out = '';
    for (let i = 0; i < s.length;) {
      const m = trie.match(s, i);
      if (m) {
        record(stage, m.key);
        out += m.value;
        i = m.end;
      } else {
        const n = step(s, i);
        out += s.slice(i, i + n);
        i += n;
      }
    }
    return out;
  };

  /** Stage 1 cuts into segments (a phrase, or a run of single characters); later stages work within each. */
  const convertPlain = (s: string) => {
    if (!first) return s;
    const segments: string[] = [];
    let run1 = '';
    for (let i = 0; i < s.length;) {
      const m = first.match(s, i);
      if (m && m.key.length > step(m.key, 0)) {
        if (run1) segments.push(run1);
        run1 = '';
        record(0, m.key);
        segments.push(m.value);
        i = m.end;
      } else if (m) {
        record(0, m.key);
        run1 += m.value;
        i = m.end;
      } else {
        const n = step(s, i);
        run1 += s.slice(i, i + n);
        i += n;
      }
    }
    if (run1) segments.push(run1);
    return segments.map((seg) => rest.reduce((t, trie, k) => run(trie, k + 1, t), seg)).join('');
  };

  return (text: string) => {
    if (!/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u.test(text)) return text;
    let out = '';
    let plain = '';
    for (let i = 0; i < text.length;) {
      const m = exceptions.match(text, i);
      if (m) {
        record('exceptions', m.key);
        out += convertPlain(plain) + m.value;
        plain = '';
        i = m.end;
      } else {
        const n = step(text, i);
        plain += text.slice(i, i + n);
        i += n;
      }
    }
    return out + convertPlain(plain);
  };
}

/** The dictionary with only the entries `usage` recorded: converts the same texts the same way. */
export function cutDown(dict: Dictionary, usage: Usage): Dictionary {
  const keep = (entries: Entries, used: Set<string> | undefined) => {
    const seen = new Set<string>();
    return entries.filter(([s]) => {
      if (!used?.has(s) || seen.has(s)) return false;
      seen.add(s);
      return true;
    });
  };
  return {
    exceptions: keep(dict.exceptions, usage.get('exceptions')),
    stages: dict.stages.map((entries, i) => keep(entries, usage.get(i))),
  };
}
