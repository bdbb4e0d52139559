// The toolchain installer in the editor: the handler for FixAction `installToolchain` (the quick
// fix on gomod.goTooNew, go.notFound's "install the latest", the status bar's findings pick) and
// the command "Go Env: Install Go Toolchain…". After an install it offers to use the toolchain
// for this workspace (see toolchainUse.ts); accepting changes goEnv.goPath, which makes the
// extension diagnose again.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { DoctorError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import type { ToolchainInstallResult } from '../../core/toolchain/install';
import { targetPlatform } from '../../core/toolchain/targetArch';
import type { InstallTimeouts } from '../../core/toolchain/timeouts';
import { Commands } from '../commands';
import type { Ctx } from '../context';
import { showError } from '../showError';
import type { FixHandler, FixOutcome, FixRegistry } from '../fixes/registry';
import { runInstall, type InstallRunResult, type ProgressSink } from './install';
import { pickRelease } from './pick';
import { tildify } from '../format';
import {
  cancelledMessage,
  goBinaryIn,
  goDisplayName,
  installTitle,
  useOfferMessage,
  usedMessage,
  type UseSummary,
} from './presentation';
import { settingsError, type ToolchainSettings } from './settings';
import { useToolchain } from './use';

/** package.json "contributes.commands" declares the same id. */
/** What the settings UI filters on for the toolchain settings. */
const SETTINGS_QUERY = 'goEnv.toolchain';

export interface ToolchainFixDeps {
  settings(): ToolchainSettings;
  /** For the command's own requests (the fix handler gets FixContext.requestPlatform). */
  requestPlatform(): Platform;
  /** The extension's collection: VS Code applies it to new integrated terminals of this workspace. */
  environment: vscode.EnvironmentVariableCollection;
  readonly log: vscode.LogOutputChannel;
  /** Shows a question with buttons; default a notification. */
  ask(message: string, ...choices: string[]): Thenable<string | undefined>;
  /** Called with the release quick pick once it is shown (tests drive it). */
  onPick?(pick: vscode.QuickPick<vscode.QuickPickItem>): void;
  /** Called with the "use it for this workspace?" offer that follows an install (tests await it). */
  onOffer?(offer: Promise<UseSummary | undefined>): void;
  timeouts?: Partial<InstallTimeouts>;
}

/** The one call the extension makes at activation. */
export function registerToolchainFixes(registry: FixRegistry, ctx: Ctx): vscode.Disposable {
  const tc = new ToolchainFixes(extensionDeps(ctx));
  return vscode.Disposable.from(
    registry.register('installToolchain', tc.handler),
    vscode.commands.registerCommand(Commands.installToolchain, () => tc.command()),
  );
}

function extensionDeps(ctx: Ctx): ToolchainFixDeps {
  return {
    settings: () => ctx.toolchainSettings(),
    requestPlatform: () => ctx.requestPlatform(),
    environment: ctx.extension.environmentVariableCollection,
    // A getter: the log channel is created on first use, not at activation.
    get log() {
      return ctx.log;
    },
    ask: (message, ...choices) => vscode.window.showInformationMessage(message, ...choices),
  };
}

export class ToolchainFixes {
  /** Versions being installed in this window: a second click does not start another install. */
  private readonly running = new Set<string>();

  constructor(private readonly deps: ToolchainFixDeps) {}

  /** FixAction `installToolchain`: errors propagate (the fix applier shows them with their remedy). */
  readonly handler: FixHandler<'installToolchain'> = async (action, ctx): Promise<FixOutcome> => {
    // The fix applier may hand over its progress notification; without one the install opens its own.
    const progress = ctx.progress;
    const outcome = await this.install(action.version, {
      // go.archMismatch names the machine's own build: the extension host may run emulated too.
      platform: targetPlatform(ctx.requestPlatform, action.arch),
      token: ctx.token,
      log: ctx.log,
      ...(progress ? { progress } : {}),
    });
    if (!outcome || outcome.kind === 'cancelled') return { rediagnose: false };
    this.offer(outcome.result);
    // A toolchain in the SDK directory may be what the diagnosis finds when go is not on PATH.
    return { rediagnose: true };
  };

