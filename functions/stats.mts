/** GET /stats/: 办理情况统计, rendered here so it works without JavaScript (src/lib/staff/stats-page.ts). */
import type { Config, Context } from '@netlify/functions';
import { handleStats } from '../src/lib/staff/stats-page.ts';
import { consultStore } from '../src/lib/store/consult.ts';
import { jobStore, statsStore } from '../src/lib/store/stats.ts';
import './_shared/database.ts';
import { siteBase } from './_shared/env.ts';
import { guarded } from './_shared/guarded.ts';
import { log, logUnexpected } from './_shared/log.ts';
import { shell } from './_shared/shell.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) =>
    handleStats(
      req,
      {
        store: statsStore(),
        jobs: jobStore(),
        now: () => new Date(),
        base: siteBase(),
        shell,
        deadlineMs: 20_000,
        perCallMs: 15_000,
        log,
        logFailure: logUnexpected,
        consult: consultStore(),
      },
      cid,
    ),
  );

// `{/}?`: with and without the trailing slash. The CDN caches answers for 10 minutes.
export const config: Config = {
  path: ['/stats{/}?', '/zh-hant/stats{/}?'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
