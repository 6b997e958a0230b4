/**
 * The shape of an application, as the service and the desk handle it. Stored
 * as one row of the `requests` table (src/lib/store/requests.ts maps it to
 * columns; netlify/database/migrations/ defines them), filed under its slot
 * (receiptSlot(): the receipt without its date).
 *
 * Two halves, on purpose:
 *  - plaintext: what processing needs without reading anyone's story —
 *    receipt, form type, timestamps, status history, and `meta` (town,
 *    matter or dispute type, keyed hashes);
 *  - `personal`: everything the person typed, wrapped in a SealedPersonal.
 *    The functions store { encoding: 'ecdh-p256-aes256gcm', v: 1, kid, epk,
 *    iv, ct }: encrypted to the bureau's public key and bound to the receipt
 *    (src/lib/staff/crypto.ts); only the staff desk can open it. The
 *    { encoding: 'plain', data } form is used by unit tests of the logic only.
 */
import type { RequestTypeId } from './registry.ts';
import type { Status } from './status.ts';

export const SCHEMA_VERSION = 1;

export interface StatusEntry {
  status: Status;
  /** ISO 8601, UTC. */
  at: string;
  /** Shown to the applicant: the reason for 不予受理, the list of materials for 需补充材料. */
  note?: string;
  by: 'system' | 'applicant' | 'staff';
}

/** Everything the person typed, as validated (legal-aid.ts / mediation.ts output). */
export type PersonalData = Record<string, unknown>;

export type SealedPersonal = { encoding: 'plain'; data: PersonalData } | { encoding: string; [k: string]: unknown };

export interface RecordMeta {
  /** Routing: the person's town (legal aid) or the dispute's town (mediation); a towns.json id. */
  town: string;
  /** matterType (legal aid) or disputeType (mediation). */
  category: string;
  /** Slow salted hash of the contact phone (keys.ts phoneCheck()): checked after finding the record by receipt. */
  phoneCheck: string;
  /** HMAC of the idempotency key the browser (or the check page) sent; the withdraw secret derives from it. */
  idemHash: string;
  /** HMAC of the validated content: a retry with the same key but other content is refused (409). */
  submissionHash: string;
  /** End of the 10-minute window to withdraw or correct (ISO). */
  withdrawUntil: string;
  /** How many times the applicant corrected the content within the window. */
  corrections: number;
  /**
   * The script of the site the person filled the form on: zh-Hans (简体) or
   * zh-Hant (繁體, /zh-hant/). Shown on the staff desk; absent on records made
   * before it existed (read as zh-Hans).
   */
  lang?: 'zh-Hans' | 'zh-Hant';
  /**
   * The village legal adviser's service-day slot booked with a 法律咨询
   * (src/lib/consult/service-days.ts slotId): plaintext, so the desk lists
   * bookings per day; not personal data. Absent on every other request.
   */
  serviceSlot?: string;
}

export interface ApplicationRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  receipt: string;
  formType: RequestTypeId;
  createdAt: string;
  updatedAt: string;
  status: { current: Status; history: StatusEntry[] };
  meta: RecordMeta;
  /** null once the applicant withdrew: personal data is deleted, the counts stay. */
  personal: SealedPersonal | null;
  /** Set by the retention job (src/lib/staff/retention.ts) when it deleted the personal data and hashes. */
  purgedAt?: string;
}

export const WITHDRAW_WINDOW_MS = 10 * 60_000;

export function newRecord(input: {
  receipt: string;
  formType: RequestTypeId;
  now: Date;
  meta: Omit<RecordMeta, 'withdrawUntil' | 'corrections'>;
  personal: SealedPersonal;
}): ApplicationRecord {
  const at = input.now.toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    receipt: input.receipt,
    formType: input.formType,
    createdAt: at,
    updatedAt: at,
    status: { current: '已收到', history: [{ status: '已收到', at, by: 'system' }] },
    meta: {
      ...input.meta,
      withdrawUntil: new Date(input.now.getTime() + WITHDRAW_WINDOW_MS).toISOString(),
      corrections: 0,
    },
    personal: input.personal,
  };
}

export function canWithdraw(record: ApplicationRecord, now: Date): boolean {
  return record.status.current === '已收到' && now.getTime() <= Date.parse(record.meta.withdrawUntil);
}

export function withdrawn(record: ApplicationRecord, now: Date): ApplicationRecord {
  const at = now.toISOString();
  return {
    ...record,
    updatedAt: at,
    status: {
      current: '已撤回',
      history: [
        ...record.status.history,
        { status: '已撤回', at, note: '申请人在提交后10分钟内撤回，填写的个人信息已删除。', by: 'applicant' },
      ],
    },
    personal: null,
  };
}

export function corrected(
  record: ApplicationRecord,
  now: Date,
  change: {
    meta: Pick<RecordMeta, 'town' | 'category' | 'phoneCheck' | 'submissionHash' | 'serviceSlot'>;
    personal: SealedPersonal;
  },
): ApplicationRecord {
  const at = now.toISOString();
  return {
    ...record,
    updatedAt: at,
    meta: { ...record.meta, ...change.meta, corrections: record.meta.corrections + 1 },
    status: {
      ...record.status,
      history: [
        ...record.status.history,
        { status: record.status.current, at, note: '申请人更正了申请内容。', by: 'applicant' },
      ],
    },
    personal: change.personal,
  };
}

/** What the status page may show: no personal data, ever. */
export function publicStatus(record: ApplicationRecord) {
  return {
    receipt: record.receipt,
    formType: record.formType,
    submittedAt: record.createdAt,
    current: record.status.current,
    history: record.status.history.map(({ status, at, note }) => (note ? { status, at, note } : { status, at })),
  };
}
