/**
 * The staff desk's 法律咨询 panel (under an opened consultation): the answer
 * already given and any 满意度评价 (both opened here with the loaded keys),
 * and the answer composer — text (≤ 3,000 characters), links to guides and
 * cases and law articles picked from the build's list (/staff/answer-links.json,
 * so only what exists can be picked; the function checks again), the
 * one-click suggestions 申请法律援助 / 申请人民调解, and 可公开. The asker's
 * phone, needed to seal the answer for them, comes from the opened question.
 */
import { html, lines, type SafeHtml } from '../../../lib/html.ts';
import { withBase } from '../../../lib/paths.ts';
import { ANSWER_MAX, citationOf, SUGGESTIONS, type Answer, type AnswerLinks } from '../../../lib/consult/answer.ts';
import { RATINGS } from '../../../lib/consult/views.ts';
import { open, type OpeningKey } from '../../../lib/staff/crypto.ts';
import type { RecordDetail } from '../../../lib/staff/records.ts';
import { beijingDateTime } from '../../../lib/time.ts';
import { download, qaDraftFile, qaDraftSection } from './qa-draft.ts';

export type Api = <T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;

export interface PanelDeps {
  api: Api;
  announce: (text: string) => void;
  keys: () => OpeningKey[];
  onSaved: (record: RecordDetail) => void;
}

interface ConsultInfo {
  answer: { sealed: unknown; publishable: boolean; answeredAt: string; answeredBy: string } | null;
  rating: { rating: string; ratedAt: string; comment: unknown } | null;
}

const base = import.meta.env.BASE_URL;

export class ConsultPanel {
  readonly root: HTMLElement;
  readonly deps: PanelDeps;
  links: AnswerLinks | undefined;
  record: RecordDetail | null = null;
  personal: Record<string, unknown> | null = null;
  chosen: { pages: string[]; laws: string[] } = { pages: [], laws: [] };
  /** The answer given, once opened, for the 常见问答 draft. */
  givenAnswer: { answer: Answer; at: string } | null = null;

  constructor(root: HTMLElement, deps: PanelDeps) {
    this.root = root;
    this.deps = deps;
    root.addEventListener('click', (e) => this.click(e));
    root.addEventListener('submit', (e) => void this.submit(e as SubmitEvent));
    root.addEventListener('input', () => this.count());
  }

  /** Shows the panel for an opened record (hidden for other kinds). */
  async show(record: RecordDetail, personal: Record<string, unknown> | null): Promise<void> {
    this.record = record;
    this.personal = personal;
    this.chosen = { pages: [], laws: [] };
    this.root.hidden = record.formType !== 'consultation';
    if (this.root.hidden) return void (this.root.innerHTML = '');
    this.root.innerHTML = '<p>正在读取答复……</p>';
    try {
      this.links ??= await fetch(withBase('/staff/answer-links.json', base)).then(
        (r) => r.json() as Promise<AnswerLinks>,
      );
      const info = await this.deps.api<ConsultInfo>(`records/${encodeURIComponent(record.receipt)}/consult`);
      this.root.innerHTML = String(html`${await this.given(info)}${this.composer()}`);
      this.drawChosen();
      this.count();
    } catch (err) {
      this.root.innerHTML = String(
        html`<p class="notice notice--warning">${err instanceof Error ? err.message : '读取失败'}</p>`,
      );
    }
  }

