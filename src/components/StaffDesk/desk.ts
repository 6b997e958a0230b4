/**
 * The staff desk (/staff/). Framework-free; the page's HTML holds the whole
 * structure and this script fills it in.
 *
 * Security model, in the browser:
 *  - the sign-in token lives in this module's memory only (never in storage,
 *    cookies or the address); closing or reloading the page signs out, and so
 *    do 30 minutes without activity;
 *  - private key files are read with a file input and imported as
 *    NON-EXTRACTABLE CryptoKeys; the file's text is dropped at once and never
 *    leaves the device; only if the staff member ticks “记住” are the
 *    CryptoKey objects kept in IndexedDB on this device (key-store.ts);
 *  - records arrive sealed and are opened here (src/lib/staff/crypto.ts);
 *    decrypted text is only ever inserted escaped.
 */
import { html, lines, type SafeHtml } from '../../lib/html.ts';
import { withBase } from '../../lib/paths.ts';
import { STATUSES, type Status } from '../../lib/requests/status.ts';
import { requestType } from '../../lib/requests/registry.ts';
import { beijingDate, beijingDateTime } from '../../lib/time.ts';
import {
  importPrivateKey,
  kidMatches,
  open,
  OpenError,
  parsePrivateKeyFile,
  type OpeningKey,
} from '../../lib/staff/crypto.ts';
import { deadlineText, decisionDeadline } from '../../lib/staff/deadline.ts';
import {
  categoryLabel,
  exportCsv,
  exportFileName,
  personalRows,
  townLabel,
  type ExportItem,
} from '../../lib/staff/desk-format.ts';
import { ACTION_LABELS, type AuditEntry } from '../../lib/staff/audit-entry.ts';
import { checkStatusChange, NOTE_MAX } from '../../lib/staff/status-change.ts';
import type { RecordDetail, RecordSummary } from '../../lib/staff/records.ts';
import { forgetKeys, saveKey, savedKeys } from './key-store.ts';
import { ConsultPanel } from './consult/answer-panel.ts';

const base = import.meta.env.BASE_URL;
const IDLE_MS = 30 * 60_000;

const $ = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
};

const desk = document.querySelector<HTMLElement>('[data-desk]');

interface Me {
  name: string;
  towns: string[];
  cityWide: boolean;
}