  /** "Go Env: Install Go Toolchain…". Resolves with what happened, for tests. */
  async command(): Promise<InstallRunResult | 'dismissed' | 'failed'> {
    const settings = this.deps.settings();
    const platform = this.deps.requestPlatform();
    const log = this.deps.log;
    let what = vscode.l10n.t('Install Go Toolchain');
    try {
      const bad = settingsError(settings);
      if (bad) throw bad;
      const chosen = await pickRelease({
        platform,
        settings,
        log,
        ...(this.deps.timeouts ? { timeouts: this.deps.timeouts } : {}),
        ...(this.deps.onPick ? { onPick: this.deps.onPick } : {}),
      });
      if (chosen?.kind === 'settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_QUERY);
        return 'dismissed';
      }
      if (!chosen) return 'dismissed';
      what = installTitle(chosen.version, vscode.l10n);
      // Cancelled from its own notification only.
      const never = new vscode.CancellationTokenSource();
      const outcome = await this.install(chosen.version, { platform, token: never.token, log }).finally(() =>
        never.dispose(),
      );
      if (!outcome) return 'dismissed';
      if (outcome.kind === 'installed') this.offer(outcome.result);
      return outcome;
    } catch (err) {
      this.showError(err, what);
      return 'failed';
    }
  }

  private async install(
    version: string,
    o: { platform: Platform; token: vscode.CancellationToken; log: vscode.LogOutputChannel; progress?: ProgressSink },
  ): Promise<InstallRunResult | undefined> {
    const key = version.trim().replace(/^go/, '');
    if (this.running.has(key)) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Go Env: {0} is already being installed; its progress is in the notification.',
          goDisplayName(version, vscode.l10n),
        ),
      );
      return undefined;
    }
    this.running.add(key);
    try {
      const outcome = await runInstall({
        version,
        settings: this.deps.settings(),
        ...o,
        ...(this.deps.timeouts ? { timeouts: this.deps.timeouts } : {}),
      });
      if (outcome.kind === 'cancelled')
        void vscode.window.showInformationMessage(cancelledMessage(version, vscode.l10n));
      return outcome;
    } finally {
      this.running.delete(key);
    }
  }

  /** After an install, in the background: "use it for this workspace?". */
  private offer(result: ToolchainInstallResult): void {
    const p = this.offerUse(result).catch((err: unknown) => {
      this.showError(err, vscode.l10n.t('Use {0}', result.version));
      return undefined;
    });
    this.deps.onOffer?.(p);
  }

  private async offerUse(result: ToolchainInstallResult): Promise<UseSummary | undefined> {
    const home = os.homedir();
    const goBinary = goBinaryIn(result.goroot, process.platform);
    const summary = {
      version: result.version,
      goroot: result.goroot,
      alreadyInstalled: result.alreadyInstalled,
      source: result.source,
      bytes: result.bytes,
      via: result.via,
      verified: result.via === 'archive' ? result.sha256 !== undefined : result.h1 !== undefined,
    };
    if (vscode.workspace.getConfiguration('goEnv').get<string>('goPath') === goBinary) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Go Env: {0} is installed in {1} and already used here (goEnv.goPath).',
          goDisplayName(result.version.replace(/^go/, ''), vscode.l10n),
          tildify(result.goroot, home),
        ),
      );
      return undefined;
    }
    // The buttons in the display language (presentation.ts USE_CHOICE and NOT_NOW_CHOICE are their English).
    const use = vscode.l10n.t('Use in This Workspace');
    const choice = await this.deps.ask(useOfferMessage(summary, home, vscode.l10n), use, vscode.l10n.t('Not Now'));
    if (choice !== use) {
      this.deps.log.info(`${result.version}: not used for this workspace (${choice ?? 'dismissed'})`);
      return undefined;
    }
    const used = await useToolchain(result.goroot, result.version, {
      environment: this.deps.environment,
      log: this.deps.log,
      os: process.platform,
    });
    void vscode.window.showInformationMessage(usedMessage(used, home, vscode.l10n));
    return used;
  }

  private showError(err: unknown, what: string): void {
    const settingsRelated =
      err instanceof DoctorError &&
      /^(settings\.|toolchain\.(indexUnavailable|downloadFailed|checksumMismatch|permissionDenied|diskFull|unsafeSdkDir))/.test(
        err.code,
      );
    const openSettings = {
      label: vscode.l10n.t('Open Settings'),
      run: () => void vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_QUERY),
    };
    showError(this.deps.log, what, err, settingsRelated ? [openSettings] : []);
  }
}
