// "Go Env: Verify Module Cache": every go.sum line against the checksum database and the
// project's modules in GOMODCACHE against go.sum (as `go mod verify`), in a cancellable progress
// notification; damaged modules are offered for download again, one version at a time.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { hostPlatform } from '../../core/platform';
import { redact } from '../../core/redact';
import { Commands } from '../commands';
import type { Ctx } from '../context';
import { loadFixBundle } from '../fixes/loadBundle';
import { shownFinding } from '../language';
import { findWorkspaceGoMods } from '../workspace';
import { redownload } from './fixes';

/** package.json "contributes.commands" declares the same id. */
export const VERIFY_MODULE_CACHE_COMMAND = Commands.verifyModuleCache;

export interface VerifyArgs {
  /** Check these go.mod files instead of the workspace's (tests, other extensions). */
  goModFiles?: string[];
  /** Download damaged modules again without asking. */
  redownload?: boolean;
}

export function registerVerifyModuleCache(ctx: Ctx): vscode.Disposable {
  return vscode.commands.registerCommand(VERIFY_MODULE_CACHE_COMMAND, (args?: VerifyArgs) => verify(ctx, args ?? {}));
}

/** Resolves with the findings (undefined when cancelled or when there is nothing to verify). */
async function verify(ctx: Ctx, args: VerifyArgs): Promise<Finding[] | undefined> {
  const downloadAgainLabel = vscode.l10n.t('Download Again');
  const showLog = vscode.l10n.t('Show Log');
  const m = loadFixBundle().modules;
  const p = hostPlatform(process.env);
  const settings = ctx.settings();
  const goModFiles = args.goModFiles ?? (await findWorkspaceGoMods()).map((t) => t.file);
  if (goModFiles.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Go Env: there is no go.mod in this workspace to verify modules for.'),
    );
    return undefined;
  }
  const located = await m.locateGo(p, settings.goPath);
  if (!located.found) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Go Env: no go binary was found. Install Go or set goEnv.goPath.'),
    );
    return undefined;
  }
  const go = located.go.path;
  const run = () =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Go Env: verifying modules'),
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          const env = await m.goEnvJson(go, p, settings.probeTimeoutMs, abort.signal);
          if (!('ok' in env)) throw new Error(`go env -json failed with ${go}`);
          let last = 0;
          return await m.modulesFindings({
            goModFiles,
            env: env.ok,
            platform: p,
            timeoutMs: settings.probeTimeoutMs,
            all: true,
            signal: abort.signal,
            onProgress: (done, total) => {
              const pct = Math.round((100 * done) / total);
              progress.report({
                message: vscode.l10n.t('module cache: {0} of {1}', done, total),
                increment: pct - last,
              });
              last = pct;
            },
          });
        } catch (err) {
          if (abort.signal.aborted) return undefined;
          throw err;
        } finally {
          sub.dispose();
        }
      },
    );

  const findings = await run();
  if (!findings) return undefined;
  log(ctx, findings);
  const corrupt = findings.filter((f) => f.id === 'modcache.corrupt');
  const mismatched = findings.filter((f) => f.id === 'gosum.mismatch');
  if (corrupt.length === 0) {
    if (mismatched.length) {
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t(
            'Go Env: {0} go.sum line(s) disagree with the checksum database; run {1} for the fix.',
            mismatched.length,
            `Go Env: ${vscode.l10n.t('Diagnose')}`,
          ),
          showLog,
        )
        .then((pick) => pick && ctx.log.show());
    } else void vscode.window.showInformationMessage(`Go Env: ${summary(findings)}`);
    return findings;
  }
  if (args.redownload) return downloadAgain(ctx, go, corrupt, run);
  // Not awaited: the command resolves with the findings while the question stays up.
  const names = corrupt.map((f) => path.basename(f.subject ?? ''));
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('Go Env: the module cache copy of {0} is damaged.', names.join(', ')),
      downloadAgainLabel,
      showLog,
    )
    .then(async (pick) => {
      if (pick === showLog) ctx.log.show();
      if (pick === downloadAgainLabel) await downloadAgain(ctx, go, corrupt, run);
    });
  return findings;
}

/** Downloads each damaged module again, then verifies again; resolves with the new findings. */
async function downloadAgain(
  ctx: Ctx,
  go: string,
  corrupt: readonly Finding[],
  run: () => Thenable<Finding[] | undefined>,
): Promise<Finding[] | undefined> {
  const done = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Go Env: downloading again'),
      cancellable: true,
    },
    async (progress, token) => {
      for (const f of corrupt) {
        const action = f.fixes?.find((x) => x.action?.kind === 'redownloadModule')?.action;
        if (action?.kind !== 'redownloadModule' || token.isCancellationRequested) continue;
        await redownload(ctx, go, action.cwd, action.module, action.version, { token, progress });
      }
      return !token.isCancellationRequested;
    },
  );
  if (!done) return undefined;
  const findings = await run();
  if (!findings) return undefined;
  log(ctx, findings);
  void vscode.window.showInformationMessage(`Go Env: ${summary(findings)}`);
  return findings;
}

function summary(findings: readonly Finding[]): string {
  const bad = findings.filter((f) => f.severity === 'error').length;
  if (bad) return vscode.l10n.t('{0} problem(s) remain; see the log.', bad);
  return findings.map((f) => shownFinding(f).title).join(vscode.l10n.t('; ')) || vscode.l10n.t('nothing to verify.');
}

function log(ctx: Ctx, findings: readonly Finding[]): void {
  for (const f of findings) ctx.log.info(redact(`${f.severity.padEnd(7)} ${f.id}: ${f.title}`));
}
