// The quick pick of "Go Env: Install Go Toolchain…": what is installed in the SDK directory
// shows at once; the stable releases from the official index follow (installed ones marked).
// Closing the pick cancels the index request.
import * as vscode from 'vscode';
import { DoctorError, errorMessage } from '../../core/errors';
import type { Platform } from '../../core/platform';
import type { InstallTimeouts } from '../../core/toolchain/timeouts';
import { loadFixBundle } from '../fixes/loadBundle';
import { tildify } from '../format';
import { editorRemedy, releasePickEntries, type ReleasePickEntry, type ReleasePickInput } from './presentation';
import type { ToolchainSettings } from './settings';

interface Item extends vscode.QuickPickItem {
  entry?: ReleasePickEntry;
}

export type PickOutcome = { kind: 'install'; version: string } | { kind: 'settings' } | undefined;

export interface ReleasePickDeps {
  platform: Platform;
  settings: ToolchainSettings;
  log: vscode.LogOutputChannel;
  timeouts?: Partial<InstallTimeouts>;
  /** Called with the pick once it is shown (the integration tests drive it). */
  onPick?(pick: vscode.QuickPick<vscode.QuickPickItem>): void;
}

export async function pickRelease(deps: ReleasePickDeps): Promise<PickOutcome> {
  const { settings, platform } = deps;
  const { listInstalledToolchains, listReleases } = loadFixBundle().toolchainCatalog;
  const pick = vscode.window.createQuickPick<Item>();
  const controller = new AbortController();
  try {
    pick.title = `Go Env: ${vscode.l10n.t('Install Go Toolchain')}`;
    pick.placeholder = vscode.l10n.t(
      'Pick a Go release to install into {0}; every download is checked against the official SHA-256',
      tildify(settings.sdkDir, platform.homeDir),
    );
    pick.matchOnDescription = true;
    pick.ignoreFocusOut = true;
    const input: ReleasePickInput = {
      releases: undefined,
      installed: await listInstalledToolchains(settings.sdkDir),
      sdkDir: settings.sdkDir,
      homeDir: platform.homeDir,
    };
    // The row we made active; when the releases arrive, a row the user moved to stays active.
    let placed: Item | undefined;
    const render = () => {
      const was = pick.activeItems[0];
      const wasVersion = was && was !== placed && was.entry?.kind === 'release' ? was.entry.version : undefined;
      pick.items = releasePickEntries(input, vscode.l10n).map(toItem);
      const releases = pick.items.filter((i) => i.entry?.kind === 'release');
      placed = releases.find((i) => i.entry?.kind === 'release' && i.entry.version === wasVersion) ?? releases[0];
      if (placed) pick.activeItems = [placed];
    };
    render();
    pick.busy = true;

    const chosen = new Promise<Item | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        // A problem row explains; accepting it does nothing.
        if (item?.entry?.kind === 'problem') return;
        resolve(item);
      });
      pick.onDidHide(() => resolve(undefined));
    });
    pick.show();
    deps.onPick?.(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);

    const loading = listReleases({
      platform,
      signal: controller.signal,
      ...(settings.dlBases ? { dlBases: settings.dlBases } : {}),
      ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
    }).then(
      ({ base, releases }) => {
        input.releases = releases;
        input.indexBase = base;
        deps.log.info(`release index from ${base}: ${releases.length} stable releases for this platform`);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        deps.log.warn(`release index: ${errorMessage(err)}`);
        input.indexError =
          err instanceof DoctorError
            ? { message: err.message, remedy: editorRemedy(err.remedy) }
            : { message: errorMessage(err), remedy: '' };
      },
    );
    void loading.finally(() => {
      if (controller.signal.aborted) return;
      pick.busy = false;
      render();
    });

    const item = await chosen;
    const entry = item?.entry;
    if (entry?.kind === 'release') return { kind: 'install', version: entry.version };
    if (entry?.kind === 'settings') return { kind: 'settings' };
    return undefined;
  } finally {
    controller.abort();
    pick.dispose();
  }
}

function toItem(e: ReleasePickEntry): Item {
  switch (e.kind) {
    case 'separator':
      return { label: e.label, kind: vscode.QuickPickItemKind.Separator };
    case 'release':
      return { label: e.label, description: e.description, ...(e.detail ? { detail: e.detail } : {}), entry: e };
    case 'problem':
      return { label: e.label, detail: e.detail, entry: e, alwaysShow: true };
    case 'settings':
      return { label: e.label, description: e.description, entry: e, alwaysShow: true };
  }
}
