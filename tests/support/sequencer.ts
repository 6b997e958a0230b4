/**
 * The order Vitest starts test files in, two at a time (vitest.config.ts):
 *  1. unit, content and functions tests (no server, no build), while global
 *     setup starts netlify dev and the /sfj/ build;
 *  2. then the browser and build tests, slowest first, so the long browser
 *     files do not end up last, alone on one worker: by the duration Vitest
 *     recorded on the previous run; on a first run (a fresh clone in CI),
 *     browser tests before build tests, larger files first.
 * Vitest's own order runs the projects one after another by name.
 */
import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const QUICK = new Set(['unit', 'content', 'functions']);

export default class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const quick = sorted.filter((f) => QUICK.has(f.project.name));
    const rest = sorted.filter((f) => !QUICK.has(f.project.name));
    const duration = (f: TestSpecification) => this.ctx.cache.getTestSpecificationResult(f)?.duration;
    const known = rest.every((f) => duration(f) !== undefined);
    const key = (f: TestSpecification): [number, number] =>
      known ? [0, duration(f)!] : [f.project.name === 'e2e' ? 1 : 0, statSync(f.moduleId).size];
    rest.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return kb[0] - ka[0] || kb[1] - ka[1];
    });
    return [...quick, ...rest];
  }
}
