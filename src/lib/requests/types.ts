/**
 * What the site knows about a kind of request a resident can send (法律援助申请,
 * 人民调解申请, …): one `RequestType` per kind, in its own folder under
 * src/lib/requests/, listed once in registry.ts. Pages, functions, the status
 * lookup, the staff desk, the CSV export, statistics and receipts all read it,
 * so adding a kind is one new folder (plus its start page in src/pages/apply/);
 * tests/unit/requests.test.ts names whatever a registered kind still lacks.
 *
 * A RequestType has no zod and no form definition, so light pages (the status
 * page, the desk's list) do not download the validation library; the form and
 * its schema are the kind's `form.ts`, registered in forms.ts.
 */
import type { Option } from '../forms/definitions.ts';
import type { WorkLineId } from '../taxonomy.ts';
import type { Status } from './status.ts';

export interface RequestLabels {
  /** Short name for the desk, the CSV and statistics: 法律援助. */
  name: string;
  /** What the resident sends: 法律援助申请 (receipts, status, confirmation). */
  request: string;
  /** The action, as a heading and a link: 申请法律援助. */
  apply: string;
  /** The heading while correcting within 10 minutes: 更正法律援助申请. */
  correct: string;
}

/** A decision the bureau owes within a time limit, tracked on the desk. */
export interface DecisionRule {
  /** How many days after the day of receipt (that day not counted, 民法典第二百零一条). */
  days: number;
  /** Calendar days, or working days (Monday–Friday; public holidays are not modelled). */
  unit: 'calendar' | 'working';
  /** Statuses that are the decision: once one has been set, the clock stops for good (a final status stops it too). */
  decidedBy: readonly Status[];
  /** What the limit is called on the desk: 作出是否给予法律援助的决定. */
  what: string;
  /** The rule's source, shown to staff: 《中华人民共和国法律援助法》第四十三条. */
  source: string;
}

/** 个人信息处理告知 (个人信息保护法第十七条): the parts that differ by kind. */
export interface PrivacyText {
  /** 用来做什么: purpose, one or two sentences. */
  purpose: string;
  /** 收集哪些信息: one item per group of fields. */
  collects: readonly string[];
  /** 敏感个人信息 (第二十八条): which, and why they are needed. */
  sensitive: string;
  /** 谁能看到, with the duty of confidentiality that binds them. */
  whoSees: string;
  /** The archive rules that set how long records are kept: 法律援助档案管理. */
  archive: string;
}

/**
 * What the frame of a kind's start page says (src/layouts/RequestStart.astro):
 * the kind's index.ts exports it as `startPage`, beside its RequestType rather
 * than in it, so the scripts that read the registry (status page, forms, desk)
 * do not carry the start page's words (start-pages.ts finds it).
 */
export interface StartPage {
  /** The page title and its heading: 申请法律援助. */
  title: string;
  /** The work line (工作条线) the page is found under in search. */
  workLine: WorkLineId;
  /** The meta description: what the page lets a resident do, in one or two sentences. */
  description: string;
}

export interface RequestType<Id extends string = string> {
  /** URL and storage id: /apply/<id>/, /api/<id>. Fixed once published. */
  id: Id;
  /** Two capital letters that start every receipt number: FY-…. Fixed once published. */
  receiptPrefix: string;
  labels: RequestLabels;
  /** The statuses this kind of request can have, in the order they usually happen. */
  statuses: readonly Status[];
  /** The statuses staff may set on the desk. */
  staffStatuses: readonly Status[];
  /** The plaintext category staff route and count by (事情的类别), with the form's options. */
  category: { label: string; options: readonly Option[] };
  /** The decision the bureau owes, if the law sets a time limit. */
  decision?: DecisionRule;
  /** Materials staff can ask for at once with 需补充材料 (一次性告知). */
  commonMaterials: readonly string[];
  /** “接下来会怎样” on the confirmation page, each step citing its article. */
  nextSteps: readonly string[];
  privacy: PrivacyText;
  /** Offer “快速离开” on every page of this kind (disputes at home, domestic violence). */
  quickExit: boolean;
}

/**
 * Kinds whose start page is a section of its own rather than a page under
 * /apply/: 法律咨询 is the site's commonest first need (the plan: “开展法律咨询，
 * 及时解决群众提出的法律问题”), so it has its own address in the navigation.
 */
const OWN_START_PAGES: Readonly<Record<string, string>> = { consultation: '/consult/' };

/** Where a kind's pages and endpoint are: derived from the id, never written by hand. */
export function requestPaths(id: string) {
  return {
    start: OWN_START_PAGES[id] ?? `/apply/${id}/`,
    form: `/apply/${id}/form/`,
    done: `/apply/${id}/done/`,
    api: `/api/${id}`,
  };
}
