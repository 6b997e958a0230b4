/**
 * The editing interface at /admin/: Decap CMS, bundled from the installed npm
 * package (never a CDN), so it works offline.
 *  - `astro build`: writes dist/admin/index.html, dist/admin/config.yml (from
 *    src/cms/config.yml, with the Git repository and branch when the deploy
 *    environment turns online editing on: src/lib/cms-online.ts), the gate
 *    script and its stylesheet (src/cms/admin-gate.*), and copies
 *    decap-cms.js with its lazily loaded chunks and WebAssembly files (no
 *    source maps: 50 MB that nobody needs).
 *  - `astro dev` (and `npm run cms`): serves the same things from memory,
 *    src/cms/ and node_modules.
 * The page starts Decap only where a backend can answer (decap-server on this
 * computer, or GitHub when online editing is on); elsewhere it explains in
 * Chinese what to do, instead of Decap's English login form.
 * /admin/ is not an Astro page: it has no layout, is not indexed by pagefind
 * (no data-pagefind-body), not in the sitemap, disallowed in robots.txt, and
 * has its own, looser Content-Security-Policy in netlify.toml.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminConfig, onlineEditing, type OnlineEditing } from '../lib/cms-online.ts';
import { withBase } from '../lib/paths.ts';

/** decap-server's address, as Decap's local_backend: true looks for it. */
export const LOCAL_BACKEND_API = 'http://localhost:8081/api/v1';

/** The gate script and stylesheet in src/cms/, served beside Decap. */
export const GATE_FILES = ['admin-gate.js', 'admin-gate.css'];

/** The files of the decap-cms bundle the browser may request: the script, its chunks, wasm, licence. */
export function decapFiles(distDir: string): string[] {
  return readdirSync(distDir).filter((f) =>
    /^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$/.test(f),
  );
}

