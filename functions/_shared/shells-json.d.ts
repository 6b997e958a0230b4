/** The build's page-shell bundle (functions/_shared/shell.ts): typed before the first build too. */
declare module '*/_shell/shells.json' {
  import type { ShellBundle } from '../../src/lib/shell.ts';
  const bundle: ShellBundle;
  export default bundle;
}
