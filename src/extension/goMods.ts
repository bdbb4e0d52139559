// The go.mod files of the workspace, with the line of their `module` directive.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { parseGoMod } from '../core/gomod/parse';
import type { GoModTarget } from './diagnosticsPlan';

/** Folders whose go.mod files are not the user's modules. */
const EXCLUDE = '{**/node_modules/**,**/vendor/**,**/.git/**,**/testdata/**}';
const MAX_GO_MODS = 200;

export async function findWorkspaceGoMods(token?: vscode.CancellationToken): Promise<GoModTarget[]> {
  const uris = await vscode.workspace.findFiles('**/go.mod', EXCLUDE, MAX_GO_MODS, token);
  const files = uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath).sort();
  return Promise.all(files.map(async (file) => ({ file, moduleLine: await moduleLine(file) })));
}

async function moduleLine(file: string): Promise<number> {
  try {
    return parseGoMod(await fs.readFile(file, 'utf8')).module?.line ?? 1;
  } catch {
    return 1;
  }
}
