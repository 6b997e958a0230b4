/**
 * What residents read when something goes wrong with a request, in one place:
 * the functions' pages and JSON, and the page scripts, say the same words.
 * Every message ends with a way forward: the bureau's published phone, or,
 * where the page script lost the network, what to do to try again.
 */
import { BUREAU } from '../site.ts';
import { EXAMPLE_RECEIPT } from './receipt.ts';

/** After a failed try in the page: the values are kept, and the “再试一次” button sends them again. */
const RETRY = `您填写的内容都还在，请稍后点“再试一次”。着急的话，请打电话 ${BUREAU.phone}。`;

/** Headings of the boxes and pages that carry the messages below. */
export const PROBLEM_TITLES = {
  /** The request may go through if sent again. */
  notSent: '没有提交成功',
  /** The request will not go through as it is. */
  refused: '无法提交',
} as const;

export const MESSAGES = {
  unavailable: `系统暂时无法保存，请稍等一会儿再试。您填写的内容都还在。着急的话，请打电话 ${BUREAU.phone}。`,
  unavailableRetry: RETRY,
  /** The page script's answer from the function was 5xx (or anything unexpected). */
  notSavedRetry: `系统暂时无法保存。${RETRY}`,
  /** 429: the function's rate limit (`config.rateLimit` in functions/apply.mts). */
  tooFrequentRetry: `提交得太频繁了，请等一分钟。${RETRY}`,
  /** The page script got no answer: no network, or none within its time limit. */
  sendOffline: `网络好像断了，或者系统没有及时回应。您填写的内容都还在，请检查网络后点“再试一次”；着急的话，请打电话 ${BUREAU.phone}。`,
  lookupOffline: `网络好像断了，没有查询成功。请检查网络后再点“查询”，或者打电话 ${BUREAU.phone}。`,
  lookupUnavailable: `暂时无法查询，请稍等一会儿再点“查询”。着急的话，请打电话 ${BUREAU.phone}。`,
  notWithdrawable: `无法撤回或更正：回执号或凭证不对。请打电话 ${BUREAU.phone} 说明情况。`,
  expired: `这份申请已经不能在网上撤回或更正了（已超过提交后10分钟，或者已经撤回）。需要撤回或更正的，请打电话 ${BUREAU.phone}。`,
  rejected: `这份申请无法提交。如果您是用浏览器正常填写的，请打电话 ${BUREAU.phone}，我们帮您办理。`,
  duplicate: (receipt: string) =>
    `这份申请已经提交过了，回执号是 ${receipt}。需要更正内容的，请在提交后10分钟内使用“更正内容”，或者打电话 ${BUREAU.phone}。`,
  withdrawn: (receipt: string) =>
    `这份申请（回执号 ${receipt}）已撤回，填写的个人信息已经删除，不会再办理。还需要申请的，请重新填写一份。有疑问请打电话 ${BUREAU.phone}。`,
  noRetention: `网上申请暂时停止受理：网站还没有设定个人信息的保存期限，在设定之前不能保证到期删除您的信息。请先打电话 ${BUREAU.phone} 或到司法所办理。`,
  /** A correction within 10 minutes may not move, add or drop a booked service-day slot (its seat is counted). */
  slotNotCorrectable: `约好的服务日时段不能在“更正内容”里改。想换时段或者不再当面咨询的，请先撤回这次咨询，再重新提交；也可以打电话 ${BUREAU.phone}。`,
  internal: `系统出错了，请稍后再试，或打电话 ${BUREAU.phone}。`,
  callUs: `请打电话 ${BUREAU.phone}。`,
  withdrawFailed: `撤回没有成功，请打电话 ${BUREAU.phone}。`,
  withdrawOffline: `网络好像断了，撤回没有成功。请检查网络后再点“确定撤回”，或者打电话 ${BUREAU.phone}。`,
  statusNotFound: `没有找到这份申请。请检查回执号和联系电话是否与提交时填写的一致；回执号在提交成功的页面上，形如 ${EXAMPLE_RECEIPT}。仍然查不到的，请打电话 ${BUREAU.phone}。`,
} as const;
