// "Use it for this workspace" after an install: point the Go extension at the toolchain
// (go.alternateTools), put its bin first on PATH for new integrated terminals (the extension's
// EnvironmentVariableCollection, which VS Code keeps per workspace), and make our own diagnosis
// run it (goEnv.goPath in the workspace settings: the extension resolves go from goEnv.goPath,
// else PATH; the extension host's PATH is not what terminals get, so the setting is what counts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DoctorError, errorMessage } from '../../core/errors';
import { pathPrefix } from '../../core/shell/pathVariable';
import { goBinaryIn, withAlternateGo, type UseSummary } from './presentation';

export interface UseTarget {
  environment: vscode.EnvironmentVariableCollection;
  log: vscode.LogOutputChannel;
  os: NodeJS.Platform;
}

export async function useToolchain(goroot: string, name: string, t: UseTarget): Promise<UseSummary> {
  const goBinary = goBinaryIn(goroot, t.os);
  const bin = path.dirname(goBinary);
  // "For this workspace"; with no folder open there is no workspace file to write, so user settings.
  const workspaceSettings =
    (vscode.workspace.workspaceFolders?.length ?? 0) > 0 || vscode.workspace.workspaceFile !== undefined;
  const target = workspaceSettings ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const where = workspaceSettings ? 'workspace settings' : 'user settings';
  const shownWhere = workspaceSettings ? vscode.l10n.t('workspace settings') : vscode.l10n.t('user settings');

  t.environment.prepend('PATH', pathPrefix(bin, { os: t.os }));
  t.environment.description = vscode.l10n.t(
    'Puts {0} ({1}) first on PATH, as chosen after installing it with Go Env Doctor.',
    name,
    bin,
  );
  t.log.info(`terminals: ${bin} goes first on PATH in new integrated terminals`);

  // go.alternateTools exists only while the Go extension is installed: VS Code refuses to write
  // a setting no extension declares.
  const goConfig = vscode.workspace.getConfiguration('go');
  const alternate = goConfig.inspect<unknown>('alternateTools');
  const alternateTools = alternate?.defaultValue !== undefined;
  if (alternateTools) {
    const current = workspaceSettings ? alternate?.workspaceValue : alternate?.globalValue;
    await write(
      () => goConfig.update('alternateTools', withAlternateGo(current, goBinary), target),
      'go.alternateTools',
      shownWhere,
      workspaceSettings,
    );
    t.log.info(`go.alternateTools.go = ${goBinary} in the ${where}`);
  } else {
    t.log.info('go.alternateTools not set: no installed extension declares it (the Go extension is not installed)');
  }

  // Last: this change makes the extension diagnose again, with everything above in place.
  await write(
    () => vscode.workspace.getConfiguration('goEnv').update('goPath', goBinary, target),
    'goEnv.goPath',
    shownWhere,
    workspaceSettings,
  );
  t.log.info(`goEnv.goPath = ${goBinary} in the ${where}`);
  return { goBinary, alternateTools, workspaceSettings, untrusted: !vscode.workspace.isTrusted };
}

async function write(update: () => Thenable<void>, key: string, where: string, workspace: boolean): Promise<void> {
  try {
    await update();
  } catch (err) {
    throw new DoctorError(
      'settings.writeFailed',
      vscode.l10n.t('Could not write {0} to the {1}: {2}', key, where, errorMessage(err)),
      vscode.l10n.t(
        'Open the {0} ({1}), fix what VS Code reports there, and choose the toolchain again with "{2}".',
        where,
        workspace ? 'Preferences: Open Workspace Settings (JSON)' : 'Preferences: Open User Settings (JSON)',
        `Go Env: ${vscode.l10n.t('Install Go Toolchain…')}`,
      ),
      { cause: err },
    );
  }
}
