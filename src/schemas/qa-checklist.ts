/**
 * What an editor confirms before a 常见问答 is published (src/schemas/qa.ts:
 * each item must be true once `draft: false`). Kept apart from the schema,
 * without zod, so the staff desk's draft maker can print the same list.
 */
export const QA_CHECKLIST = {
  noNames: '删去了所有姓名、称呼和单位名称',
  noNumbers: '删去了电话、证件号、车牌号、账号等号码',
  noPlaces: '删去了镇（街）以下的地名：村、社区、路名、门牌',
  noDetails: '删去了能认出提问人的细节（具体日期、特殊经历、亲属关系）',
  answerChecked: '答复准确，引用的法条现行有效',
} as const;
export type ChecklistItem = keyof typeof QA_CHECKLIST;
