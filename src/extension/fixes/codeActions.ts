// Quick fixes on go.mod: for each of our diagnostics, the fixes its finding offers, plus
// "Show Go Env report".
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../commands';
import type { GoModDiagnostics } from '../diagnostics/collection';
import type { FixRegistry } from './registry';
import { fixLabel, fixRef } from './presentation';
import { shownFinding } from '../language';

export const GO_MOD_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/go.mod' },
  { scheme: 'file', language: 'go.mod' },
];

export class GoModCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly diagnostics: GoModDiagnostics,
    private readonly registry: FixRegistry,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (
      context.only &&
      !vscode.CodeActionKind.QuickFix.contains(context.only) &&
      !context.only.contains(vscode.CodeActionKind.QuickFix)
    )
      return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of ours) {
      const found = this.diagnostics.findingFor(document.uri, d);
      if (!found) continue;
      const shown = shownFinding(found.finding);
      // The label in the display language; the ref carries the report's own fix title.
      (found.finding.fixes ?? []).forEach((fix, i) => {
        const title = fixLabel(shown.fixes?.[i] ?? fix, this.registry.has(fix.action?.kind), vscode.l10n);
        // The same environment fix can hang off several diagnostics on one line: offer it once.
        if (seen.has(title)) return;
        seen.add(title);
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.command = {
          title,
          command: Commands.applyFix,
          arguments: [fixRef(found.findingIndex, i, found.finding)],
        };
        action.isPreferred = actions.length === 0;
        actions.push(action);
      });
    }
    const reportTitle = vscode.l10n.t('Show Go Env report');
    const report = new vscode.CodeAction(reportTitle, vscode.CodeActionKind.QuickFix);
    report.diagnostics = ours;
    report.command = { title: reportTitle, command: Commands.showReport };
    actions.push(report);
    return actions;
  }
}
