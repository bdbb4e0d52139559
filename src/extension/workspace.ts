// The workspace as the diagnosis sees it: its go.mod files (with the line of their `module`
// directive), and a goEnv.goPath an untrusted workspace sets.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { parseGoMod } from '../core/gomod/parse';
import type { GoModTarget } from './diagnostics/plan';
import { goPathInSettingsFile } from './settings';

/** Folders whose go.mod files are not the user's modules. */
const EXCLUDE = '{**/node_modules/**,**/vendor/**,**/.git/**,**/testdata/**}';
const MAX_GO_MODS = 200;

export async function findWorkspaceGoMods(token?: vscode.CancellationToken): Promise<GoModTarget[]> {
  const uris = await vscode.workspace.findFiles('**/go.mod', EXCLUDE, MAX_GO_MODS, token);
  const files = uris
    .filter((u) => u.scheme === 'file')
    .map((u) => u.fsPath)
    .sort();
  return Promise.all(files.map(async (file) => ({ file, moduleLine: await moduleLine(file) })));
}

async function moduleLine(file: string): Promise<number> {
  try {
    return parseGoMod(await fs.readFile(file, 'utf8')).module?.line ?? 1;
  } catch {
    return 1;
  }
}

// VS Code hides a goEnv.goPath an untrusted workspace sets; it is found here only to tell the user
// it was ignored. Never used to run anything.
export async function untrustedWorkspaceGoPath(): Promise<string | undefined> {
  const files: vscode.Uri[] = [];
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
  for (const f of vscode.workspace.workspaceFolders ?? [])
    files.push(vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
  for (const uri of files) {
    try {
      const found = goPathInSettingsFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      if (found) return found;
    } catch {
      /* no such file */
    }
  }
  return undefined;
}
