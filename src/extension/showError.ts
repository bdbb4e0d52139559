// The one way the extension shows an error: what failed, the cause and the remedy (a DoctorError
// carries both), credentials redacted, the stack in the log, and a "Show Log" button.
import * as vscode from 'vscode';
import { redact } from '../core/redact';
import { errorText } from './errorText';
import { displayLang } from './language';

export interface ErrorButton {
  label: string;
  run(): void;
}

/** Logs `err` under `what` ("Install Go 1.22 (verified)", "the undo", in the display language) and shows it without waiting. */
export function showError(
  log: vscode.LogOutputChannel,
  what: string,
  err: unknown,
  buttons: readonly ErrorButton[] = [],
): void {
  const showLog = vscode.l10n.t('Show Log');
  log.error(`${what} failed: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('Go Env: {0} failed. {1}', what, redact(errorText(err, displayLang()))),
      ...buttons.map((b) => b.label),
      showLog,
    )
    .then((pick) => {
      if (pick === showLog) log.show();
      else buttons.find((b) => b.label === pick)?.run();
    });
}
