// The one object that owns every disposable of the extension, and the services the features
// share. Created in activate(), disposed with the extension (it sits in context.subscriptions).
import * as os from 'node:os';
import * as vscode from 'vscode';
import { hostPlatform, type Platform } from '../core/platform';
import { withPathChange } from '../core/shell/pathVariable';
import { readProxyCandidates, type ProxyCandidateSetting } from './proxy/candidates';
import { readHttpSettings, requestEnv, type VsCodeHttpSettings } from './proxy/httpSettings';
import { redactingLog } from './redactingLog';
import { readSettings, SECTION, type Settings } from './settings';
import { readToolchainSettings, type ToolchainSettings } from './toolchain/settings';

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

  toolchainSettings(): ToolchainSettings {
    return readToolchainSettings(vscode.workspace.getConfiguration(SECTION), os.homedir());
  }

  proxyCandidates(): ProxyCandidateSetting {
    return readProxyCandidates(vscode.workspace.getConfiguration(SECTION), vscode.workspace.isTrusted);
  }

  /**
   * The environment the go command runs with: for diagnosing and for what go will do. PATH is what a
   * new integrated terminal gets, with this extension's own change (an installed toolchain first).
   */
  goPlatform(): Platform {
    return hostPlatform(withTerminalPath(process.env, this.extension.environmentVariableCollection.get('PATH')));
  }

  /** The host with VS Code's http.proxy / http.noProxy applied: for requests the extension makes itself. */
  requestPlatform(): Platform {
    return hostPlatform(requestEnv(process.env, this.httpSettings()));
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

function withTerminalPath(
  env: NodeJS.ProcessEnv,
  change: vscode.EnvironmentVariableMutator | undefined,
): NodeJS.ProcessEnv {
  if (!change) return env;
  const T = vscode.EnvironmentVariableMutatorType;
  const kind = change.type === T.Prepend ? 'prepend' : change.type === T.Append ? 'append' : 'replace';
  // On Windows PATH is stored as `Path`: the change lands on that one key, whatever its case.
  return withPathChange(env, { kind, value: change.value }, { os: process.platform });
}