  /** The answer and rating already given, opened with the loaded keys. */
  private async given(info: ConsultInfo): Promise<SafeHtml> {
    const receipt = this.record!.receipt;
    const openOr = async (sealed: unknown, context: string) =>
      sealed ? await open(sealed, context, this.deps.keys()).catch(() => null) : null;
    const a = info.answer && ((await openOr(info.answer.sealed, `${receipt}#answer`)) as Answer | null);
    this.givenAnswer = a && info.answer ? { answer: a, at: info.answer.answeredAt } : null;
    const draft = !!info.answer?.publishable && !!a && !!this.personal && qaDraftSection();
    const answer =
      info.answer &&
      html`<h4>已经答复</h4><p>${beijingDateTime(info.answer.answeredAt)}，${info.answer.answeredBy}${info.answer.publishable && '，可公开'}</p>${a ? html`<div class="desk-answer">${lines(a.text)}</div>${a.pages.length > 0 && html`<ul>${a.pages.map((p) => html`<li>${p.title}</li>`)}</ul>`}${a.laws.length > 0 && html`<ul>${a.laws.map((l) => html`<li>${l}</li>`)}</ul>`}` : html`<p>（载入私钥后才能看到答复内容）</p>`}`;
    const c = info.rating && ((await openOr(info.rating.comment, `${receipt}#rating`)) as { comment?: string } | null);
    const rating =
      info.rating &&
      html`<h4>满意度评价</h4><p><strong>${RATINGS.find((r) => r.value === info.rating!.rating)?.label ?? info.rating.rating}</strong>（${beijingDateTime(info.rating.ratedAt)}）</p>${!!c?.comment && html`<p>${lines(c.comment)}</p>`}`;
    return html`<h3 id="consult-panel-title">法律咨询的答复</h3>${answer}${draft}${rating}`;
  }

  private composer(): SafeHtml {
    const l = this.links!;
    const group = (kind: string, label: string) =>
      html`<optgroup label="${label}">${l.pages.filter((p) => p.kind === kind).map((p) => html`<option value="${p.path}">${p.title}</option>`)}</optgroup>`;
    const suggest = Object.entries(SUGGESTIONS).map(
      ([v, label]) =>
        html`<div class="choice"><input id="answer-suggest-${v}" type="checkbox" name="suggest" value="${v}"><label for="answer-suggest-${v}">建议${label}（答复里附上已选好镇街和类别的申请链接）</label></div>`,
    );
    return html`<form class="desk-form" data-answer-form novalidate aria-labelledby="answer-form-title"><h4 id="answer-form-title">${this.record!.status === '已答复' ? '修改答复' : '写答复'}</h4><div class="error-summary" data-answer-errors tabindex="-1" role="alert" hidden></div><div class="field"><label class="field__label" for="answer-text">答复内容</label><p class="field__hint" id="answer-text-hint">最多${ANSWER_MAX}个字。用平常的话写；不要写提问人的姓名、电话和住址。</p><textarea class="input" id="answer-text" name="text" rows="10" maxlength="${ANSWER_MAX}" aria-describedby="answer-text-hint answer-count"></textarea><p class="field__hint" id="answer-count" data-answer-count></p></div><div class="field"><label class="field__label" for="answer-page">附上网站上的办事指南或案例</label><select class="input" id="answer-page">${group('guide', '办事指南')}${group('case', '以案说法')}</select> <button type="button" class="button button--secondary" data-add-page>添加</button></div><div class="field"><label class="field__label" for="answer-law">附上法律条文</label><select class="input" id="answer-law">${l.laws.map((x) => html`<option value="${x.title}">${x.short}</option>`)}</select> <label for="answer-article">第几条（数字）</label> <input class="input input--xs" id="answer-article" inputmode="numeric"> <button type="button" class="button button--secondary" data-add-law>添加</button><p class="field__error" data-law-error hidden></p></div><h5>已附上</h5><ul data-answer-chosen></ul><fieldset class="field"><legend class="field__label">建议办理</legend>${suggest}</fieldset><div class="choice"><input id="answer-publishable" type="checkbox" name="publishable" value="yes"><label for="answer-publishable">可公开：以后可以去掉个人信息，整理成常见问答（要编辑审核后才发布）</label></div><button type="submit" class="button">提交答复</button></form>`;
  }

