// Guard run before every npm script: the project pins Node 24 as a devDependency
// (see docs/architecture.md). If npm fell back to the system Node — for example
// because the `node` package's install script was not allowed — Astro 7,
// netlify-cli 27 and vitest 5 fail later with confusing errors. Fail here instead.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `\n✖ 需要 Node 24，当前是 ${process.version}。\n` +
      `  This project runs on the Node 24 pinned in devDependencies ("node").\n` +
      `  Run \`npm ci\` (it installs node_modules/.bin/node) and use npm scripts,\n` +
      `  and check that package.json "allowScripts" still approves "node".\n`,
  );
  process.exit(1);
}
