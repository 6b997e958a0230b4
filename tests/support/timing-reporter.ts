/**
 * Prints where a test run's time went, after Vitest's own report: the time
 * before the first file starts (global setups: the base-path build, netlify
 * dev; workers starting), then per project its wall time (first file's start
 * to last file's end; projects overlap when files run in parallel), its files
 * and tests, and each of its files slower than 5 s. `.ci/run` and
 * `npm test` show it; it changes nothing in how tests run.
 */
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';

const SLOW_FILE_MS = 5_000;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class TimingReporter implements Reporter {
  private runStart = 0;
  private readonly spans = new Map<string, { start: number; end: number }>();

  onTestRunStart(_specifications: ReadonlyArray<TestSpecification>): void {
    this.runStart = Date.now();
    this.spans.clear();
  }

  /** A file's span: from its worker starting on it (environment, imports, setup files) to its last test. */
  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const end = Date.now();
    const total = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    this.spans.set(module.moduleId, { start: end - total, end });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const ran = modules.filter((m) => this.spans.get(m.moduleId)?.end);
    if (!ran.length) return;
    const end = Date.now();
    const firstStart = Math.min(...ran.map((m) => this.spans.get(m.moduleId)!.start));
    const lines = [
      '',
      '测试耗时 / where the time went (wall clock)',
      `  before the first file (global setup, workers)  ${s(firstStart - this.runStart)}`,
    ];
    const byProject = Map.groupBy(ran, (m) => m.project.name);
    for (const [name, files] of byProject) {
      const spans = files.map((m) => this.spans.get(m.moduleId)!);
      const wall = Math.max(...spans.map((x) => x.end)) - Math.min(...spans.map((x) => x.start));
      const tests = files.reduce((n, m) => n + [...m.children.allTests()].length, 0);
      lines.push(`  ${name.padEnd(10)} ${s(wall).padStart(8)}  ${files.length} files, ${tests} tests`);
      const slow = files
        .map((m) => ({ m, ms: this.spans.get(m.moduleId)!.end - this.spans.get(m.moduleId)!.start }))
        .filter((x) => x.ms >= SLOW_FILE_MS)
        .sort((a, b) => b.ms - a.ms);
      for (const { m, ms } of slow) lines.push(`      ${s(ms).padStart(8)}  ${m.relativeModuleId}`);
    }
    lines.push(`  whole run  ${s(end - this.runStart).padStart(8)}`, '');
    process.stdout.write(lines.join('\n') + '\n');
  }
}
