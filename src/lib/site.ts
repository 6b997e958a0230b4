/**
 * Facts about the bureau that appear on every page. Only what the bureau has
 * published: the contact line of the plan's original page and the national
 * 12348 public legal service hotline. Never add a number that is not published.
 */
export const BUREAU = {
  name: '台山市司法局',
  phone: '0750-5524538',
  email: 'ts686@126.com',
  hotline: '12348',
  hotlineName: '12348 公共法律服务热线',
} as const;

export const SITE = {
  name: '台山市司法局 · 基层司法行政“三进”',
  shortName: '台山司法“三进”',
  description:
    '台山市司法局把法制宣传、人民调解、安置帮教、社区矫正、法律援助、律师、公证七项服务送进村居、学校和企业。在这里查办事指南、找司法所、看以案说法、在线申请法律援助和人民调解。',
} as const;

/** Main navigation: the site's sections in the order residents look for them. */
export const NAV = [
  { label: '首页', path: '/' },
  { label: '“三进”方案', path: '/plan/' },
  { label: '服务', path: '/services/' },
  { label: '以案说法', path: '/cases/' },
  { label: '机构名录', path: '/directory/' },
  { label: '在线办理', path: '/apply/' },
  { label: '搜索', path: '/search/' },
] as const;

/** 我为网站找错: an e-mail to the bureau naming the page, from every page's footer. */
export function errorReportHref(path: string): string {
  return `mailto:${BUREAU.email}?subject=${encodeURIComponent(`网站纠错：${path}`)}`;
}
