/**
 * Titles of pages that report a problem begin with “错误：”. Screen readers
 * read the title first, so a reader learns at once that the step did not go
 * through, before reaching the error summary (the GOV.UK error pattern). The
 * functions' pages and the page scripts (document.title) both write such
 * titles here, so the two ways through a form say it the same way.
 */

/** “有 3 处需要修改”: the error summary's heading, and the count in a form page's title. */
export function fixesNeeded(count: number): string {
  return `有 ${count} 处需要修改`;
}

/** “错误：法律援助申请（有 3 处需要修改）” with a count of errors, “错误：暂时无法查询” without. */
export function errorTitle(title: string, count = 0): string {
  return count > 0 ? `错误：${title}（${fixesNeeded(count)}）` : `错误：${title}`;
}
