// The module fixes the editor performs itself: gosum.mismatch (remove the lines, `go mod tidy`,
// with an Undo that puts the old go.sum back), modcache.corrupt (download that one module again)
// and, as the last resort, `go clean -modcache` after a confirmation naming the cache's size.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DoctorError } from '../../core/errors';
import { hostPlatform } from '../../core/platform';
import type { Ctx } from '../context';
import { loadFixBundle } from '../fixes/loadBundle';
import type { FixContext, FixRegistry } from '../fixes/registry';
import { shownFixTitle } from '../language';

const GO_TIMEOUT_MS = 10 * 60_000;

export function registerModuleFixes(registry: FixRegistry, ctx: Ctx): vscode.Disposable {
  return vscode.Disposable.from(
    registry.register('repairGoSum', async (action, fx) => {
      const m = loadFixBundle().modules;
      const p = hostPlatform(process.env);
      const r = await withAbort(fx, (signal) =>
        m.repairGoSum({
          go: goOf(fx),
          env: p.env,
          timeoutMs: GO_TIMEOUT_MS,
          signal,
          goSum: action.goSum,
          module: action.module,
          version: action.version,
          backupDir: path.join(m.stateDir(p), 'gosum-backup'),
        }),
      );
      fx.log.info(`go.sum repaired for ${action.module}@${action.version}; the old one is kept at ${r.backup}`);
      const undo = vscode.l10n.t('Undo');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t(
            'Go Env: removed {0} line(s) of {1} {2} from go.sum; go mod tidy added verified ones.',
            r.removed,
            action.module,
            action.version,
          ),
          undo,
        )
        .then(async (pick) => {
          if (pick !== undo) return;
          await m.restoreGoSum(r.backup, action.goSum);
          void vscode.window.showInformationMessage(vscode.l10n.t('Go Env: go.sum is back as it was.'));
        });
    }),
    registry.register('redownloadModule', async (action, fx) => {
      await redownload(ctx, goOf(fx), action.cwd, action.module, action.version, fx);
    }),
    registry.register('cleanModcache', async (action, fx) => {
      const sure = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0}?', shownFixTitle(fx.finding, fx.fix)),
        { modal: true, detail: vscode.l10n.t('Every project then downloads its modules again.') },
        vscode.l10n.t('Empty the Module Cache'),
      );
      if (!sure) return { rediagnose: false };
      await withAbort(fx, (signal) =>
        loadFixBundle().modules.runGo(
          { go: goOf(fx), cwd: action.cwd, env: process.env, timeoutMs: GO_TIMEOUT_MS, signal },
          ['clean', '-modcache'],
          vscode.l10n.t('Run `go clean -modcache` in a terminal to see the error.'),
        ),
      );
      return undefined;
    }),
  );
}

/** Removes and downloads one module version again, reporting its steps. */
export async function redownload(
  ctx: Ctx,
  go: string,
  cwd: string,
  module: string,
  version: string,
  fx: Pick<FixContext, 'token' | 'progress'>,
): Promise<void> {
  const m = loadFixBundle().modules;
  const p = hostPlatform(process.env);
  const env = await m.goEnvJson(go, p, GO_TIMEOUT_MS);
  if (!('ok' in env))
    throw new DoctorError(
      'go.failed',
      vscode.l10n.t('`go env` failed with {0}.', go),
      vscode.l10n.t('Run `go env` to see why.'),
    );
  await withAbort(fx, (signal) =>
    m.redownloadModule({
      go,
      cwd,
      env: p.env,
      timeoutMs: GO_TIMEOUT_MS,
      signal,
      gomodcache: m.goModCache(env.ok, p),
      module,
      version,
      onProgress: (step) => {
        ctx.log.info(step);
        fx.progress?.report({ message: step });
      },
    }),
  );
}

function goOf(fx: FixContext): string {
  const go = fx.report.go.path;
  if (!go)
    throw new DoctorError(
      'go.notFound',
      vscode.l10n.t('There is no go binary to run.'),
      vscode.l10n.t('Install Go or set goEnv.goPath, then diagnose again.'),
    );
  return go;
}

async function withAbort<T>(fx: Pick<FixContext, 'token'>, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const sub = fx.token.onCancellationRequested(() => abort.abort());
  try {
    return await work(abort.signal);
  } finally {
    sub.dispose();
  }
}
