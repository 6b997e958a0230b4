/**
 * Runs first in every build (`npm run build`). On Netlify's production and
 * deploy-preview builds (CONTEXT) it checks what the functions need to take
 * applications honestly, and says in the deploy log what is missing and what
 * the site will do about it. It never fails the build: the site's pages must
 * still deploy; the functions themselves refuse what they cannot do safely.
 *
 *  - RETENTION_DAYS: without it, the privacy notice's “kept for the archive
 *    period, then deleted automatically” would be false, so the deployed
 *    functions refuse new submissions (503, src/lib/requests/messages.ts
 *    noRetention). Give the variable the scope “Builds” too, so this check
 *    sees it.
 */
import { retentionPolicy } from '../src/lib/staff/retention.ts';

const context = process.env.CONTEXT ?? '';
if (['production', 'deploy-preview'].includes(context)) {
  const policy = retentionPolicy(process.env.RETENTION_DAYS, process.env.RETENTION_MAX_AGE_DAYS);
  if (!policy) {
    process.stdout.write(
      [
        '',
        '⚠ RETENTION_DAYS is not set (or not a whole number of days) for this deploy.',
        '  The site deploys, but its functions will REFUSE NEW APPLICATIONS (503) until it is set:',
        '  the privacy notice promises that personal data is deleted when the archive period ends,',
        '  and without a period nothing would ever be deleted.',
        '  Set RETENTION_DAYS (days after an application closes, from the bureau’s archive rules) in',
        '  Site configuration → Environment variables, scopes Builds and Functions, and deploy again.',
        '',
      ].join('\n'),
    );
  } else {
    process.stdout.write(
      `Retention: personal data deleted ${policy.days} days after an application closes, at most ${policy.maxAgeDays} days after receipt.\n`,
    );
  }
}
