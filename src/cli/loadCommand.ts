// Subcommands are loaded when they run: bundled, each module is its own file next to dist/cli.js
// (esbuild.mjs), so `--help` loads no command and `diagnose` no installer or mirror ranking.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Subcommand } from './io';

/** The command's module under src/cli/ (bundled as dist/cli-<module>.js) and its export. */
export const COMMAND_MODULES: Readonly<Record<string, { module: string; exported: string }>> = {
  diagnose: { module: 'diagnose', exported: 'diagnoseCommand' },
  report: { module: 'diagnose', exported: 'reportCommand' },
  install: { module: 'install', exported: 'installCommand' },
  'set-proxy': { module: 'setProxy', exported: 'setProxyCommand' },
  'restore-proxy': { module: 'setProxy', exported: 'restoreProxyCommand' },
  'repair-gosum': { module: 'repairModules', exported: 'repairGoSumCommand' },
  'redownload-module': { module: 'repairModules', exported: 'redownloadModuleCommand' },
  'save-cert': { module: 'saveCert', exported: 'saveCertCommand' },
};

/** The subcommand, or undefined for an unknown name. */
export function loadCommand(name: string): Subcommand | undefined {
  const spec = Object.hasOwn(COMMAND_MODULES, name) ? COMMAND_MODULES[name] : undefined;
  if (!spec) return undefined;
  // Computed paths, so esbuild leaves the require alone; the tsc output (tests) has no bundles.
  const bundled = path.join(__dirname, `cli-${spec.module}.js`);
  const file = existsSync(bundled) ? bundled : path.join(__dirname, spec.module);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose
  return (require(file) as Record<string, Subcommand>)[spec.exported];
}
