// `npm run cms`: local editing with the Chinese editing interface.
// Starts decap-server (Decap CMS's local backend, reads and writes the files in
// this working copy) on port 8081 and the site in development mode on 8888,
// then an editor opens http://localhost:8888/admin/ . Ctrl+C stops both.
// Changes land in content/cases/ as ordinary files: check them with
// `npm run check:content` and commit them with Git (see docs/editing.md).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const children = [];

function start(label, command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${label} 已退出（${signal ?? code}），编辑后台一起关闭。`);
      stop(typeof code === 'number' && code !== 0 ? code : 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// MODE=fs: decap-server writes files directly; committing stays the editor's job.
start('decap-server', process.execPath, [join(root, 'node_modules', 'decap-server', 'dist', 'index.js')], {
  PORT: '8081',
  MODE: 'fs',
  GIT_REPO_DIRECTORY: root,
});
start('npm run dev', 'npm', ['run', 'dev']);
console.log('\n编辑后台：http://localhost:8888/admin/ （按 Ctrl+C 结束）\n');
