// Loads dist/heavy.js (see heavyCore.ts) on first use.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as Heavy from './heavyCore';

let loaded: typeof Heavy | undefined;

export function loadHeavyCore(): typeof Heavy {
  // Computed paths, so esbuild leaves this require alone instead of inlining the module. Tests
  // that run the tsc output (no bundles) load the module itself.
  const bundled = path.join(__dirname, 'heavy.js');
  loaded ??= require(existsSync(bundled) ? bundled : path.join(__dirname, 'heavyCore')) as typeof Heavy;
  return loaded;
}
