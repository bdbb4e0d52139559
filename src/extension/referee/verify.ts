// "Go Env: Verify with the Go Command": the diagnosis plus the real go as referee (`--deep`),
// with a cancellable progress notification. The findings land in the report and on go.mod like
// any diagnosis; a message says whether go agrees.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { Commands } from '../commands';
import type { Ctx } from '../context';
import type { DiagnosisRunner } from '../runner';
import { errorText } from '../errorText';
import { displayLang, shownFinding } from '../language';

export function registerVerifyWithGo(ctx: Ctx, runner: DiagnosisRunner): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.verifyWithGo, () => verifyWithGo(ctx, runner));
}

/** Resolves with the referee's findings (for tests), or undefined when cancelled or failed. */
export async function verifyWithGo(ctx: Ctx, runner: DiagnosisRunner): Promise<Finding[] | undefined> {
  const r = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Go Env: verifying with the go command (module downloads in a throwaway cache)…'),
      cancellable: true,
    },
    (_progress, token) => runner.run('verify with the go command', token, { deep: { allowToolchainDownload: false } }),
  );
  if (r.kind === 'failed') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Go Env: verifying with the go command failed: {0}', errorText(r.error, displayLang())),
    );
    return undefined;
  }
  if (r.kind !== 'done') return undefined;
  const referee = r.outcome.report.findings.filter((f) => f.id.startsWith('referee.'));
  const problems = referee.filter((f) => f.severity !== 'ok');
  ctx.log.info(`verify with the go command: ${referee.map((f) => `${f.id} (${f.subject ?? ''})`).join(', ')}`);
  if (referee.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Go Env: the go command could not be run; see the report.'));
  } else if (problems.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Go Env: the go command agrees with the diagnosis.'));
  } else {
    const title = shownFinding(problems[0]!).title;
    const text =
      problems.length > 1
        ? vscode.l10n.t('Go Env: {0} (and {1} more)', title, problems.length - 1)
        : `Go Env: ${title}`;
    void vscode.window.showWarningMessage(text, vscode.l10n.t('Show Report')).then((pick) => {
      if (pick) void vscode.commands.executeCommand(Commands.showReport);
    });
  }
  return referee;
}
