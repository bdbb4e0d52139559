// Loads the fix bundle (dist/fixes.js, see bundle.ts) on first use.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as FixBundle from './bundle';

let loaded: typeof FixBundle | undefined;

export function loadFixBundle(): typeof FixBundle {
  // Computed paths, so esbuild leaves this require alone instead of inlining the module. Tests
  // that run the tsc output (no bundles) load the module itself.
  const bundled = path.join(__dirname, 'fixes.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose
  loaded ??= require(existsSync(bundled) ? bundled : path.join(__dirname, 'bundle')) as typeof FixBundle;
  return loaded;
}
