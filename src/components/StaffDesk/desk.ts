/**
 * The staff desk (/staff/): wiring. Framework-free; the page's HTML holds the
 * whole structure and the modules beside this one fill it in:
 *   session.ts  sign-in, the token in memory only, the API, the idle timeout
 *   desk-keys.ts private keys (non-extractable; kept on the device only if asked)
 *   queue.ts    the list: pages, filters, counts, search, names
 *   record.ts   one application and its status change (with confirmation)
 *   export.ts   CSV made on the device, with or without personal data
 *   audit.ts    the audit trail
 *   consult/    the 法律咨询 answer panel under an opened consultation
 *   service-days.ts a service day's bookings, printable for the adviser
 * Decrypted text is only ever inserted escaped (html``).
 */
import { html } from '../../lib/html.ts';
import { beijingDate } from '../../lib/time.ts';
import { NOTE_MAX } from '../../lib/staff/status-change.ts';
import { townLabel } from '../../lib/staff/desk-labels.ts';
import { loadAudit } from './audit.ts';
import { ConsultPanel } from './consult/answer-panel.ts';
import { DayList } from './service-days.ts';
import { dropKeys, loadKeyFiles, openingKeys, restoreSavedKeys, toggleRemember, whenKeysChange } from './desk-keys.ts';
import { $, announce, hideError, messageOf } from './dom.ts';
import { cancelExport, prepareExport, runExport } from './export.ts';
import {
  clearList,
  clearSearch,
  filterBy,
  firstPage,
  loadList,
  nextPage,
  refilter,
  search,
  showNames,
} from './queue.ts';
import {
  cancelConfirm,
  closeRecord,
  openReceipt,
  openRecord,
  saveStatus,
  sendStatus,
  showRecord,
  syncMaterials,
  whenRecordShown,
} from './record.ts';
import { api, forget, resetIdle, signIn, signedIn, whenSignedOut, type Me } from './session.ts';

/** The service day's list, where the desk has published days to list. */
let dayList: DayList | null = null;

function signOut(message: string): void {
  forget();
  dropKeys();
  clearList();
  closeRecord();
  $('[data-signed-in]').hidden = true;
  $('[data-audit-rows]').innerHTML = '';
  // A service day's list holds decrypted names and phones: gone with the sign-out.
  dayList?.clear();
  $('[data-signin]').hidden = false;
  ($('#desk-token') as HTMLInputElement).value = '';
  const note = $('[data-signin-note]');
  note.textContent = message;
  note.hidden = !message;
  $('#desk-token').focus();
  announce(message || '已退出。');
}

function signInFailed(message: string): void {
  const input = $('#desk-token') as HTMLInputElement;
  const fieldError = $('#desk-token-error');
  fieldError.querySelector('[data-error-text]')!.textContent = message;
  fieldError.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', 'desk-token-hint desk-token-error');
  const box = $('[data-signin-error]');
  box.innerHTML = String(
    html`<h2 class="error-summary__title">有问题需要处理</h2><ul><li><a href="#desk-token">${message}</a></li></ul>`,
  );
  box.hidden = false;
  box.focus();
}

/** Town offices only get their own towns in the filter. */
function restrictTowns(me: Me): void {
  const select = $('#desk-f-town') as HTMLSelectElement;
  for (const o of [...select.options]) if (o.value) o.hidden = o.disabled = !me.cityWide && !me.towns.includes(o.value);
}

function showSignedIn(me: Me): void {
  const input = $('#desk-token') as HTMLInputElement;
  input.value = '';
  $('#desk-token-error').hidden = true;
  input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', 'desk-token-hint');
  hideError($('[data-signin-error]'));
  $('[data-signin-note]').hidden = true;
  $('[data-signin]').hidden = true;
  $('[data-signed-in]').hidden = false;
  $('[data-who]').textContent = me.name;
  $('[data-scope]').textContent = me.cityWide ? '全市' : me.towns.map(townLabel).join('、');
  $('[data-expires]').textContent = me.expires;
  restrictTowns(me);
}

async function onSignIn(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const value = ($('#desk-token') as HTMLInputElement).value.trim();
  if (!value) return signInFailed('请输入您的工作人员令牌');
  let me: Me;
  try {
    me = await signIn(value);
  } catch (err) {
    return signInFailed(messageOf(err, '登录失败'));
  }
  showSignedIn(me);
  resetIdle();
  await restoreSavedKeys();
  $('[data-signed-in-title]').focus();
  announce(`已登录：${me.name}`);
  await loadList();
}

