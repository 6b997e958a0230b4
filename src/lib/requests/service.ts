/**
 * What happens to an application, independent of HTTP: submit (idempotent),
 * look up the status, withdraw or correct within 10 minutes.
 *
 * Idempotency without a lock, in one store call: the receipt's six characters
 * and the storage key derive from an HMAC of the idempotency key, so twenty
 * identical requests racing each other all write the same key with
 * onlyIfNew; one record results, and all twenty answer with its receipt. A
 * retry after midnight finds the same key and answers with the first receipt.
 */
import { REQUEST_FORMS } from './forms.ts';
import type { RequestTypeId } from './registry.ts';
import {
  canonicalJson,
  hmacHex,
  idempotencyHash,
  phoneCheck,
  phoneMatches,
  receiptCandidates,
  sameSecret,
  withdrawToken,
} from './keys.ts';
import {
  canWithdraw,
  corrected,
  newRecord,
  withdrawn,
  WITHDRAW_WINDOW_MS,
  type ApplicationRecord,
  type RecordMeta,
} from './record.ts';
import { StoreUnavailableError, type Deadline } from '../store/deadline.ts';
import type { Seat } from '../consult/service-days.ts';
import type { ApplicationStore, PersonalSealer } from './store.ts';

export interface ServiceDeps {
  store: ApplicationStore;
  secret: string;
  sealer: PersonalSealer;
  now: () => Date;
}

/** A validated request: its kind and the schema's output. */
export interface Application {
  formType: RequestTypeId;
  data: Record<string, unknown>;
  /** The script of the site the person used (src/lib/i18n/); stored as meta.lang. */
  lang?: 'zh-Hans' | 'zh-Hant';
  /** A service-day slot to book with it (法律咨询, 当面咨询): stored only if the slot has a place left. */
  seat?: Seat;
}

/** The keyed hash of what was submitted: the same key with other content is a conflict. */
function submissionHash(secret: string, app: Application): string {
  return hmacHex(secret, 'content', `${app.formType}:${canonicalJson(app.data)}`);
}

/** The plaintext half of the record (see record.ts) for an application; the phone only as a slow salted hash. */
async function metaFor(
  secret: string,
  app: Application,
): Promise<Pick<RecordMeta, 'town' | 'category' | 'phoneCheck' | 'submissionHash' | 'lang' | 'serviceSlot'>> {
  const { town, category, phone } = REQUEST_FORMS[app.formType].routing(app.data);
  return {
    town,
    category,
    phoneCheck: await phoneCheck(secret, phone),
    submissionHash: submissionHash(secret, app),
    lang: app.lang ?? 'zh-Hans',
    ...(app.seat ? { serviceSlot: app.seat.slot } : {}),
  };
}

export type SubmitResult =
  | { kind: 'created' | 'duplicate'; receipt: string; token: string; withdrawUntil: Date }
  | { kind: 'conflict'; receipt: string }
  | { kind: 'withdrawn'; receipt: string }
  /** The service-day slot has no place left: nothing was stored. */
  | { kind: 'full'; message: string };

export async function submit(
  deps: ServiceDeps,
  deadline: Deadline,
  app: Application,
  key: string,
): Promise<SubmitResult> {
  const { store, secret } = deps;
  const idemHash = idempotencyHash(secret, app.formType, key);
  const meta = await metaFor(secret, app);
  const token = withdrawToken(secret, idemHash);
  const until = (createdAt: string) => new Date(Date.parse(createdAt) + WITHDRAW_WINDOW_MS);

  const now = deps.now();
  for (const receipt of receiptCandidates(secret, app.formType, idemHash, now)) {
    // Sealed per candidate: the ciphertext is bound to the receipt it is stored under.
    const personal = await deps.sealer.seal(app.data, { receipt });
    const record = newRecord({ receipt, formType: app.formType, now, meta: { ...meta, idemHash }, personal });
    const out = await deadline.run('create record', (signal) => store.createRecord(record, signal, app.seat));
    if (out.written) return { kind: 'created', receipt, token, withdrawUntil: until(record.createdAt) };
    if (out.full && app.seat) return { kind: 'full', message: app.seat.fullMessage };
    const existing = await deadline.run('get record', (signal) => store.getRecord(receipt, signal));
    if (!existing) throw new StoreUnavailableError('record vanished after a refused create');
    const first = existing.record;
    if (first.meta.idemHash !== idemHash) continue; // another application holds this number
    // Confirming again after withdrawing (Back, or the retry page): say so, never “申请已提交”.
    if (first.status.current === '已撤回') return { kind: 'withdrawn', receipt: first.receipt };
    if (first.meta.submissionHash !== meta.submissionHash) return { kind: 'conflict', receipt: first.receipt };
    return { kind: 'duplicate', receipt: first.receipt, token, withdrawUntil: until(first.createdAt) };
  }
  throw new StoreUnavailableError('no free receipt number');
}