let token = '';
let me: Me | null = null;
const keys = new Map<string, { key: CryptoKey; from: string }>();
let list: RecordSummary[] = [];
let current: RecordDetail | null = null;
/** The opened record's personal half, for panels that need it (the 法律咨询 answer needs the asker's phone). */
let opened: Record<string, unknown> | null = null;
let consultPanel: ConsultPanel | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `错误 ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; query?: Record<string, string> } = {},
): Promise<T> {
  const q = init.query ? `?${new URLSearchParams(Object.entries(init.query).filter(([, v]) => v !== ''))}` : '';
  let res: Response;
  try {
    res = await fetch(withBase(`/api/staff/${path}`, base) + (q === '?' ? '' : q), {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new ApiError(0, { message: '连接不上服务器，请检查网络后再试。' });
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    if (res.status === 401 && me) signOut('登录已失效，请重新登录。');
    throw new ApiError(res.status, body);
  }
  return body as T;
}

// ------------------------------------------------------------------ messages

function announce(text: string): void {
  const live = $('[data-desk-live]');
  live.textContent = '';
  // A fresh text node so screen readers announce the same message twice in a row too.
  setTimeout(() => (live.textContent = text), 50);
}

function showError(box: HTMLElement, messages: string[]): void {
  box.innerHTML = String(
    html`<h2 class="error-summary__title">有问题需要处理</h2><ul>${messages.map((m) => html`<li>${m}</li>`)}</ul>`,
  );
  box.hidden = false;
  box.focus();
}

function hideError(box: HTMLElement): void {
  box.hidden = true;
  box.innerHTML = '';
}

// ------------------------------------------------------------------ sign in / out

function resetIdle(): void {
  clearTimeout(idleTimer);
  if (me) idleTimer = setTimeout(() => signOut('为了安全，30分钟没有操作，已经自动退出。请重新登录。'), IDLE_MS);
}

function signOut(message: string): void {
  token = '';
  me = null;
  list = [];
  current = null;
  // Keys loaded from files are dropped; keys the person chose to keep on this device stay in IndexedDB.
  keys.clear();
  clearTimeout(idleTimer);
  $('[data-signed-in]').hidden = true;
  $('[data-record]').hidden = true;
  $('[data-records]').innerHTML = '';
  $('[data-record-body]').innerHTML = '';
  $('[data-audit-rows]').innerHTML = '';
  $('[data-signin]').hidden = false;
  ($('#desk-token') as HTMLInputElement).value = '';
  const note = $('[data-signin-note]');
  note.textContent = message;
  note.hidden = !message;
  $('#desk-token').focus();
  announce(message || '已退出。');
}

async function signIn(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const input = $('#desk-token') as HTMLInputElement;
  const errorBox = $('[data-signin-error]');
  const fieldError = $('#desk-token-error');
  const value = input.value.trim();
  const fail = (message: string) => {
    fieldError.querySelector('[data-error-text]')!.textContent = message;
    fieldError.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'desk-token-hint desk-token-error');
    errorBox.innerHTML = String(
      html`<h2 class="error-summary__title">有问题需要处理</h2><ul><li><a href="#desk-token">${message}</a></li></ul>`,
    );
    errorBox.hidden = false;
    errorBox.focus();
  };
  if (!value) return fail('请输入您的工作人员令牌');
  token = value;
  try {
    me = await api<Me>('session', { body: {} });
  } catch (err) {
    token = '';
    me = null;
    return fail(err instanceof Error ? err.message : '登录失败');
  }
  input.value = '';
  fieldError.hidden = true;
  input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', 'desk-token-hint');
  hideError(errorBox);
  $('[data-signin-note]').hidden = true;
  $('[data-signin]').hidden = true;
  $('[data-signed-in]').hidden = false;
  $('[data-who]').textContent = me.name;
  $('[data-scope]').textContent = me.cityWide ? '全市' : me.towns.map(townLabel).join('、');
  restrictTowns();
  resetIdle();
  await restoreSavedKeys();
  renderKeys();
  $('[data-signed-in-title]').focus();
  announce(`已登录：${me.name}`);
  await loadList();
}

/** Town offices only get their own towns in the filter. */
function restrictTowns(): void {
  const select = $('#desk-f-town') as HTMLSelectElement;
  for (const o of [...select.options])
    if (o.value) o.hidden = o.disabled = !!me && !me.cityWide && !me.towns.includes(o.value);
}

// ------------------------------------------------------------------ keys

function openingKeys(): OpeningKey[] {
  return [...keys].map(([kid, k]) => ({ kid, key: k.key }));
}

async function restoreSavedKeys(): Promise<void> {
  const saved = await savedKeys();
  for (const s of saved) if (!keys.has(s.kid)) keys.set(s.kid, { key: s.key, from: '这台设备上记住的私钥' });
  ($('#desk-remember') as HTMLInputElement).checked = saved.length > 0;
}

function renderKeys(): void {
  const ul = $('[data-keys-list]');
  ul.innerHTML = String(html`${[...keys].map(([kid, k]) => html`<li>密钥编号 <code>${kid}</code>（${k.from}）</li>`)}`);
  $('[data-keys-empty]').hidden = keys.size > 0;
}

async function loadKeyFiles(input: HTMLInputElement): Promise<void> {
  const box = $('[data-keys-error]');
  hideError(box);
  const problems: string[] = [];
  const added: string[] = [];
  const remember = ($('#desk-remember') as HTMLInputElement).checked;
  for (const file of [...(input.files ?? [])]) {
    try {
      if (file.size > 64 * 1024) throw new Error('too big');
      const jwks = parsePrivateKeyFile(await file.text());
      for (const jwk of jwks) {
        if (!(await kidMatches(jwk))) throw new Error('kid');
        const key = await importPrivateKey(jwk, false); // non-extractable
        keys.set(jwk.kid, { key, from: `文件 ${file.name}` });
        if (remember) await saveKey(jwk.kid, key);
        added.push(jwk.kid);
      }
    } catch (err) {
      problems.push(
        `${file.name}：${err instanceof Error && err.message === 'kid' ? '密钥编号和密钥本身对不上，文件可能被改动过。' : '不是有效的私钥文件。请选择以 .private.jwk.json 结尾的文件。'}`,
      );
    }
  }
  input.value = ''; // the file stays on the device; nothing of it is kept here but the CryptoKey
  renderKeys();
  if (problems.length) showError(box, problems);
  if (added.length) {
    announce(`已载入私钥 ${added.join('、')}${remember ? '，并记在这台设备上' : ''}。`);
    if (current) await showRecord(current);
  }
}

async function toggleRemember(box: HTMLInputElement): Promise<void> {
  try {
    if (box.checked) {
      for (const [kid, k] of keys) await saveKey(kid, k.key);
      announce(
        keys.size
          ? '已把载入的私钥记在这台设备上（不可导出）。以后在这台设备上登录后不用再选文件。'
          : '以后载入的私钥会记在这台设备上。',
      );
    } else {
      await forgetKeys();
      announce('已从这台设备上删除记住的私钥。');
    }
  } catch {
    box.checked = false;
    announce('这个浏览器不能在本机保存私钥，私钥只在本页面使用。');
  }
}

// ------------------------------------------------------------------ list

function filters(): Record<string, string> {
  const form = $('[data-filters]') as HTMLFormElement;
  const data = new FormData(form);
  return Object.fromEntries(['formType', 'status', 'town', 'from', 'to'].map((k) => [k, String(data.get(k) ?? '')]));
}

function deadlineCell(s: RecordSummary): SafeHtml {
  const d = decisionDeadline(
    { formType: s.formType, createdAt: s.createdAt, status: { current: s.status, history: s.history } },
    new Date(),
  );
  if (!d) return html`${requestType(s.formType).decision ? '已作出决定' : '—'}`;
  const text = deadlineText(d);
  return d.overdue
    ? html`<strong class="desk-overdue"><span aria-hidden="true">⚠ </span>${text}</strong>`
    : d.daysLeft <= 1
      ? html`<strong>${text}</strong>`
      : html`${text}`;
}

function renderList(): void {
  const body = $('[data-records]');
  const overdue = list.filter(
    (s) =>
      decisionDeadline(
        { formType: s.formType, createdAt: s.createdAt, status: { current: s.status, history: s.history } },
        new Date(),
      )?.overdue,
  ).length;
  $('[data-records-caption]').textContent =
    `符合条件的申请：${list.length} 份${overdue ? `，其中 ${overdue} 份法律援助申请已超过7日决定期限` : ''}`;
  const row = (s: RecordSummary) => {
    const late = decisionDeadline(
      { formType: s.formType, createdAt: s.createdAt, status: { current: s.status, history: s.history } },
      new Date(),
    )?.overdue;
    return html`<tr${late && html` class="desk-row--overdue"`}><th scope="row"><button type="button" class="link-button desk-open" data-open="${s.receipt}">${s.receipt}</button></th><td>${requestType(s.formType).labels.name}</td><td>${townLabel(s.town)}</td><td>${categoryLabel(s.formType, s.category)}</td><td>${beijingDateTime(s.createdAt)}</td><td>${s.status}${!!s.purgedAt && '（个人信息已到期删除）'}</td><td>${deadlineCell(s)}</td></tr>`;
  };
  body.innerHTML = String(
    list.length ? html`${list.map(row)}` : html`<tr><td colspan="7">没有符合条件的申请。</td></tr>`,
  );
}

function renderCounts(counts: Record<Status, number>): void {
  $('[data-counts]').innerHTML = String(
    html`${STATUSES.map((s) => html`<li><span class="desk-counts__label">${s}</span> <strong>${counts[s] ?? 0}</strong></li>`)}`,
  );
}

async function loadList(): Promise<void> {
  const box = $('[data-list-error]');
  hideError(box);
  $('[data-records-caption]').textContent = '正在读取……';
  try {
    const data = await api<{ records: RecordSummary[]; counts: Record<Status, number> }>('records', {
      query: filters(),
    });
    list = data.records;
    renderCounts(data.counts);
    renderList();
    announce(`找到 ${list.length} 份申请。`);
  } catch (err) {
    if (!me) return;
    $('[data-records-caption]').textContent = '申请';
    showError(box, [err instanceof Error ? err.message : '读取失败']);
  }
}

// ------------------------------------------------------------------ one record

async function openReceipt(receipt: string): Promise<void> {
  try {
    const { record } = await api<{ record: RecordDetail }>(`records/${encodeURIComponent(receipt)}`);
    current = record;
    await showRecord(record);
    $('[data-record]').hidden = false;
    $('[data-record-title]').focus();
  } catch (err) {
    showError($('[data-list-error]'), [err instanceof Error ? err.message : '打开失败']);
  }
}

const factRow = (dt: string, dd: SafeHtml | string | number) =>
  html`<div class="summary-list__row"><dt>${dt}</dt><dd class="summary-list__value">${dd}</dd></div>`;

async function personalHtml(r: RecordDetail): Promise<SafeHtml> {
  opened = null;
  if (r.personal === null) {
    return html`<p class="notice">${r.purgedAt ? '这份申请的个人信息已经按保存期限删除。' : '申请人撤回了申请，个人信息已经删除。'}</p>`;
  }
  try {
    const data = await open(r.personal, r.receipt, openingKeys());
    opened = data;
    const rows = personalRows(r.formType, data).map((x) => factRow(x.label, lines(x.value)));
    return html`<h3>申请人填写的内容</h3><dl class="summary-list desk-personal">${rows}</dl>`;
  } catch (err) {
    const kid = err instanceof OpenError ? err.kid : '';
    const why =
      err instanceof OpenError && err.reason === 'no-key'
        ? html`这份申请用密钥 <code>${kid}</code> 加密，请在上面“私钥”一节载入这个编号的私钥文件。`
        : '用已载入的私钥打不开这份申请：私钥不对，或者记录被改动过。请联系网站管理员。';
    return html`<div class="notice notice--warning"><p class="notice__title">个人信息无法显示</p><p>${why}</p></div>`;
  }
}

async function showRecord(r: RecordDetail): Promise<void> {
  const d = decisionDeadline(
    { formType: r.formType, createdAt: r.createdAt, status: { current: r.status, history: r.history } },
    new Date(),
  );
  $('[data-record-title]').textContent = `申请详情：${r.receipt}`;
  const facts = html`<dl class="summary-list">${factRow('申请类型', requestType(r.formType).labels.name)}${factRow('镇（街）', townLabel(r.town))}${factRow('类别', categoryLabel(r.formType, r.category))}${factRow('提交时间', beijingDateTime(r.createdAt))}${factRow('当前状态', html`<strong>${r.status}</strong>`)}${!!d && factRow('决定期限', deadlineCell(r))}${!!r.corrections && factRow('申请人更正', `${r.corrections} 次`)}</dl>`;
  const by = { staff: '工作人员', applicant: '申请人', system: '系统' } as const;
  const history = html`<h3>办理记录</h3><ol class="timeline">${[...r.history]
    .reverse()
    .map(
      (h) =>
        html`<li><strong>${h.status}</strong><span class="timeline__time">${beijingDateTime(h.at)}（${by[h.by]}）</span>${!!h.note && html`<p class="timeline__note">${lines(h.note)}</p>`}</li>`,
    )}</ol>`;
  $('[data-record-body]').innerHTML = String(html`${facts}${await personalHtml(r)}${history}`);
  prepareStatusForm(r);
  void consultPanel?.show(r, opened);
}

function prepareStatusForm(r: RecordDetail): void {
  const form = $('[data-status-form]') as HTMLFormElement;
  const blocked =
    r.status === '已撤回'
      ? '申请人已经撤回这份申请，不能再更改状态。'
      : r.purgedAt
        ? '这份申请的个人信息已经按保存期限删除，不能再更改状态。'
        : '';
  form.hidden = !!blocked;
  const note = $('[data-status-blocked]');
  note.textContent = blocked;
  note.hidden = !blocked;
  form.reset();
  hideError($('[data-status-errors]'));
  for (const el of form.querySelectorAll<HTMLElement>('[data-field-error]')) el.hidden = true;
  $('[data-materials-common]').innerHTML = String(
    html`${requestType(r.formType).commonMaterials.map(
      (m, i) =>
        html`<div class="choice"><input id="desk-m-${i}" type="checkbox" name="material" value="${m}"><label for="desk-m-${i}">${m}</label></div>`,
    )}`,
  );
  syncMaterials();
}

function syncMaterials(): void {
  const form = $('[data-status-form]') as HTMLFormElement;
  const value = (form.elements.namedItem('status') as RadioNodeList).value;
  $('[data-materials]').hidden = value !== '需补充材料';
}

async function saveStatus(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  if (!current) return;
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const status = String(data.get('status') ?? '');
  const materials =
    status === '需补充材料'
      ? [...data.getAll('material').map(String), ...String(data.get('otherMaterials') ?? '').split('\n')]
          .map((m) => m.trim())
          .filter(Boolean)
      : [];
  const note = String(data.get('note') ?? '');
  const box = $('[data-status-errors]');
  const fieldErrors = (errors: { field: string; message: string }[]) => {
    for (const el of form.querySelectorAll<HTMLElement>('[data-field-error]')) {
      const msg = errors.find((x) => x.field === el.dataset.fieldError)?.message;
      el.hidden = !msg;
      el.querySelector('[data-error-text]')!.textContent = msg ?? '';
    }
    const target: Record<string, string> = { status: 'desk-s-0', materials: 'desk-other-materials', note: 'desk-note' };
    box.innerHTML = String(
      html`<h2 class="error-summary__title">有问题需要处理</h2><ul>${errors.map((x) => html`<li><a href="#${target[x.field] ?? 'desk-note'}">${x.message}</a></li>`)}</ul>`,
    );
    box.hidden = false;
    box.focus();
  };
  const checked = checkStatusChange({ status, note, materials }, requestType(current.formType).staffStatuses);
  if (!checked.ok) return fieldErrors(checked.errors);
  try {
    const { record } = await api<{ record: RecordDetail }>(`records/${encodeURIComponent(current.receipt)}/status`, {
      body: { status, note, materials, expected: current.status },
    });
    current = record;
    await showRecord(record);
    const done = $('[data-status-done]');
    done.textContent = `已把 ${record.receipt} 的状态改为“${record.status}”。申请人在查询页面可以看到。`;
    done.hidden = false;
    done.focus();
    await loadList();
  } catch (err) {
    if (err instanceof ApiError && Array.isArray(err.body.errors))
      return fieldErrors(err.body.errors as { field: string; message: string }[]);
    showError(box, [err instanceof Error ? err.message : '保存失败']);
  }
}

// ------------------------------------------------------------------ export

async function exportCsvFile(): Promise<void> {
  const box = $('[data-list-error]');
  hideError(box);
  const button = $('[data-export]') as HTMLButtonElement;
  button.disabled = true;
  try {
    const { records } = await api<{ records: RecordDetail[] }>('export', { body: { filters: filters() } });
    const items: ExportItem[] = await Promise.all(
      records.map(async (r) => {
        if (r.personal === null)
          return { summary: r, data: null, problem: r.purgedAt ? '已到期删除' : '申请人已撤回，已删除' };
        try {
          return { summary: r, data: await open(r.personal, r.receipt, openingKeys()) };
        } catch (err) {
          return {
            summary: r,
            data: null,
            problem: err instanceof OpenError && err.reason === 'no-key' ? `缺少私钥 ${err.kid}` : '无法解密',
          };
        }
      }),
    );
    const now = new Date();
    const blob = new Blob([exportCsv(items, now)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(now);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const missing = items.filter((i) => i.data === null && i.problem?.startsWith('缺少私钥')).length;
    announce(`已导出 ${items.length} 份申请${missing ? `，其中 ${missing} 份缺少私钥没有解密` : ''}。`);
  } catch (err) {
    showError(box, [err instanceof Error ? err.message : '导出失败']);
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ audit

async function loadAudit(e?: SubmitEvent): Promise<void> {
  e?.preventDefault();
  const form = $('[data-audit-form]') as HTMLFormElement;
  const data = new FormData(form);
  const box = $('[data-audit-error]');
  hideError(box);
  try {
    const { entries } = await api<{ entries: (AuditEntry & { verified: boolean })[] }>('audit', {
      query: {
        from: String(data.get('from') ?? ''),
        to: String(data.get('to') ?? ''),
        receipt: String(data.get('receipt') ?? '').trim(),
      },
    });
    $('[data-audit-caption]').textContent = `操作记录：${entries.length} 条（最新的在前）`;
    $('[data-audit-rows]').innerHTML = String(
      entries.length
        ? html`${entries.map((x) => {
            const what = x.receipts
              ? `${x.receipts.length} 份：${x.receipts.slice(0, 5).join('、')}${x.receipts.length > 5 ? '……' : ''}`
              : (x.receipt ?? '');
            const detail = x.detail
              ? Object.entries(x.detail)
                  .map(([k, v]) => `${k}=${v}`)
                  .join('，')
              : '';
            return html`<tr><td>${beijingDateTime(x.at)}</td><td>${x.actor ?? '（未登录）'}</td><td>${ACTION_LABELS[x.action] ?? x.action}</td><td>${what}</td><td>${detail}</td><td>${x.verified ? '通过' : html`<strong>校验不符</strong>`}</td></tr>`;
          })}`
        : html`<tr><td colspan="6">这段时间没有操作记录。</td></tr>`,
    );
    announce(`找到 ${entries.length} 条操作记录。`);
  } catch (err) {
    showError(box, [err instanceof Error ? err.message : '读取失败']);
  }
}

// ------------------------------------------------------------------ wiring

if (desk && window.isSecureContext && crypto?.subtle) {
  desk.hidden = false;
  $('[data-js-required]').hidden = true;
  ($('#desk-note') as HTMLTextAreaElement).maxLength = NOTE_MAX;
  const today = beijingDate(new Date());
  ($('#desk-a-from') as HTMLInputElement).value = today;
  ($('#desk-a-to') as HTMLInputElement).value = today;
  $('[data-signin-form]').addEventListener('submit', (e) => void signIn(e as SubmitEvent));
  $('[data-signout]').addEventListener('click', () => signOut('已退出。'));
  $('#desk-keyfile').addEventListener('change', (e) => void loadKeyFiles(e.target as HTMLInputElement));
  $('#desk-remember').addEventListener('change', (e) => void toggleRemember(e.target as HTMLInputElement));
  $('[data-filters]').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadList();
  });
  $('[data-records]').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-open]');
    if (b) void openReceipt(b.dataset.open!);
  });
  $('[data-status-form]').addEventListener('change', syncMaterials);
  $('[data-status-form]').addEventListener('submit', (e) => void saveStatus(e as SubmitEvent));
  $('[data-export]').addEventListener('click', () => void exportCsvFile());
  consultPanel = new ConsultPanel($('[data-consult-panel]'), {
    api,
    announce,
    keys: openingKeys,
    onSaved: (record) => {
      current = record;
      void showRecord(record);
    },
  });
  $('[data-audit-form]').addEventListener('submit', (e) => void loadAudit(e as SubmitEvent));
  $('[data-close-record]').addEventListener('click', () => {
    current = null;
    $('[data-record]').hidden = true;
    $('[data-record-body]').innerHTML = '';
    $('#list-title').focus();
  });
  for (const ev of ['keydown', 'pointerdown']) document.addEventListener(ev, resetIdle, { passive: true });
} else if (desk) {
  // JavaScript runs but WebCrypto does not (an old browser, or plain http on another host).
  $('[data-js-required]').hidden = true;
  $('[data-no-crypto]').hidden = false;
}
