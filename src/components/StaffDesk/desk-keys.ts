/**
 * Private keys on the desk: read from files with a file input and imported
 * as NON-EXTRACTABLE CryptoKeys; the file's text is dropped at once and never
 * leaves the device. Only if the staff member ticks “记住” are the CryptoKey
 * objects kept in IndexedDB on this device (key-store.ts). Records arrive
 * sealed and are opened here (src/lib/staff/crypto.ts).
 */
import { html } from '../../lib/html.ts';
import type { PersonalData } from '../../lib/requests/record.ts';
import {
  importPrivateKey,
  kidMatches,
  open,
  OpenError,
  parsePrivateKeyFile,
  type OpeningKey,
} from '../../lib/staff/crypto.ts';
import { $, announce, hideError, showError } from './dom.ts';
import { forgetKeys, saveKey, savedKeys } from './key-store.ts';

const keys = new Map<string, { key: CryptoKey; from: string }>();
const listeners: (() => void)[] = [];

export const haveKeys = (): boolean => keys.size > 0;

/** Called after keys are added (the desk then shows names and opens the open record again). */
export function whenKeysChange(listener: () => void): void {
  listeners.push(listener);
}

/** The loaded keys, for other sealed things the desk opens (a consultation's answer and rating). */
export function openingKeys(): OpeningKey[] {
  return [...keys].map(([kid, k]) => ({ kid, key: k.key }));
}

/** Opens a sealed half, or says in words why not. */
export async function openPersonal(
  sealed: unknown,
  receipt: string,
): Promise<{ data: PersonalData } | { problem: string; kid?: string; missingKey: boolean }> {
  try {
    return { data: await open(sealed, receipt, openingKeys()) };
  } catch (err) {
    const missingKey = err instanceof OpenError && err.reason === 'no-key';
    const kid = err instanceof OpenError ? err.kid : undefined;
    return { problem: missingKey ? `缺少私钥 ${kid}` : '无法解密', kid, missingKey };
  }
}

export function renderKeys(): void {
  $('[data-keys-list]').innerHTML = String(
    html`${[...keys].map(([kid, k]) => html`<li>密钥编号 <code>${kid}</code>（${k.from}）</li>`)}`,
  );
  $('[data-keys-empty]').hidden = keys.size > 0;
}

export async function restoreSavedKeys(): Promise<void> {
  const saved = await savedKeys();
  for (const s of saved) if (!keys.has(s.kid)) keys.set(s.kid, { key: s.key, from: '这台设备上记住的私钥' });
  ($('#desk-remember') as HTMLInputElement).checked = saved.length > 0;
  renderKeys();
}

/** Keys loaded from files are dropped on sign-out; keys kept on this device stay in IndexedDB. */
export function dropKeys(): void {
  keys.clear();
}

async function loadFile(file: File, remember: boolean): Promise<string[]> {
  if (file.size > 64 * 1024) throw new Error('too big');
  const added: string[] = [];
  for (const jwk of parsePrivateKeyFile(await file.text())) {
    if (!(await kidMatches(jwk))) throw new Error('kid');
    const key = await importPrivateKey(jwk, false); // non-extractable
    keys.set(jwk.kid, { key, from: `文件 ${file.name}` });
    if (remember) await saveKey(jwk.kid, key);
    added.push(jwk.kid);
  }
  return added;
}

export async function loadKeyFiles(input: HTMLInputElement): Promise<void> {
  const box = $('[data-keys-error]');
  hideError(box);
  const problems: string[] = [];
  const added: string[] = [];
  const remember = ($('#desk-remember') as HTMLInputElement).checked;
  for (const file of [...(input.files ?? [])]) {
    try {
      added.push(...(await loadFile(file, remember)));
    } catch (err) {
      const why =
        err instanceof Error && err.message === 'kid'
          ? '密钥编号和密钥本身对不上，文件可能被改动过。'
          : '不是有效的私钥文件。请选择以 .private.jwk.json 结尾的文件。';
      problems.push(`${file.name}：${why}`);
    }
  }
  input.value = ''; // the file stays on the device; nothing of it is kept here but the CryptoKey
  renderKeys();
  if (problems.length) showError(box, problems);
  if (added.length) {
    announce(`已载入私钥 ${added.join('、')}${remember ? '，并记在这台设备上' : ''}。`);
    for (const l of listeners) l();
  }
}

export async function toggleRemember(box: HTMLInputElement): Promise<void> {
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