/** Receipt + phone → the record, or null. A wrong phone and an unknown receipt look the same to the caller. */
export async function lookup(
  deps: ServiceDeps,
  deadline: Deadline,
  receipt: string,
  phone: string,
): Promise<ApplicationRecord | null> {
  const found = exact(await deadline.run('get record', (signal) => deps.store.getRecord(receipt, signal)), receipt);
  // Checked even when nothing was found (against a decoy of the same cost), so both answers take the same time.
  const match = await phoneMatches(deps.secret, phone, found?.record.meta.phoneCheck);
  return found && match ? found.record : null;
}

export type ChangeResult =
  | { kind: 'not-found' }
  | { kind: 'expired' }
  | { kind: 'ok'; record: ApplicationRecord }
  /** A correction that would move, add or drop a booked service-day slot (its seat is counted): refused. */
  | { kind: 'slot-changed' };

/** The stored record only if its receipt matches in full: the key ignores the date, the receipt does not. */
function exact<T extends { record: ApplicationRecord }>(found: T | null, receipt: string): T | null {
  return found && found.record.receipt === receipt ? found : null;
}

async function authorised(
  deps: ServiceDeps,
  deadline: Deadline,
  receipt: string,
  token: string,
  formType?: RequestTypeId,
) {
  const found = exact(await deadline.run('get record', (signal) => deps.store.getRecord(receipt, signal)), receipt);
  const expected = found ? withdrawToken(deps.secret, found.record.meta.idemHash) : '';
  const ok = sameSecret(expected, token) && !!found && (!formType || found.record.formType === formType);
  return ok ? found : null;
}

/** Withdraws within the window; withdrawing twice answers like the first time. */
export async function withdraw(
  deps: ServiceDeps,
  deadline: Deadline,
  receipt: string,
  token: string,
): Promise<ChangeResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await authorised(deps, deadline, receipt, token);
    if (!found) return { kind: 'not-found' };
    if (found.record.status.current === '已撤回') return { kind: 'ok', record: found.record };
    const now = deps.now();
    if (!canWithdraw(found.record, now)) return { kind: 'expired' };
    const next = withdrawn(found.record, now);
    const out = await deadline.run('replace record', (signal) => deps.store.replaceRecord(next, found.version, signal));
    if (out.written) return { kind: 'ok', record: next };
  }
  throw new StoreUnavailableError('record kept changing');
}

/** Replaces what the applicant typed, within the window; the receipt stays. */
export async function correct(
  deps: ServiceDeps,
  deadline: Deadline,
  app: Application,
  receipt: string,
  token: string,
): Promise<ChangeResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await authorised(deps, deadline, receipt, token, app.formType);
    if (!found) return { kind: 'not-found' };
    const now = deps.now();
    if (!canWithdraw(found.record, now)) return { kind: 'expired' };
    // The same correction sent twice (a double click, a retry) changes nothing the second time.
    if (found.record.meta.submissionHash === submissionHash(deps.secret, app) && found.record.personal)
      return { kind: 'ok', record: found.record };
    if ((found.record.meta.serviceSlot ?? '') !== (app.seat?.slot ?? '')) return { kind: 'slot-changed' };
    const meta = await metaFor(deps.secret, app);
    const personal = await deps.sealer.seal(app.data, { receipt: found.record.receipt });
    const next = corrected(found.record, now, { meta, personal });
    const out = await deadline.run('replace record', (signal) => deps.store.replaceRecord(next, found.version, signal));
    if (out.written) return { kind: 'ok', record: next };
  }
  throw new StoreUnavailableError('record kept changing');
}
