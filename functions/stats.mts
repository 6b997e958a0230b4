/** GET /stats/: 办理情况统计, rendered here so it works without JavaScript (src/lib/staff/stats-page.ts). */
import type { Config, Context } from '@netlify/functions';
import { handleStats } from '../src/lib/staff/stats-page.ts';
import { env, guarded } from './_shared/deps.ts';
import { staffLog } from './_shared/staff-deps.ts';
import { staffStore } from './_shared/staff-store.ts';

export default (req: Request, context: Context) =>
  guarded(context, req, (cid) =>
    handleStats(
      req,
      {
        store: staffStore,
        now: () => new Date(),
        base: env('SITE_BASE') || '/',
        version: context?.deploy?.id || undefined,
        deadlineMs: 20_000,
        perCallMs: 15_000,
        log: staffLog,
      },
      cid,
    ),
  );

// `{/}?`: with and without the trailing slash (as apply-done.mts). The CDN caches answers for 10 minutes.
export const config: Config = {
  path: '/stats{/}?',
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
