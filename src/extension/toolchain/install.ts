// One verified toolchain install in the editor: the core installer with the user's toolchain
// settings, progress (percent, speed, time left, source) in a cancellable notification, the
// CancellationToken turned into the AbortSignal the installer stops on, and its errors with
// remedies that name the editor's settings instead of CLI flags.
import * as vscode from 'vscode';
import { DoctorError, isAbortError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { redact } from '../../core/redact';
import type { ToolchainInstallResult } from '../../core/toolchain/install';
import type { InstallTimeouts } from '../../core/toolchain/timeouts';
import { abortOnCancel } from '../cancellation';
import { loadFixBundle } from '../fixes/loadBundle';
import { editorRemedy, installTitle, progressMessage, ProgressSteps } from './presentation';
import { settingsError, type ToolchainSettings } from './settings';

export type ProgressSink = vscode.Progress<{ message?: string; increment?: number }>;

export interface InstallRun {
  /** `1.30.0`, `go1.30.0` or `latest`. */
  version: string;
  settings: ToolchainSettings;
  /** The platform for our own requests (VS Code's http.proxy applied). */
  platform: Platform;
  token: vscode.CancellationToken;
  log: vscode.LogOutputChannel;
  /** A notification to report into; without one the install opens its own, cancellable. */
  progress?: ProgressSink;
  timeouts?: Partial<InstallTimeouts>;
}

export type InstallRunResult = { kind: 'installed'; result: ToolchainInstallResult } | { kind: 'cancelled' };

export async function runInstall(run: InstallRun): Promise<InstallRunResult> {
  const bad = settingsError(run.settings);
  if (bad) throw bad;
  if (run.progress) return install(run, run.progress, [run.token]);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Go Env: ${installTitle(run.version, vscode.l10n)}`,
      cancellable: true,
    },
    (progress, token) => install(run, progress, [run.token, token]),
  );
}

async function install(
  run: InstallRun,
  progress: ProgressSink,
  tokens: vscode.CancellationToken[],
): Promise<InstallRunResult> {
  const { log, settings } = run;
  const controller = new AbortController();
  const cancellation = abortOnCancel(controller, tokens);
  const steps = new ProgressSteps();
  const started = performance.now();
  log.info(
    `installing ${run.version} into ${settings.sdkDir}; index ${redact((settings.dlBases ?? ['the official ones']).join(', '))}; ` +
      `mirrors ${settings.mirrors.length ? redact(settings.mirrors.join(', ')) : 'none'}`,
  );
  progress.report({ message: vscode.l10n.t('reading the official release index…') });
  try {
    // From the separately bundled fix implementations, loaded on first use (see lazyCore.ts).
    // The release archive, or when no official index answers, the golang.org/toolchain module
    // from GOPROXY verified against the checksum database, as the go command fetches toolchains.
    const { installToolchain } = loadFixBundle().toolchainInstaller;
    let lastSource = '';
    const result = await installToolchain({
      version: run.version,
      dir: settings.sdkDir,
      ...(settings.dlBases ? { dlBases: settings.dlBases } : {}),
      mirrors: settings.mirrors,
      platform: run.platform,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.source !== lastSource) {
          lastSource = p.source;
          log.info(`${p.phase}: ${redact(p.source)}`);
        }
        progress.report({ message: progressMessage(p, vscode.l10n), increment: steps.increment(p) });
      },
      onWait: (holder) => {
        const who = holder ? ` (pid ${holder.pid} on ${holder.host})` : '';
        log.info(`another install of ${run.version} holds the lock${who}; waiting`);
        progress.report({
          message: holder
            ? vscode.l10n.t(
                'waiting for another install of this version (pid {0} on {1}) to finish…',
                holder.pid,
                holder.host,
              )
            : vscode.l10n.t('waiting for another install of this version to finish…'),
        });
      },
      ...(run.timeouts ? { timeouts: run.timeouts } : {}),
    });
    for (const e of result.events) log.info(`  ${redact(e)}`);
    const ms = Math.round(performance.now() - started);
    log.info(`${redact(result.description)} (${ms} ms)`);
    return { kind: 'installed', result };
  } catch (err) {
    if (controller.signal.aborted || isAbortError(err)) {
      log.info(
        `install of ${run.version} cancelled after ${Math.round(performance.now() - started)} ms; the partial download is kept for a resume`,
      );
      return { kind: 'cancelled' };
    }
    log.error(
      `install of ${run.version} failed: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`,
    );
    if (err instanceof DoctorError)
      throw new DoctorError(err.code, err.message, editorRemedy(err.remedy), { cause: err });
    throw err;
  } finally {
    cancellation.dispose();
  }
}
