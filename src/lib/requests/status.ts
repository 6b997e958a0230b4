/**
 * The statuses a request can have, as residents read them on the status page.
 * Each kind of request uses the ones it needs (RequestType.statuses).
 * 已收到 is set on submission; 已撤回 only by the resident, within 10 minutes.
 */
export const STATUSES = ['已收到', '审查中', '需补充材料', '已受理', '不予受理', '已答复', '已办结', '已撤回'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses after which nothing more happens: retention counts from the last of them. */
export const FINAL_STATUSES: readonly Status[] = ['已办结', '不予受理', '已撤回'];

/** What each status means, in one or two plain sentences for the status page. */
export const STATUS_EXPLAINED: Record<Status, string> = {
  已收到: '我们已经收到申请，还没有开始审查。',
  审查中: '工作人员正在审查您的申请，可能会打电话向您了解情况。',
  需补充材料: '还需要您补充材料或者作出说明，请按下面的说明办理；不清楚的请打电话问。',
  已受理: '申请已经受理，工作人员会联系您安排下一步。',
  不予受理: '申请没有被受理，原因见下面的说明。对法律援助不予受理决定有异议的，可以向台山市司法局提出。',
  已答复: '工作人员已经答复了您的咨询，答复内容见下面。',
  已办结: '这件事已经办理完毕。',
  已撤回: '您已经撤回了这份申请，填写的个人信息已经删除。',
};
