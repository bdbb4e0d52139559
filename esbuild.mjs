// Bundles the extension and the CLI; `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { TOOL_VERSION_DEFINE: JSON.stringify(pkg.version) },
};

await Promise.all([
  esbuild
    .build({
      ...common,
      entryPoints: ['src/extension/main.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode'],
      metafile: true,
    })
    .then(async (r) => {
      if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(r.metafile));
    }),
  // Loaded by the extension on first use of a fix (src/extension/fixes/loadBundle.ts).
  esbuild.build({
    ...common,
    entryPoints: ['src/extension/fixes/bundle.ts'],
    outfile: 'dist/fixes.js',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
