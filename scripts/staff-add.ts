/**
 * npm run staff:add <name> [--towns taicheng,dajiang]
 * (npm passes --towns to the script as npm_config_towns; `-- --towns …` works too)
 *
 * Makes a sign-in token for one staff member. The token is printed ONCE: give
 * it to that person only. The line printed below it goes into the site's
 * STAFF_TOKENS environment variable (entries separated by “;”). Without
 * --towns the person sees the whole city. See README, “工作台”.
 */
import { parseArgs } from 'node:util';
import { TOWN_IDS } from '../src/lib/towns.ts';
import { newStaff } from './lib/staff-keys.ts';

const { values, positionals } = parseArgs({ options: { towns: { type: 'string' } }, allowPositionals: true });
const name = positionals[0];
const townsArg = values.towns ?? process.env.npm_config_towns;
if (!name) {
  process.stderr.write(
    `用法：npm run staff:add <姓名> [--towns taicheng,dajiang]\n镇（街）代码：${TOWN_IDS.join(' ')}\n不写 --towns 表示可以查看全市的申请。\n`,
  );
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
  const { token, line } = newStaff(name, towns);
  process.stdout.write(
    [
      '',
      `工作人员：${name}\u3000范围：${towns === '*' ? '全市' : towns.join('、')}`,
      '',
      '1. 登录令牌（只显示这一次；请当面或用安全的方式交给本人，丢失后重新生成）：',
      `   ${token}`,
      '',
      '2. 把下面这一行加到 Netlify 环境变量 STAFF_TOKENS（已有其他人的，用英文分号“;”隔开），然后重新部署：',
      `   ${line}`,
      '',
      '停用某人：从 STAFF_TOKENS 删掉他的那一行，重新部署。',
      '',
    ].join('\n'),
  );
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
}
