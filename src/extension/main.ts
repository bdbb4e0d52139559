// Entry point. activate() only wires things up: no network, no child processes, no heavy
// imports (the core loads on the first diagnosis, which starts after activate returns).
import * as vscode from 'vscode';
import type { GoEnvApi } from './api';
import { FixApplier } from './fixes/apply';
import { registerBuiltinFixes } from './fixes/builtin';
import { GO_MOD_SELECTOR, GoModCodeActions } from './fixes/codeActions';
import { Commands } from './commands';
import { Ctx } from './context';
import { GoModDiagnostics } from './diagnostics/collection';
import { showFindingsPick } from './status/findingsPick';
import { FixRegistry } from './fixes/registry';
import { registerProxyFixes } from './proxy/fixes';
import { registerToolchainFixes } from './toolchain/fixes';
import { registerModuleFixes } from './modules/fixes';
import { registerVerifyModuleCache } from './modules/verifyCache';
import { REPORT_SCHEME, ReportDocument } from './diagnostics/report';
import { DiagnosisRunner, type RunResult } from './runner';
import { registerVerifyWithGo } from './referee/verify';
import { SETTINGS_THAT_MATTER } from './settings';
import { showError } from './showError';
import { GoEnvStatusBar } from './status/bar';
import type { Report } from '../core/report/model';

export function activate(extension: vscode.ExtensionContext): GoEnvApi {
  const started = performance.now();
  const ctx = new Ctx(extension);
  extension.subscriptions.push(ctx);
  try {
    const api = wire(ctx, started);
    // Logged after activate returns: opening the log channel is not free.
    setTimeout(() => ctx.log.info(`Go Env Doctor activated in ${api.activationMs.toFixed(1)} ms`), 0);
    return api;
  } catch (err) {
    // Say so where the user looks, then let VS Code record the failed activation too.
    const message = err instanceof Error ? err.message : String(err);
    ctx.log.error(`activation failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Go Env Doctor failed to start: {0}', message));
    throw err;
  }
}

export function deactivate(): void {
  // Everything is owned by Ctx, which VS Code disposes through context.subscriptions.
}

function wire(ctx: Ctx, started: number): GoEnvApi {
  const registry = ctx.own(new FixRegistry());
  ctx.own(registerBuiltinFixes(registry));
  ctx.own(registerProxyFixes(registry, ctx));
  ctx.own(registerToolchainFixes(registry, ctx));
  ctx.own(registerModuleFixes(registry, ctx));
  ctx.own(registerVerifyModuleCache(ctx));
  const runner = ctx.own(new DiagnosisRunner(ctx));
  const diagnostics = ctx.own(new GoModDiagnostics());
  const reportDoc = ctx.own(new ReportDocument());
  const applier = new FixApplier(ctx, registry, runner);
  ctx.own(new GoEnvStatusBar(runner, registry));

  ctx.own(
    runner.onDidFinish((outcome) => {
      void diagnostics.show(outcome);
      void reportDoc.update(outcome.report);
    }),
  );

  /** The last report, running a diagnosis first when there is none yet. */
  const ensureReport = async (): Promise<RunResult | undefined> => {
    if (runner.busy) return runner.current('waiting for a report');
    if (runner.last) return { kind: 'done', outcome: runner.last };
    return diagnoseWithProgress('command');
  };

  const diagnoseWithProgress = (reason: string): Thenable<RunResult> =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Go Env: diagnosing the Go environment…'),
        cancellable: true,
      },
      (_progress, token) => runner.run(reason, token),
    );

  const reportFrom = async (r: RunResult | undefined) => {
    if (r?.kind === 'failed') {
      showError(ctx.log, vscode.l10n.t('the diagnosis'), r.error);
    }
    if (r?.kind !== 'done') return undefined;
    await diagnostics.show(r.outcome);
    await reportDoc.update(r.outcome.report);
    return r.outcome.report;
  };

  ctx.own(vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reportDoc));
  ctx.own(
    vscode.languages.registerCodeActionsProvider(
      GO_MOD_SELECTOR,
      new GoModCodeActions(diagnostics, registry),
      GoModCodeActions.metadata,
    ),
  );

  ctx.own(
    vscode.commands.registerCommand(Commands.diagnose, async () => reportFrom(await diagnoseWithProgress('command'))),
  );
  ctx.own(
    vscode.commands.registerCommand(Commands.showReport, async () => {
      if (!(await reportFrom(await ensureReport()))) return undefined;
      return (await reportDoc.show()).uri;
    }),
  );
  ctx.own(vscode.commands.registerCommand(Commands.showLog, () => ctx.log.show()));
  ctx.own(
    vscode.commands.registerCommand(Commands.showFindings, async () => {
      const report = await reportFrom(await ensureReport());
      if (report) await showFindingsPick(report, registry);
    }),
  );
  ctx.own(vscode.commands.registerCommand(Commands.applyFix, (ref: unknown) => applier.apply(ref)));
  ctx.own(registerVerifyWithGo(ctx, runner));

  // Refresh when what the diagnosis depends on changes.
  ctx.own(
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.scheme === 'file' && /(^|[\\/])(go\.(mod|work)|\.go-env-doctor\.json)$/.test(doc.uri.fsPath))
        runner.schedule(`${doc.uri.fsPath.split(/[\\/]/).pop()} saved`);
    }),
  );
  const watcher = ctx.own(
    vscode.workspace.createFileSystemWatcher('**/{go.mod,go.work,.go-env-doctor.json}', false, true, false),
  );
  ctx.own(watcher.onDidCreate(() => runner.schedule('go.mod created')));
  ctx.own(watcher.onDidDelete(() => runner.schedule('go.mod deleted')));
  ctx.own(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SETTINGS_THAT_MATTER.some((s) => e.affectsConfiguration(s))) runner.schedule('settings changed');
    }),
  );
  ctx.own(vscode.workspace.onDidChangeWorkspaceFolders(() => runner.schedule('workspace folders changed')));
  ctx.own(vscode.workspace.onDidGrantWorkspaceTrust(() => runner.schedule('workspace trusted')));

  const reports = ctx.own(new vscode.EventEmitter<Report>());
  ctx.own(runner.onDidFinish((o) => reports.fire(o.report)));

  if (ctx.settings().runOnStartup) {
    // After activate returns: never hold up the window.
    const timer = setTimeout(() => void runner.run('startup'), 0);
    ctx.own({ dispose: () => clearTimeout(timer) });
  }

  const activationMs = performance.now() - started;
  return {
    activationMs,
    registerFixHandler: (kind, handler) => ctx.own(registry.register(kind, handler)),
    hasFixHandler: (kind) => registry.has(kind),
    diagnose: async (token) => {
      const r = await runner.run('api', token);
      return r.kind === 'done' ? r.outcome.report : undefined;
    },
    lastReport: () => runner.last?.report,
    onDidReport: reports.event,
    requestPlatform: () => ctx.requestPlatform(),
  };
}
