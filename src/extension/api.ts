// What activate() returns: the last report, diagnosis on demand and fix-handler registration,
// used by the integration tests to drive and observe the extension.
import type * as vscode from 'vscode';
import type { Platform } from '../core/platform';
import type { Report } from '../core/report/model';
import type { FixHandler, FixKind } from './fixes/registry';

export interface GoEnvApi {
  /** Milliseconds our activate() took (our own code only). */
  readonly activationMs: number;
  /** Performs fixes of `kind` in the editor from now on (instead of a terminal command line). */
  registerFixHandler<K extends FixKind>(kind: K, handler: FixHandler<K>): vscode.Disposable;
  /** Whether the editor performs fixes of `kind` itself. */
  hasFixHandler(kind: FixKind): boolean;
  /** Runs a diagnosis now (cancelling a running one); undefined when cancelled or superseded. */
  diagnose(token?: vscode.CancellationToken): Promise<Report | undefined>;
  /** The report of the last finished diagnosis. */
  lastReport(): Report | undefined;
  readonly onDidReport: vscode.Event<Report>;
  /** The host platform with VS Code's http.proxy settings applied, for the extension's own requests. */
  requestPlatform(): Platform;
}
