// Enforces docs/architecture.md: parses every import of every file under src/ and checks it against
// the layer rules below. src/core never reaches VS Code, the CLI or the network outside core/net;
// only core/process starts child processes; only diagnose.ts composes the checks.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT, tsFiles } from '../support/sourceFiles';

/** The folder (or composition-root file) a src file belongs to, e.g. `core/net`, `extension`, `cli`. */
type Layer = string;

/**
 * What each layer may import inside src/. An entry names a layer or one file (src-relative, no
 * extension). Imports within a layer are always allowed.
 */
const MAY_IMPORT: Record<Layer, readonly string[]> = {
  // The message catalog: every layer speaks through it; it knows only the finding model.
  core: ['core/i18n'],
  'core/i18n': ['core', 'core/i18n/en', 'core/i18n/zh-CN'],
  'core/i18n/en': [],
  'core/i18n/zh-CN': ['core/i18n/en'],
  'core/diagnose': ['core', 'core/i18n', 'core/checks', 'core/go', 'core/gomod', 'core/referee', 'core/report'],
  'core/process': ['core', 'core/i18n'],
  'core/report': ['core', 'core/i18n', 'core/shell'],
  'core/gomod': ['core', 'core/i18n'],
  'core/net': ['core', 'core/i18n'],
  'core/shell': ['core', 'core/i18n'],
  'core/certs': ['core', 'core/i18n', 'core/net'],
  'core/policy': ['core', 'core/i18n', 'core/go', 'core/report', 'core/sumdb'],
  'core/go': ['core', 'core/i18n', 'core/process', 'core/sumdb'],
  'core/sumdb': ['core', 'core/i18n', 'core/go', 'core/net'],
  'core/checks': [
    'core',
    'core/i18n',
    'core/certs',
    'core/shell',
    'core/go',
    'core/gomod',
    'core/modules',
    'core/net',
    'core/process',
    'core/proxyRewrite',
    'core/report',
    'core/sumdb',
    'core/toolchain/release',
    'core/toolchainPlan',
  ],
  'core/toolchainPlan': [
    'core',
    'core/i18n',
    'core/go',
    'core/gomod',
    'core/net',
    'core/process',
    'core/toolchain/module',
  ],
  'core/referee': ['core', 'core/i18n', 'core/process', 'core/proxyRewrite'],
  'core/proxyRewrite': ['core', 'core/i18n', 'core/go', 'core/gomod', 'core/net', 'core/process', 'core/sumdb'],
  'core/toolchain': [
    'core',
    'core/i18n',
    'core/go',
    'core/net',
    'core/process',
    'core/sumdb',
    'core/toolchain/release',
    'core/toolchain/module',
    'core/toolchain/archive',
  ],
  // go.sum and module-cache verification and repairs; index.ts gathers them for the fix bundle.
  'core/modules': [
    'core',
    'core/i18n',
    'core/checks',
    'core/go',
    'core/gomod',
    'core/net',
    'core/process',
    'core/proxyRewrite',
    'core/shell',
    'core/sumdb',
    'core/toolchain',
  ],
  'core/toolchain/archive': ['core', 'core/i18n', 'core/toolchain/errors'],
  'core/toolchain/release': ['core', 'core/i18n', 'core/go', 'core/net', 'core/toolchain', 'core/toolchain/archive'],
  'core/toolchain/module': [
    'core',
    'core/i18n',
    'core/go',
    'core/net',
    'core/sumdb',
    'core/toolchain',
    'core/toolchain/archive',
    'core/toolchain/release',
  ],
  extension: ['core/**', 'extension/**'],
  'extension/diagnostics': ['core/**', 'extension/**'],
  'extension/fixes': ['core/**', 'extension/**'],
  'extension/proxy': ['core/**', 'extension/**'],
  'extension/referee': ['core/**', 'extension/**'],
  'extension/status': ['core/**', 'extension/**'],
  'extension/toolchain': ['core/**', 'extension/**'],
  'extension/modules': ['core/**', 'extension/**'],
  cli: ['core/**', 'cli'],
};

/** Packages that open connections or resolve names. Type-only imports of them reach nothing. */
const NETWORK_MODULES = ['undici', 'node:http', 'node:https', 'node:http2', 'node:tls', 'node:net', 'node:dns'];

/** Node and npm modules only some layers may import at all (beyond the network rule). */
const RESTRICTED_MODULES: Record<string, readonly Layer[]> = {
  vscode: [
    'extension',
    'extension/diagnostics',
    'extension/fixes',
    'extension/proxy',
    'extension/status',
    'extension/toolchain',
    'extension/referee',
    'extension/modules',
  ],
  // Side effects go through Platform; only core/process spawns, and only asynchronously.
  'node:child_process': ['core/process'],
};

export interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** Every import, export-from, `import()` and `require()` of a TypeScript source. */
export function importsOf(fileName: string, text: string): Import[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly =
        c !== undefined &&
        (c.isTypeOnly ||
          (c.name === undefined &&
            c.namedBindings !== undefined &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      out.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** `core/net/probe` for src/core/net/probe.ts. */
function srcId(file: string): string {
  return file.replace(/\.ts$/, '').split(path.sep).join('/');
}

/** The layer of a src-relative id: its folder, `cli` for the CLI entry, `core/diagnose` for the composition root. */
export function layerOf(id: string): Layer {
  if (id === 'core/diagnose') return id;
  if (id === 'cli') return 'cli';
  if (id === 'extension' || id === 'core') return id;
  const dir = path.posix.dirname(id);
  return dir === '.' ? id : dir;
}

function allowedTarget(rule: string, targetId: string, targetLayer: Layer): boolean {
  if (rule.endsWith('/**')) {
    const base = rule.slice(0, -3);
    return targetLayer === base || targetLayer.startsWith(`${base}/`);
  }
  return rule === targetLayer || rule === targetId;
}

function normalized(specifier: string): string {
  return specifier.startsWith('node:') || specifier.startsWith('.') ? specifier : `node:${specifier}`;
}

/**
 * Rule violations of one src file (`id` src-relative without extension), as readable sentences.
 * `folders` are the src folders with an index.ts, so that importing a folder counts as importing it.
 */
export function violations(id: string, imports: readonly Import[], folders: ReadonlySet<string>): string[] {
  const layer = layerOf(id);
  const rules = MAY_IMPORT[layer];
  if (!rules) return [`${id}: layer ${layer} has no rule in MAY_IMPORT (add it here and to docs/architecture.md)`];
  const out: string[] = [];
  for (const imp of imports) {
    const spec = imp.specifier;
    if (spec.startsWith('.')) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(id), spec));
      const targetId = folders.has(resolved) ? `${resolved}/index` : resolved;
      if (targetId.startsWith('..')) {
        out.push(`${id}: imports ${spec}, outside src/`);
        continue;
      }
      const targetLayer = layerOf(targetId);
      if (targetLayer === layer || (layer === 'core/diagnose' && targetLayer === 'core')) continue;
      if (!rules.some((r) => allowedTarget(r, targetId, targetLayer)))
        out.push(`${id}: imports ${targetId} (${targetLayer}), which ${layer} may not import`);
      continue;
    }
    const bare = spec.replace(/^node:/, '');
    const key = Object.keys(RESTRICTED_MODULES).find((m) => m === spec || m === `node:${bare}`);
    if (key && !RESTRICTED_MODULES[key]!.includes(layer))
      out.push(`${id}: imports ${spec}, allowed only in ${RESTRICTED_MODULES[key]!.join(', ')}`);
    const net = NETWORK_MODULES.some((m) => m === spec || m === normalized(spec));
    if (net && !imp.typeOnly && !layer.startsWith('core/net'))
      out.push(`${id}: imports ${spec} at run time; the network is reached only from src/core/net`);
  }
  return out;
}

async function indexFolders(root: string, files: readonly string[]): Promise<Set<string>> {
  return new Set(
    files.filter((f) => path.basename(f) === 'index.ts').map((f) => srcId(path.relative(root, path.dirname(f)))),
  );
}

describe('architecture (docs/architecture.md)', () => {
  it('every import of every src file follows the layer rules', async () => {
    const root = path.join(REPO_ROOT, 'src');
    const files = await tsFiles(root);
    assert.ok(files.length > 50, `expected sources under ${root}`);
    const folders = await indexFolders(root, files);
    const found: string[] = [];
    for (const f of files) {
      const id = srcId(path.relative(root, f));
      found.push(...violations(id, importsOf(f, await fs.readFile(f, 'utf8')), folders));
    }
    assert.deepEqual(found, []);
  });

  it('and catches each kind of broken rule', async () => {
    const root = path.join(REPO_ROOT, 'src');
    const folders = await indexFolders(root, await tsFiles(root));
    const check = (id: string, text: string): string[] => violations(id, importsOf(`${id}.ts`, text), folders);
    assert.equal(check('core/report/x', "import * as vscode from 'vscode';").length, 1);
    assert.equal(check('core/go/x', "const v = require('vscode');").length, 1);
    assert.equal(check('core/report/x', "import { main } from '../../cli';").length, 1);
    assert.equal(check('core/toolchain/x', "export { activate } from '../../extension/main';").length, 1);
    assert.equal(check('cli/x', "import type { Ctx } from '../extension/context';").length, 1);
    assert.equal(check('core/proxyRewrite/x', "import { envFindings } from '../checks/envCheck';").length, 1);
    assert.equal(check('core/report/x', "import { request } from 'undici';").length, 1);
    assert.equal(check('core/sumdb/x', "const tls = await import('node:tls');").length, 1);
    assert.equal(check('core/go/x', "import * as dns from 'dns';").length, 1);
    assert.equal(check('extension/x', "import { spawn } from 'node:child_process';").length, 1);
    assert.equal(check('core/newFolder/x', "import { redact } from '../redact';").length, 1);
    assert.equal(check('core/go/x', "import { planProxy } from '../proxyRewrite';").length, 1);
    // And lets through what the rules allow.
    assert.deepEqual(check('core/diagnose', "import { envFindings } from './checks/envCheck';"), []);
    assert.deepEqual(check('core/toolchain/x', "import type { Dispatcher } from 'undici';"), []);
    assert.deepEqual(check('core/net/x', "import * as tls from 'node:tls';"), []);
    assert.equal(check('core/sumdb/client', "import { request } from 'undici';").length, 1);
    assert.deepEqual(
      check('extension/proxy/x', "import * as vscode from 'vscode';\nimport '../../core/proxyRewrite';"),
      [],
    );
  });
});