export function decapDistDir(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  return dirname(require.resolve('decap-cms/package.json')) + '/dist';
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Why online editing is off, and what to do, for each reason (src/lib/cms-online.ts). */
function offlineReason(online: Extract<OnlineEditing, { enabled: false }>): string {
  switch (online.reason) {
    case 'not-enabled':
      return '网站的线上编辑还没有开通。开通要由负责网站技术的同事在 GitHub 和 Netlify 上做一次设置，再在 Netlify 里设置 <code>CMS_ONLINE_EDITING=github</code>。';
    case 'unsupported':
      return '网站设置里的 <code>CMS_ONLINE_EDITING</code> 写错了：现在只能写 <code>github</code>。请负责网站技术的同事改正后重新部署。';
    case 'preview':
      return '这是网站的预览版本（Netlify 为还没发布的修改生成的预览），不能在这里编辑。请到正式网站的 <code>/admin/</code> 编辑。';
    case 'no-repo':
      return '构建网站时不知道内容存放在哪个 Git 仓库、哪个分支（Netlify 的 <code>REPOSITORY_URL</code>、<code>BRANCH</code> 没有值），所以线上编辑用不了。请负责网站技术的同事检查 Netlify 的站点设置。';
    case 'not-github':
      return `线上编辑现在只支持放在 GitHub 上的仓库，本网站的仓库在 ${escape(online.host ?? '其他平台')}。请负责网站技术的同事按编辑指南换用合适的登录方式。`;
  }
}

/** The two Chinese explanations: decap-server not running here, or online editing off. */
function notices(base: string, online: OnlineEditing): string {
  const docs =
    'docsUrl' in online && online.docsUrl
      ? `<a href="${escape(online.docsUrl)}">编辑指南（docs/editing.md）</a>`
      : '编辑指南 <code>docs/editing.md</code>';
  const review = `<a href="${withBase('/review/', base)}">内容审核清单</a>`;
  return `<section data-when="local" hidden>
        <h1 tabindex="-1">编辑后台没有打开：本机编辑服务没有启动</h1>
        <p>在自己的电脑上编辑，要先启动本机编辑服务：</p>
        <ol>
          <li>在项目文件夹里打开命令行，运行 <code>npm run cms</code>。</li>
          <li>看到“编辑后台：http://localhost:8888/admin/”后，打开 <a href="http://localhost:8888/admin/">http://localhost:8888/admin/</a>。</li>
        </ol>
        <p>用 <code>npm start</code> 或 <code>npm run dev</code> 启动的网站没有这个服务，所以编辑后台打不开。详细步骤见${docs}。</p>
      </section>
      <section data-when="online" hidden>
        <h1 tabindex="-1">编辑后台现在不能在网上使用</h1>
        <p>${online.enabled ? '' : offlineReason(online)}</p>
        <p>开通之前，要修改办事指南或以案说法，请把修改意见交给负责网站的同事；他们可以在自己电脑上用 <code>npm run cms</code> 编辑。开通步骤见${docs}“线上编辑”一节。</p>
        <p>哪些内容还没有审核、哪些要复核：${review}。</p>
      </section>`;
}

/** The admin page. Absolute, base-aware URLs; no inline script or style. */
export function adminHtml(base: string, online: OnlineEditing = onlineEditing({})): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>内容编辑后台 - 台山市司法局</title>
    <link href="${withBase('/admin/config.yml', base)}" type="text/yaml" rel="cms-config-url" />
    <link href="${withBase('/admin/admin-gate.css', base)}" rel="stylesheet" />
  </head>
  <body>
    <main id="cms-gate" class="cms-gate" data-decap-src="${withBase('/admin/decap-cms.js', base)}" data-local-api="${LOCAL_BACKEND_API}" data-online="${online.enabled ? 'on' : 'off'}">
      <p data-when="checking">正在打开编辑后台……</p>
      <noscript><p>编辑后台需要打开浏览器的 JavaScript。也可以不用后台，直接编辑 content/ 里的文件，见 docs/editing.md。</p></noscript>
      ${notices(base, online)}
    </main>
    <script src="${withBase('/admin/admin-gate.js', base)}"></script>
  </body>
</html>
`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export default function decapCms(options: { configFile?: string } = {}): AstroIntegration {
  let root = '';
  let base = '/';
  const configPath = () => options.configFile ?? join(root, 'src', 'cms', 'config.yml');
  const gateDir = () => join(root, 'src', 'cms');
  const online = () => onlineEditing(process.env);
  return {
    name: 'taishan:decap-cms',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base || '/';
      },
      'astro:server:setup': ({ server }) => {
        const prefix = withBase('/admin/', base);
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (path === prefix.slice(0, -1)) {
            res.statusCode = 301;
            res.setHeader('Location', prefix);
            return res.end();
          }
          if (!path.startsWith(prefix)) return next();
          const name = path.slice(prefix.length) || 'index.html';
          let body: string | Buffer | undefined;
          if (name === 'index.html') body = adminHtml(base, online());
          else if (name === 'config.yml') body = adminConfig(readFileSync(configPath(), 'utf8'), online());
          else if (GATE_FILES.includes(name)) body = readFileSync(join(gateDir(), name));
          else if (decapFiles(decapDistDir(root)).includes(name)) body = readFileSync(join(decapDistDir(root), name));
          if (body === undefined) return next();
          res.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          res.end(body);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'admin');
        mkdirSync(out, { recursive: true });
        const state = online();
        writeFileSync(join(out, 'index.html'), adminHtml(base, state));
        writeFileSync(join(out, 'config.yml'), adminConfig(readFileSync(configPath(), 'utf8'), state));
        for (const f of GATE_FILES) copyFileSync(join(gateDir(), f), join(out, f));
        logger.info(
          state.enabled
            ? `编辑后台 /admin/：线上编辑已开通（GitHub 仓库 ${state.repo}，分支 ${state.branch}）`
            : `编辑后台 /admin/：线上编辑没有开通（${state.reason}），只能在本机用 npm run cms 编辑，见 docs/editing.md`,
        );
        const src = decapDistDir(root);
        if (!existsSync(join(src, 'decap-cms.js')))
          throw new Error(`找不到 decap-cms 的构建文件（${src}）：请运行 npm ci。`);
        const files = decapFiles(src);
        for (const f of files) copyFileSync(join(src, f), join(out, f));
        logger.info(`编辑后台 /admin/：复制了 decap-cms 的 ${files.length} 个文件`);
      },
    },
  };
}
