// The one way the extension shows an error: what failed, the cause and the remedy (a DoctorError
// carries both), credentials redacted, the stack in the log, and a "Show Log" button.
import * as vscode from 'vscode';
import { DoctorError } from '../core/errors';
import { redact } from '../core/redact';

export interface ErrorButton {
  label: string;
  run(): void;
}

const SHOW_LOG = 'Show Log';

/** Logs `err` under `what` ("Install Go 1.22 (verified)", "the undo") and shows it without waiting. */
export function showError(
  log: vscode.LogOutputChannel,
  what: string,
  err: unknown,
  buttons: readonly ErrorButton[] = [],
): void {
  const text =
    err instanceof DoctorError ? `${err.message} ${err.remedy}` : err instanceof Error ? err.message : String(err);
  log.error(`${what} failed: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
  void vscode.window
    .showErrorMessage(`Go Env: ${what} failed. ${redact(text)}`, ...buttons.map((b) => b.label), SHOW_LOG)
    .then((pick) => {
      if (pick === SHOW_LOG) log.show();
      else buttons.find((b) => b.label === pick)?.run();
    });
}
