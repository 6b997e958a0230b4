/**
 * The editing interface at /admin/: Decap CMS, bundled from the installed npm
 * package (never a CDN), so it works offline.
 *  - `astro build`: writes dist/admin/index.html, dist/admin/config.yml (from
 *    src/cms/config.yml) and copies decap-cms.js with its lazily loaded chunks
 *    and WebAssembly files (no source maps: 50 MB that nobody needs).
 *  - `astro dev` (and `npm run cms`): serves the same three things from memory
 *    and node_modules.
 * /admin/ is not an Astro page: it has no layout, is not indexed by pagefind
 * (no data-pagefind-body), not in the sitemap, disallowed in robots.txt, and
 * has its own, looser Content-Security-Policy in netlify.toml.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBase } from '../lib/paths.ts';

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

/** The admin page. Absolute, base-aware URLs; no inline script or style. */
export function adminHtml(base: string): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>内容编辑后台 - 台山市司法局</title>
    <link href="${withBase('/admin/config.yml', base)}" type="text/yaml" rel="cms-config-url" />
  </head>
  <body>
    <noscript>编辑后台需要打开浏览器的 JavaScript。也可以不用后台，直接编辑 content/ 里的文件，见 docs/editing.md。</noscript>
    <script src="${withBase('/admin/decap-cms.js', base)}"></script>
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
};

export default function decapCms(options: { configFile?: string } = {}): AstroIntegration {
  let root = '';
  let base = '/';
  const configPath = () => options.configFile ?? join(root, 'src', 'cms', 'config.yml');
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
          if (name === 'index.html') body = adminHtml(base);
          else if (name === 'config.yml') body = readFileSync(configPath(), 'utf8');
          else if (decapFiles(decapDistDir(root)).includes(name)) body = readFileSync(join(decapDistDir(root), name));
          if (body === undefined) return next();
          res.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          res.end(body);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'admin');
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'index.html'), adminHtml(base));
        writeFileSync(join(out, 'config.yml'), readFileSync(configPath(), 'utf8'));
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
