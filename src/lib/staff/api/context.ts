/**
 * One call to the staff API and what every route needs: the deadline for its
 * store calls, the log (with the signed-in staff member's name), and the audit
 * trail. The audit entry is written BEFORE any record or export is handed out:
 * if it cannot be written, nothing is handed out (503).
 */
import type { AnswerLinks } from '../../consult/answer.ts';
import type { ConsultStore } from '../../store/consult.ts';
import type { PersonalSealer } from '../../requests/store.ts';
import { json } from '../../http/responses.ts';
import { Deadline, StoreUnavailableError } from '../../store/deadline.ts';
import { newAuditEntry, type AuditInput } from '../audit.ts';
import type { LockPolicy } from '../lockout.ts';
import type { StaffStore } from '../store.ts';
import type { StaffMember } from '../tokens.ts';

export interface StaffLogEntry {
  event: string;
  cid: string;
  status: number;
  receipt?: string;
  staff?: string;
  detail?: string;
  /** The failure behind a 503: the log writes its stack, never its message. */
  error?: unknown;
}

export interface StaffDeps {
  store: StaffStore;
  staff: readonly StaffMember[];
  secret: string;
  now: () => Date;
  log: (entry: StaffLogEntry) => void;
  deadlineMs: number;
  perCallMs: number;
  retryAfter: number;
  /** false on a deployed site without APPLICATIONS_SECRET: refuse (503). */
  configured: boolean;
  lockPolicy?: LockPolicy;
  /** Most bytes of records one export page may hold (Netlify answers at most 6 MB). */
  exportPageBytes?: number;
  /** 法律咨询: answers and ratings (src/lib/store/consult.ts). */
  consult?: ConsultStore;
  /** What an answer may link to, from the build (/staff/answer-links.json). */
  answerLinks?: AnswerLinks;
  /** Seals the desk's copy of an answer to the bureau's public key; null without a valid key. */
  sealer?: PersonalSealer | null;
}

export interface RequestMeta {
  /** The client address (context.ip on Netlify); only its HMAC is ever stored. */
  ip: string;
  cid?: string;
}

export const STAFF_MESSAGES = {
  unauthorised: '请先用您的工作人员令牌登录。',
  wrongToken: '令牌不对，请检查后重新输入。多次输错会被暂时锁定。',
  locked: (minutes: number) => `登录失败次数太多，已暂时锁定，请 ${minutes} 分钟后再试。`,
  expired: '您的令牌已经过期，请找网站管理员换一个新的令牌。',
  revoked: '您的令牌已经停用，请找网站管理员。',
  notFound: '没有找到这份申请，或者您无权查看。',
  unavailable: '系统暂时无法访问，请稍等一会儿再试。',
  notConfigured: '工作台还没有配置好（缺少服务器密钥），请联系网站管理员。',
  badRequest: '请求格式不对',
};

export class StaffCall {
  readonly req: Request;
  readonly deps: StaffDeps;
  readonly cid: string;
  readonly deadline: Deadline;
  /** The signed-in staff member, once known. */
  who: StaffMember | null = null;
  /** The JSON body of a POST (an object without prototype), or {}. */
  body: Record<string, unknown> = {};

  constructor(req: Request, deps: StaffDeps, cid: string) {
    this.req = req;
    this.deps = deps;
    this.cid = cid;
    this.deadline = new Deadline(deps.deadlineMs, deps.perCallMs);
  }

  get me(): StaffMember {
    if (!this.who) throw new Error('not signed in');
    return this.who;
  }

  log(status: number, event: string, receipt?: string, detail?: string, error?: unknown): void {
    this.deps.log({
      event,
      cid: this.cid,
      status,
      ...(receipt ? { receipt } : {}),
      ...(this.who ? { staff: this.who.name } : {}),
      ...(detail ? { detail } : {}),
      ...(error ? { error } : {}),
    });
  }

  async audit(input: AuditInput): Promise<void> {
    const entry = newAuditEntry(this.deps.secret, input, this.deps.now());
    const out = await this.deadline.run('append audit', (signal) => this.deps.store.appendAudit(entry, signal));
    if (!out.written) throw new StoreUnavailableError('audit key taken');
  }

  ok(body: unknown): Response {
    return json(200, body, this.cid);
  }
}
