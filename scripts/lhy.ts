import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium.ts';
import { serveStatic } from './lib/serve.ts';
import { writeControlPages } from './bench/lighthouse.ts';
const dir = process.argv[2] ?? 'dist';
const server = await serveStatic(dir);
const origin = server.origin.replace('127.0.0.1', 'localhost');
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
const pages = process.argv.slice(3);
for (const p of pages) {
  const r = await lighthouse(origin + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
    skipAudits: ['bf-cache', 'screenshot-thumbnails', 'final-screenshot', 'full-page-screenshot'], disableFullPageScreenshot: true,
    pauseAfterFcpMs: 250, pauseAfterLoadMs: 250, networkQuietThresholdMs: 250, cpuQuietThresholdMs: 250, skipAboutBlank: true });
  const a = r!.lhr.audits as any;
  console.log(p, 'LCP', Math.round(a['largest-contentful-paint'].numericValue), 'FCP', Math.round(a['first-contentful-paint'].numericValue), 'bi', r!.lhr.environment.benchmarkIndex);
  if (a['mainthread-work-breakdown']?.details) console.log('  mainthread', JSON.stringify(a['mainthread-work-breakdown'].details.items.map((i: any) => [i.group, Math.round(i.duration)])));
  if (a['network-requests']?.details) console.log('  requests', JSON.stringify(a['network-requests'].details.items.map((i: any) => [i.url.replace(origin, ''), i.transferSize, Math.round(i.networkRequestTime), Math.round(i.networkEndTime)])));
  const lcpB = a['lcp-breakdown-insight']?.details?.items?.find?.((i: any) => i.type === 'table');
  console.log('  lcp breakdown', JSON.stringify(lcpB?.items?.map((i: any) => [i.subpart ?? i.label, Math.round(i.duration)])));
}
chrome.kill(); await server.close();
