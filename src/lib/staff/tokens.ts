/**
 * Staff sign-in tokens. One token per person, made by `npm run staff:add`:
 * 32 random bytes (base64url) after the prefix "tsk_". Only the SHA-256 of a
 * token is put in the site's environment, one entry per person:
 *
 *   STAFF_TOKENS="陈丽|taicheng,dajiang|<64 hex>|2027-06-30;李明|*|<64 hex>|2027-03-31"
 *
 *   name     who (shown in the audit trail; no "|", ";" or line breaks)
 *   towns    the towns.json ids this person handles, or "*" for the whole city
 *   hash     sha256("ts-sfj/staff-token\0" + token), hex
 *   expires  the last day (Beijing date) the token works; every token has one
 *
 * A token stops working before its date when its hash is on the revocation
 * list in the database (`npm run staff:revoke`, table staff_revocations),
 * which takes effect at once, without a deploy.
 *
 * Entries are separated by ";" or line breaks. A token is 256 random bits, so
 * a plain hash is enough (nothing to brute-force); a leaked environment does
 * not reveal any token. Checking compares the hash with EVERY entry in
 * constant time, without stopping at the first match.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOWN_IDS } from '../towns.ts';

export interface StaffMember {
  name: string;
  /** towns.json ids; empty when cityWide. */
  towns: string[];
  cityWide: boolean;
  /** sha256 hex of the token. */
  hash: string;
  /** Last day the token works (Beijing date, "2027-06-30"). */
  expires: string;
}

/** How long a new token works unless said otherwise, and at most. */
export const TOKEN_DAYS = 180;
export const TOKEN_MAX_DAYS = 400;

export const TOKEN_PATTERN = /^tsk_[A-Za-z0-9_-]{43}$/;
const NAME = /^[^|;\r\n]{1,20}$/;
const EXPIRES = /^\d{4}-\d{2}-\d{2}$/;

export function newToken(): string {
  return `tsk_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(`ts-sfj/staff-token\u0000${token}`).digest('hex');
}

export function validName(name: string): boolean {
  return NAME.test(name) && name.trim() === name;
}

/** The line to put in STAFF_TOKENS for a person; `expires` is the last day the token works. */
export function staffLine(name: string, towns: string[] | '*', token: string, expires: string): string {
  if (!EXPIRES.test(expires)) throw new Error('expires: a date like 2027-06-30');
  if (!validName(name)) throw new Error('name: 1–20 characters, no "|", ";" or line breaks, no spaces at either end');
  const list = towns === '*' ? '*' : towns.join(',');
  if (towns !== '*') {
    if (towns.length === 0) throw new Error('towns: give at least one town id, or * for the whole city');
    for (const t of towns) if (!TOWN_IDS.includes(t)) throw new Error(`towns: unknown town id "${t}"`);
  }
  return `${name}|${list}|${tokenHash(token)}|${expires}`;
}

/**
 * Parses STAFF_TOKENS. Malformed entries are skipped and reported by index
 * (never by content) so one typo does not lock everyone out.
 */
export function parseStaffTokens(text: string | undefined): { staff: StaffMember[]; problems: string[] } {
  const staff: StaffMember[] = [];
  const problems: string[] = [];
  const entries = (text ?? '')
    .split(/[;\r\n]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const parts = entry.split('|');
    const [name, towns, hash, expires] = parts.map((p) => p.trim());
    if (parts.length === 3) {
      problems.push(
        `entry ${i + 1}: no expiry date (name|towns|hash|YYYY-MM-DD); make a new token with npm run staff:add`,
      );
      return;
    }
    if (parts.length !== 4 || !name || !validName(name) || !towns || !hash || !/^[0-9a-f]{64}$/.test(hash)) {
      problems.push(`entry ${i + 1}: expected name|towns|sha256-hex|YYYY-MM-DD`);
      return;
    }
    if (!expires || !EXPIRES.test(expires) || Number.isNaN(Date.parse(expires))) {
      problems.push(`entry ${i + 1}: expiry is not a date like 2027-06-30`);
      return;
    }
    if (towns === '*') {
      staff.push({ name, towns: [], cityWide: true, hash, expires });
      return;
    }
    const list = towns
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (list.length === 0 || list.some((t) => !TOWN_IDS.includes(t))) {
      problems.push(`entry ${i + 1}: unknown town id`);
      return;
    }
    staff.push({ name, towns: list, cityWide: false, hash, expires });
  });
  if (new Set(staff.map((s) => s.name)).size !== staff.length)
    problems.push('two entries share a name: the audit trail could not tell them apart');
  return { staff, problems };
}

/**
 * The staff member holding this token, or null. Every entry is compared, in
 * constant time, whatever the outcome, so timing says nothing about which or
 * how many entries exist.
 */
export function findStaff(staff: readonly StaffMember[], token: string): StaffMember | null {
  const presented = Buffer.from(tokenHash(token), 'hex');
  let found: StaffMember | null = null;
  for (const s of staff) {
    const same = timingSafeEqual(presented, Buffer.from(s.hash, 'hex'));
    if (same && !found) found = s;
  }
  return found;
}

/** May this person see records of this town? */
export function canSee(member: StaffMember, town: string): boolean {
  return member.cityWide || member.towns.includes(town);
}

/** The token from "Authorization: Bearer tsk_…", or '' when absent or malformed. */
export function bearer(req: Request): string {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
  return m ? m[1]! : '';
}

/** Has the token's last day passed (Beijing dates compare as strings)? */
export function expired(member: Pick<StaffMember, 'expires'>, today: string): boolean {
  return today > member.expires;
}