/** Clicks inside the list: open a record, or filter by a count. */
function onListClick(e: Event): void {
  const target = e.target as HTMLElement;
  const open = target.closest<HTMLButtonElement>('[data-open]');
  if (open) return void openReceipt(open.dataset.open!);
  const status = target.closest<HTMLButtonElement>('[data-status-filter]');
  if (status) return void filterBy('status', status.dataset.statusFilter!);
  const due = target.closest<HTMLButtonElement>('[data-due-filter]');
  if (due) {
    const pressed = due.getAttribute('aria-pressed') === 'true';
    void filterBy('due', pressed ? '' : due.dataset.dueFilter!);
  }
}

/** New keys: names appear in the list, and the open record shows its personal data. */
async function onKeysChanged(): Promise<void> {
  await showNames().catch(() => undefined);
  const r = openRecord();
  if (r) await showRecord(r);
}

function wire(): void {
  const on = (sel: string, ev: string, fn: (e: Event) => unknown) => $(sel).addEventListener(ev, (e) => void fn(e));
  on('[data-signin-form]', 'submit', (e) => onSignIn(e as SubmitEvent));
  on('[data-signout]', 'click', () => signOut('已退出。'));
  on('#desk-keyfile', 'change', (e) => loadKeyFiles(e.target as HTMLInputElement));
  on('#desk-remember', 'change', (e) => toggleRemember(e.target as HTMLInputElement));
  on('[data-filters]', 'submit', (e) => (e.preventDefault(), refilter()));
  on('[data-search]', 'submit', (e) => (e.preventDefault(), search(($('#desk-q') as HTMLInputElement).value)));
  on('[data-search-clear]', 'click', () => clearSearch());
  on('#desk-list', 'click', onListClick);
  on('[data-next-page]', 'click', () => nextPage());
  on('[data-first-page]', 'click', () => firstPage());
  on('[data-status-form]', 'change', () => syncMaterials());
  on('[data-status-form]', 'submit', (e) => saveStatus(e as SubmitEvent));
  on('[data-status-confirm-yes]', 'click', () => sendStatus());
  on('[data-status-confirm-no]', 'click', () => cancelConfirm());
  on('[data-export]', 'click', () => prepareExport());
  on('[data-export-personal]', 'click', () => runExport(true));
  on('[data-export-meta]', 'click', () => runExport(false));
  on('[data-export-cancel]', 'click', () => cancelExport());
  on('[data-audit-form]', 'submit', (e) => (e.preventDefault(), loadAudit()));
  on('[data-audit-more]', 'click', () => loadAudit(true));
  on('[data-close-record]', 'click', () => (closeRecord(), $('#list-title').focus()));
  whenSignedOut(signOut);
  whenKeysChange(() => void onKeysChanged());
  const consult = new ConsultPanel($('[data-consult-panel]'), {
    api,
    announce,
    keys: openingKeys,
    onSaved: (record) => void showRecord(record),
  });
  whenRecordShown((record, personal) => void consult.show(record, personal));
  const days = document.querySelector<HTMLElement>('[data-days]');
  dayList = days && days.querySelector('[data-days-form]') ? new DayList(days) : null;
  whenKeysChange(() => void dayList?.render());
  for (const ev of ['keydown', 'pointerdown'])
    document.addEventListener(ev, () => signedIn() && resetIdle(), { passive: true });
}

const desk = document.querySelector<HTMLElement>('[data-desk]');
if (desk && window.isSecureContext && crypto?.subtle) {
  desk.hidden = false;
  $('[data-js-required]').hidden = true;
  ($('#desk-note') as HTMLTextAreaElement).maxLength = NOTE_MAX;
  const today = beijingDate(new Date());
  ($('#desk-a-from') as HTMLInputElement).value = today;
  ($('#desk-a-to') as HTMLInputElement).value = today;
  wire();
} else if (desk) {
  // JavaScript runs but WebCrypto does not (an old browser, or plain http on another host).
  $('[data-js-required]').hidden = true;
  $('[data-no-crypto]').hidden = false;
}
