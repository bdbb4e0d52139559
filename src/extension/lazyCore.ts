// Loads dist/heavy.js (see heavyCore.ts) on first use.
import * as path from 'node:path';
import type * as Heavy from './heavyCore';

let loaded: typeof Heavy | undefined;

export function loadHeavyCore(): typeof Heavy {
  // A computed path, so esbuild leaves this require alone instead of inlining the module.
  const file = path.join(__dirname, 'heavy.js');
  loaded ??= require(file) as typeof Heavy;
  return loaded;
}
