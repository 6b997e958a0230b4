/**
 * “生成常见问答草稿” on the desk, for an answer marked 可公开: the Markdown file
 * of content/qa/ made in this browser from the decrypted question and answer
 * (src/lib/consult/qa-draft.ts), downloaded for the editor, who goes through
 * the checklist and commits it through Git or the CMS. Nothing is sent
 * anywhere and nothing is published from here.
 */
import { html, type SafeHtml } from '../../../lib/html.ts';
import type { Answer } from '../../../lib/consult/answer.ts';
import { draftFileName, qaDraftMarkdown } from '../../../lib/consult/qa-draft.ts';
import type { RecordDetail } from '../../../lib/staff/records.ts';
import { TOPICS } from '../../../lib/taxonomy.ts';
import { QA_CHECKLIST } from '../../../schemas/qa-checklist.ts';

export function qaDraftSection(): SafeHtml {
  return html`<div class="desk-qa"><h4>整理成常见问答</h4><p>这条答复标为可公开。下载草稿后交给编辑：草稿已经去掉了能找到的姓名、号码和镇（街）以下的地名，但<strong>必须由编辑逐项核对</strong>后才能发布。</p><ul>${Object.values(QA_CHECKLIST).map((x) => html`<li>${x}</li>`)}</ul><button type="button" class="button button--secondary" data-qa-draft>下载常见问答草稿（Markdown）</button></div>`;
}

/** The draft file for a record, its answer and the opened question. */
export function qaDraftFile(
  record: RecordDetail,
  answer: Answer,
  answeredAt: string,
  personal: Record<string, unknown>,
): { name: string; text: string } {
  const topic = TOPICS.find((t) => t.id === record.category);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const text = qaDraftMarkdown({
    topicName: topic?.name ?? '（请编辑：选择主题）',
    town: record.town,
    question: str(personal.question),
    answer,
    answeredAt,
    known: { caller: str(personal.caller), phone: str(personal.phone) },
  });
  return { name: draftFileName(answeredAt, topic?.id ?? 'other'), text };
}

export function download(file: { name: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
