/**
 * npm run keys:generate [-- --out <folder>]
 *
 * Makes a new key pair for the encryption of applications (P-256, ECDH):
 *  - the PRIVATE key file, for the staff who open applications at the desk;
 *  - the PUBLIC key, printed as the value of APPLICATIONS_PUBLIC_KEY for the
 *    site's environment on Netlify.
 * The folder defaults to keys/ (ignored by Git). See README, “工作台”.
 */
import { parseArgs } from 'node:util';
import { writeKeyPair } from './lib/staff-keys.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'keys' } } });
const pair = await writeKeyPair(values.out!);
process.stdout.write(
  [
    '',
    `已生成新的密钥对，密钥编号：${pair.kid}`,
    '',
    `1. 私钥文件（只交给需要查看申请的工作人员；不要提交到 Git，不要用邮件或聊天软件发送）：`,
    `   ${pair.privateFile}`,
    '',
    '2. 在 Netlify 站点的环境变量里设置（Site configuration → Environment variables），然后重新部署：',
    `   APPLICATIONS_PUBLIC_KEY=${pair.publicKeyEnv}`,
    '',
    '换用新密钥后，旧的私钥文件仍要保留：之前的申请还要用它打开。',
    '',
  ].join('\n'),
);
