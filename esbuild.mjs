// Bundles the extension and the CLI; `--production` minifies, drops source maps and compiles out
// the test hooks (src/cli/crashHook.ts). `--outdir=DIR` writes elsewhere than dist/ (for tests).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
/** The modules of src/cli/loadCommand.ts's COMMAND_MODULES. */
const CLI_COMMAND_MODULES = ['diagnose', 'install', 'setProxy', 'repairModules', 'saveCert'];
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Chinese text as UTF-8, not \u escapes: the catalog is a third of the bytes otherwise.
  charset: 'utf8',
  define: { TOOL_VERSION_DEFINE: JSON.stringify(pkg.version), TEST_HOOKS_DEFINE: JSON.stringify(!production) },
};

/**
 * The CLI's entry and its commands share one copy of the message catalog (dist/cli-catalog.js),
 * loaded once, instead of each bundle carrying both languages.
 */
const CATALOG_SOURCE = fileURLToPath(new URL('./src/core/i18n/catalog', import.meta.url));
const sharedCatalog = {
  name: 'shared-catalog',
  setup(build) {
    build.onResolve({ filter: /(^|\/)catalog$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === CATALOG_SOURCE
        ? { path: './cli-catalog.js', external: true }
        : undefined,
    );
  },
};

await Promise.all([
  esbuild
    .build({
      ...common,
      entryPoints: ['src/extension/main.ts'],
      outfile: `${outdir}/extension.js`,
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
    outfile: `${outdir}/fixes.js`,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: `${outdir}/cli.js`,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [sharedCatalog],
  }),
  esbuild.build({ ...common, entryPoints: ['src/core/i18n/catalog.ts'], outfile: `${outdir}/cli-catalog.js` }),
  // The CLI's subcommands, one self-contained file each, loaded when they run (src/cli/loadCommand.ts).
  // One build for all of them: the sources are read and parsed once.
  esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(CLI_COMMAND_MODULES.map((m) => [`cli-${m}`, `src/cli/${m}.ts`])),
    outdir,
    plugins: [sharedCatalog],
  }),
]);
