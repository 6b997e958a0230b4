/**
 * npm run staff:add <name> [--towns taicheng,dajiang] [--days 180]
 * (npm passes --towns and --days to the script as npm_config_towns and
 * npm_config_days; `-- --towns …` works too)
 *
 * Makes a sign-in token for one staff member. The token is printed ONCE: give
 * it to that person only. The line printed below it goes into the site's
 * STAFF_TOKENS environment variable (entries separated by “;”). Without
 * --towns the person sees the whole city. The token works for --days days
 * (default 180, at most 400); `npm run staff:revoke` stops it at once. See
 * docs/staff.md, “Staff sign-in”.
 */
import { parseArgs } from 'node:util';
import { TOKEN_DAYS, TOKEN_MAX_DAYS } from '../src/lib/staff/tokens.ts';
import { TOWN_IDS } from '../src/lib/towns.ts';
import { newStaff } from './lib/staff-keys.ts';

const { values, positionals } = parseArgs({
  options: { towns: { type: 'string' }, days: { type: 'string' } },
  allowPositionals: true,
});
const name = positionals[0];
const townsArg = values.towns ?? process.env.npm_config_towns;
if (!name) {
  process.stderr.write(
    `用法：npm run staff:add <姓名> [--towns taicheng,dajiang]\n镇（街）代码：${TOWN_IDS.join(' ')}\n不写 --towns 表示可以查看全市的申请。\n`,
  );
  process.exit(1);
}
const daysArg = values.days ?? process.env.npm_config_days ?? String(TOKEN_DAYS);
const days = /^\d+$/.test(daysArg) ? Number(daysArg) : NaN;
if (!(days >= 1 && days <= TOKEN_MAX_DAYS)) {
  process.stderr.write(`--days 要写 1 到 ${TOKEN_MAX_DAYS} 之间的整数（默认 ${TOKEN_DAYS}）。\n`);
  process.exit(1);
}
const towns =
  townsArg && townsArg !== '*'
    ? townsArg
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : '*';
try {
  const { token, line, expires } = newStaff(name, towns, days);
  process.stdout.write(
    [
      '',
      `工作人员：${name}\u3000范围：${towns === '*' ? '全市' : towns.join('、')}\u3000有效期至：${expires}（北京时间，含当天）`,
      '',
      '1. 登录令牌（只显示这一次；请当面或用安全的方式交给本人，丢失后重新生成）：',
      `   ${token}`,
      '',
      '2. 把下面这一行加到 Netlify 环境变量 STAFF_TOKENS（已有其他人的，用英文分号“;”隔开），然后重新部署：',
      `   ${line}`,
      '',
      '到期前要换新令牌：再运行一次 staff:add，换上新的一行。',
      '立即停用某人的令牌：npm run staff:revoke -- <令牌或这一行里的64位校验值>（马上生效）；再从 STAFF_TOKENS 删掉那一行。',
      '',
    ].join('\n'),
  );
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
}
