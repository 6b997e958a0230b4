// Runs the checks an editor needs before committing, without building:
// `npm run check:content`. Schemas, required sections, citations, dates.
import { join } from 'node:path';
import { checkContent, checkFrontmatter } from '../src/integrations/content-checks.ts';

const root = join(import.meta.dirname, '..');
const problems = [
  ...checkFrontmatter(root),
  ...checkContent(join(root, 'content'), join(root, 'content', 'laws'), root),
];
if (problems.length) {
  console.error(`内容检查发现 ${problems.length} 处问题：\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('内容检查通过：格式正确，法条引用都能找到，日期都真实存在。');