  private click(e: Event): void {
    const t = e.target as HTMLElement;
    if (t.closest('[data-qa-draft]') && this.givenAnswer && this.record && this.personal)
      download(qaDraftFile(this.record, this.givenAnswer.answer, this.givenAnswer.at, this.personal));
    if (t.closest('[data-add-page]')) this.addPage();
    else if (t.closest('[data-add-law]')) this.addLaw();
    const remove = t.closest<HTMLElement>('[data-remove]');
    if (remove) {
      const [kind, value] = [remove.dataset.kind as 'pages' | 'laws', remove.dataset.remove!];
      this.chosen[kind] = this.chosen[kind].filter((x) => x !== value);
      this.drawChosen();
    }
  }

  private addPage(): void {
    const path = (this.root.querySelector('#answer-page') as HTMLSelectElement).value;
    if (path && !this.chosen.pages.includes(path)) this.chosen.pages.push(path);
    this.drawChosen();
  }

  private addLaw(): void {
    const title = (this.root.querySelector('#answer-law') as HTMLSelectElement).value;
    const input = this.root.querySelector('#answer-article') as HTMLInputElement;
    const key = String(Number.parseInt(input.value.replace(/[^\d]/g, ''), 10));
    const law = this.links!.laws.find((x) => x.title === title);
    const error = this.root.querySelector<HTMLElement>('[data-law-error]')!;
    error.hidden = !!law?.articles.includes(key);
    if (!error.hidden)
      return void (error.textContent = `${law?.short ?? '这部法律'}没有第${input.value}条，请检查条号。`);
    const citation = citationOf(title, key);
    if (!this.chosen.laws.includes(citation)) this.chosen.laws.push(citation);
    input.value = '';
    this.drawChosen();
  }

  private drawChosen(): void {
    const title = (path: string) => this.links?.pages.find((p) => p.path === path)?.title ?? path;
    const item = (kind: string, value: string, label: string) =>
      html`<li>${label} <button type="button" class="link-button" data-kind="${kind}" data-remove="${value}">删除<span class="visually-hidden">：${label}</span></button></li>`;
    const ul = this.root.querySelector('[data-answer-chosen]');
    if (!ul) return;
    const items = [
      ...this.chosen.pages.map((p) => item('pages', p, title(p))),
      ...this.chosen.laws.map((l) => item('laws', l, l)),
    ];
    ul.innerHTML = String(items.length ? html`${items}` : html`<li>（还没有）</li>`);
  }

  private count(): void {
    const text = this.root.querySelector<HTMLTextAreaElement>('#answer-text');
    const out = this.root.querySelector('[data-answer-count]');
    if (text && out) out.textContent = `已写 ${[...text.value].length} / ${ANSWER_MAX} 字`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    const form = (e.target as HTMLElement).closest<HTMLFormElement>('[data-answer-form]');
    if (!form) return;
    e.preventDefault();
    const box = form.querySelector<HTMLElement>('[data-answer-errors]')!;
    const phone = typeof this.personal?.phone === 'string' ? this.personal.phone : '';
    const data = new FormData(form);
    const body = {
      text: String(data.get('text') ?? ''),
      ...this.chosen,
      suggest: data.getAll('suggest').map(String),
      publishable: data.get('publishable') === 'yes',
      phone,
    };
    try {
      if (!phone) throw new Error('请先载入私钥，打开提问人填写的内容，再提交答复。');
      const { record } = await this.deps.api<{ record: RecordDetail }>(
        `records/${encodeURIComponent(this.record!.receipt)}/answer`,
        { body },
      );
      this.deps.announce('答复已提交，提问人可以用回执号和电话查看。');
      this.deps.onSaved(record);
    } catch (err) {
      const errors = (err as { body?: { errors?: { message: string }[] } }).body?.errors;
      const messages = errors?.map((x) => x.message) ?? [err instanceof Error ? err.message : '提交失败'];
      box.innerHTML = String(html`<h2>答复没有提交</h2><ul>${messages.map((m) => html`<li>${m}</li>`)}</ul>`);
      box.hidden = false;
      box.focus();
    }
  }
}
