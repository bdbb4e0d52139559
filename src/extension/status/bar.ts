// The status bar item: Go version and worst severity, busy while diagnosing, a tooltip with
// the problems and links to their fixes; clicking opens the findings quick pick.
import * as vscode from 'vscode';
import { Commands, LINKABLE_COMMANDS } from '../commands';
import type { FixRegistry } from '../fixes/registry';
import { shownFinding } from '../language';
import type { DiagnosisRunner } from '../runner';
import { presentStatus, type StatusState } from './presentation';

export class GoEnvStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('goEnv.status', vscode.StatusBarAlignment.Left, 10);
  private state: StatusState = { kind: 'idle' };
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    runner: DiagnosisRunner,
    private readonly registry: FixRegistry,
  ) {
    this.item.name = 'Go Env';
    this.item.command = Commands.showFindings;
    this.subscriptions = [
      runner.onDidStart(() => this.update({ kind: 'busy', ...(runner.last ? { previous: runner.last.report } : {}) })),
      runner.onDidFinish((o) => this.update({ kind: 'done', report: o.report })),
      runner.onDidFail((e) => this.update({ kind: 'failed', message: e.message })),
      registry.onDidChange(() => this.update(this.state)),
    ];
    this.update(this.state);
    this.item.show();
  }

  private update(state: StatusState): void {
    this.state = state;
    const view = presentStatus(state, (kind) => this.registry.has(kind), { l10n: vscode.l10n, show: shownFinding });
    this.item.text = view.text;
    const tooltip = new vscode.MarkdownString(view.tooltip, true);
    tooltip.isTrusted = { enabledCommands: [...LINKABLE_COMMANDS] };
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    this.item.backgroundColor = view.background
      ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`)
      : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
