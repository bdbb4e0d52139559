// The one object that owns every disposable of the extension, and the services the features
// share. Created in activate(), disposed with the extension (it sits in context.subscriptions).
import * as vscode from 'vscode';
import { readHttpSettings, type VsCodeHttpSettings } from './proxy/httpSettings';
import { redactingLog } from './redactingLog';
import { readSettings, SECTION, type Settings } from './settings';

export class Ctx implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private logChannel: vscode.LogOutputChannel | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {}

  /** The "Go Env" log, created on first use: creating it is the costliest step of activation. */
  get log(): vscode.LogOutputChannel {
    this.logChannel ??= redactingLog(this.own(vscode.window.createOutputChannel('Go Env', { log: true })));
    return this.logChannel;
  }

  /** Takes ownership of a disposable; returns it for chaining. */
  own<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) {
      d.dispose();
    } else {
      this.disposables.push(d);
    }
    return d;
  }

  settings(): Settings {
    return readSettings(vscode.workspace.getConfiguration(SECTION), vscode.workspace.isTrusted);
  }

  httpSettings(): VsCodeHttpSettings {
    return readHttpSettings(vscode.workspace.getConfiguration('http'));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Reverse order: later features may depend on earlier ones.
    for (const d of this.disposables.reverse()) {
      try {
        d.dispose();
      } catch (err) {
        console.error('Go Env: dispose failed', err);
      }
    }
    this.disposables.length = 0;
  }
}
