// Finds a goEnv.goPath that an untrusted workspace sets (and VS Code therefore hides from us),
// only to tell the user it was ignored. Never used to run anything.
import * as vscode from 'vscode';
import { goPathInSettingsFile } from './settings';

export async function untrustedWorkspaceGoPath(): Promise<string | undefined> {
  const files: vscode.Uri[] = [];
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
  for (const f of vscode.workspace.workspaceFolders ?? []) files.push(vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
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
