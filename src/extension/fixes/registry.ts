// Fixes are executed through a registry keyed by FixAction.kind. builtin.ts registers the
// editor-side kinds (showReport, openSettings, setGoEnv, unsetGoEnv); the toolchain installer
// (installToolchain) and the proxy switcher (setProxyAuto, restoreProxy, workOffline) plug in
// by registering a handler. A fix with no handler is offered as its command line, run in a
// terminal and labelled as such: never pretended.
import * as vscode from 'vscode';
import type { Finding, Fix, FixAction } from '../../core/findings';
import type { Platform } from '../../core/platform';
import type { Report } from '../../core/report/model';
import { cliArgs } from './presentation';

export type FixKind = FixAction['kind'];
export type ActionOf<K extends FixKind> = Extract<FixAction, { kind: K }>;

export interface FixContext {
  report: Report;
  finding: Finding;
  fix: Fix;
  /**
   * The host platform with VS Code's http.proxy / http.noProxy applied to its env: use it for
   * requests the handler makes itself (downloads), not for predicting what the go command does.
   */
  requestPlatform: Platform;
  log: vscode.LogOutputChannel;
  token: vscode.CancellationToken;
  /** The applier's cancellable notification: a handler reports its own steps there. */
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
}

export interface FixOutcome {
  /** Diagnose again afterwards (default true). */
  rediagnose?: boolean;
}

export type FixHandler<K extends FixKind = FixKind> = (
  action: ActionOf<K>,
  ctx: FixContext,
) => Promise<FixOutcome | void>;

/** Handlers are stored without their kind's narrowing; the map key guarantees it. */
type AnyFixHandler = (action: FixAction, ctx: FixContext) => Promise<FixOutcome | void>;

export class FixRegistry {
  /** Per kind, a stack: the newest registration wins, and disposing it brings back the one below. */
  private readonly handlers = new Map<FixKind, AnyFixHandler[]>();
  private readonly changed = new vscode.EventEmitter<FixKind>();
  /** Fires when a handler comes or goes (labels of offered fixes change). */
  readonly onDidChange = this.changed.event;

  register<K extends FixKind>(kind: K, handler: FixHandler<K>): vscode.Disposable {
    const stored = handler as unknown as AnyFixHandler;
    const stack = this.handlers.get(kind) ?? [];
    stack.push(stored);
    this.handlers.set(kind, stack);
    this.changed.fire(kind);
    return new vscode.Disposable(() => {
      const i = stack.lastIndexOf(stored);
      if (i === -1) return;
      stack.splice(i, 1);
      if (stack.length === 0) this.handlers.delete(kind);
      this.changed.fire(kind);
    });
  }

  has(kind: string | undefined): boolean {
    return kind !== undefined && this.handlers.has(kind as FixKind);
  }

  /** The handler for a fix's action, if the editor can perform it itself. */
  handlerFor(fix: Fix): ((ctx: FixContext) => Promise<FixOutcome | void>) | undefined {
    const action = fix.action;
    if (!action) return undefined;
    const handler = this.handlers.get(action.kind)?.at(-1);
    return handler ? (ctx) => handler(action, ctx) : undefined;
  }

  dispose(): void {
    this.handlers.clear();
    this.changed.dispose();
  }
}

/**
 * Runs a fix's command line in a terminal. Our own CLI (`go-env-doctor …`) runs from the copy
 * the extension ships, with the Node that runs the extension host, so it needs nothing on PATH;
 * any other command line runs in the user's shell.
 */
export function runFixInTerminal(fix: Fix, title: string, extensionUri: vscode.Uri): vscode.Terminal {
  const args = cliArgs(fix.command);
  let terminal: vscode.Terminal;
  if (args) {
    terminal = vscode.window.createTerminal({
      name: `Go Env: ${title}`,
      shellPath: process.execPath,
      shellArgs: [vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath, ...args],
      // VS Code's own executable is Electron; this makes it behave as plain Node.
      env: { ELECTRON_RUN_AS_NODE: '1' },
      iconPath: new vscode.ThemeIcon('tools'),
    });
  } else {
    terminal = vscode.window.createTerminal({ name: `Go Env: ${title}`, iconPath: new vscode.ThemeIcon('tools') });
    terminal.sendText(fix.command, true);
  }
  terminal.show();
  return terminal;
}
