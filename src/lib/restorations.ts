/**
 * Finds the editor's restorations, <R id="r1">局</R>, in the plan's MDX bodies,
 * with the words around them, so the editor's note lists exactly what was
 * restored and cannot drift from the text.
 */
export interface Restoration {
  id: string;
  text: string;
  /** The sentence fragment around it, restoration shown in 〔〕. */
  context: string;
}

const MARK = /<R id="([a-z0-9-]+)">([^<]+)<\/R>/g;
const stripMarks = (s: string) => s.replace(MARK, '$2').replace(/^#+\s*/gm, '');

export function findRestorations(body: string): Restoration[] {
  const out: Restoration[] = [];
  for (const m of body.matchAll(MARK)) {
    const before = stripMarks(body.slice(0, m.index)).split('\n').pop()!.slice(-8);
    const after = stripMarks(body.slice(m.index! + m[0].length))
      .split('\n')[0]!
      .slice(0, 8);
    out.push({ id: m[1]!, text: m[2]!, context: `${before}〔${m[2]}〕${after}` });
  }
  return out;
}

/** The first heading of a body, as plain text (marks removed). */
export function firstHeading(body: string): string | undefined {
  const m = body.match(/^#{1,6}\s+(.+)$/m);
  return m ? m[1]!.replace(MARK, '$2').trim() : undefined;
}
