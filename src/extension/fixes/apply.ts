// The goEnv.applyFix command: resolves a FixRef against the current report, then runs the
// registered handler for its kind, or its command line in a terminal.
import * as vscode from 'vscode';
import { redact } from '../../core/redact';
import type { Ctx } from '../context';
import { showError } from '../showError';
import { runFixInTerminal, type FixRegistry } from './registry';
import { isFixRef, resolveFixRef } from './presentation';
import type { DiagnosisRunner } from '../runner';
import { shownFixTitle } from '../language';

export type ApplyResult = 'handled' | 'terminal' | 'stale' | 'failed' | 'cancelled';

export class FixApplier {
  private readonly fixTerminals = new Set<vscode.Terminal>();

  constructor(
    private readonly ctx: Ctx,
    private readonly registry: FixRegistry,
    private readonly runner: DiagnosisRunner,
  ) {
    // A fix run in a terminal is done when the user closes it: look again then.
    ctx.own(
      vscode.window.onDidCloseTerminal((t) => {
        if (this.fixTerminals.delete(t)) runner.schedule('fix terminal closed');
      }),
    );
  }

  async apply(ref: unknown): Promise<ApplyResult> {
    const report = this.runner.last?.report;
    const resolved = report && isFixRef(ref) ? resolveFixRef(report, ref) : undefined;
    if (!report || !resolved) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Go Env: that fix belongs to an earlier diagnosis and no longer applies. Pick it again from the status bar item.',
        ),
      );
      return 'stale';
    }
    const { finding, fix } = resolved;
    const shownTitle = shownFixTitle(finding, fix);
    const handler = this.registry.handlerFor(fix);
    if (!handler) {
      this.ctx.log.info(`fix "${fix.title}" has no editor handler; running in a terminal: ${redact(fix.command)}`);
      this.fixTerminals.add(runFixInTerminal(fix, shownTitle, this.ctx.extension.extensionUri));
      return 'terminal';
    }
    this.ctx.log.info(`applying fix "${fix.title}" (${fix.action?.kind}) for ${finding.id}`);
    try {
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Go Env: ${shownTitle}`, cancellable: true },
        (progress, token) =>
          handler({
            report,
            finding,
            fix,
            requestPlatform: this.ctx.requestPlatform(),
            log: this.ctx.log,
            token,
            progress,
          }).then((o) => ({ o, cancelled: token.isCancellationRequested })),
      );
      if (outcome.cancelled) return 'cancelled';
      if (outcome.o?.rediagnose !== false) void this.runner.run(`after fix ${fix.action?.kind}`);
      return 'handled';
    } catch (err) {
      showError(this.ctx.log, shownTitle, err);
      return 'failed';
    }
  }
}
