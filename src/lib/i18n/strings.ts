/**
 * The words of the page frame (header, footer, skip link, display settings,
 * breadcrumbs) in each language the layout is written in. 繁體 is not here:
 * the build converts the 简体 pages (docs/i18n.md). One module, so the layout
 * and its components exist once, parameterised by language.
 */
import { BUREAU, SITE } from '../site.ts';

export type UiLang = 'zh-Hans' | 'en';

/** The bureau's published number as dialled from abroad: 0750-5524538 → +86 750 5524538. */
export function internationalPhone(national: string = BUREAU.phone): string {
  const [area, number] = national.split('-');
  return `+86 ${area!.replace(/^0/, '')} ${number}`;
}

const ZH = {
  skip: '跳到正文',
  org: BUREAU.name,
  title: '基层司法行政“三进”服务',
  /** The title on a phone breaks only between these groups (never one character alone on a line). */
  titleLines: ['基层司法行政', '“三进”服务'],
  menu: '菜单',
  mainNav: '主导航',
  languages: '语言',
  crumbs: '您现在的位置',
  home: '首页',
  fontSize: '字号',
  fontStandard: '标准',
  fontLarge: '大',
  fontXLarge: '特大',
  contrast: '高对比度',
  zoomHint: '需要放大文字时，可按 Ctrl 和“+”键（手机上用两指放大）。',
  contact: '联系我们',
  email: '电子邮箱',
  danger: '遇到人身危险，请立即拨打',
  privacy: '隐私与使用条款',
  report: '我为网站找错',
  qrTitle: '本页二维码：',
  qrCaption: '扫一扫在手机打开当前页',
  /** The print masthead: who published the page, its address and when it was printed. */
  printSite: SITE.name,
  printAddress: '网址：',
  printedAt: '打印时间：',
} as const;

export type UiStrings = {
  [K in keyof typeof ZH]: (typeof ZH)[K] extends readonly string[] ? readonly string[] : string;
};

const EN: UiStrings = {
  skip: 'Skip to main content',
  org: 'Taishan Justice Bureau',
  title: 'For overseas Taishanese',
  titleLines: ['For overseas Taishanese'],
  menu: 'Menu',
  mainNav: 'Main menu',
  languages: 'Language',
  crumbs: 'You are here',
  home: 'English home',
  fontSize: 'Text size',
  fontStandard: 'Standard',
  fontLarge: 'Large',
  fontXLarge: 'Largest',
  contrast: 'High contrast',
  zoomHint: 'To make the text bigger, press Ctrl and “+” (on a phone, spread two fingers).',
  contact: 'Contact the bureau',
  email: 'Email',
  danger: 'In danger in China? Call',
  privacy: 'Privacy and terms of use (in Chinese)',
  report: 'Report a mistake on this page',
  qrTitle: 'QR code of this page: ',
  qrCaption: 'Scan to open this page on a phone',
  // Bilingual: a printed English page is often taken to an office in China.
  printSite: `Taishan Justice Bureau (${BUREAU.name})`,
  printAddress: 'Web address: ',
  printedAt: 'Printed: ',
};

export function uiStrings(lang: UiLang = 'zh-Hans'): UiStrings {
  return lang === 'en' ? EN : ZH;
}

/** The English pages' menu: their home page and the Chinese site. */
export const EN_NAV = [
  { label: 'Services for overseas Taishanese', path: '/en/' },
  { label: '中文网站 (Chinese site)', path: '/' },
] as const;
