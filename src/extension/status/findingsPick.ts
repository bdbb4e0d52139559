// The quick pick behind the status bar item: the findings, each followed by its fixes, then
// "Diagnose again", the report and the log.
import * as vscode from 'vscode';
import type { Fix } from '../../core/findings';
import type { Report } from '../../core/report/model';
import { Commands } from '../commands';
import type { FixRegistry } from '../fixes/registry';
import { fixLabel, fixRef, type FixRef } from '../fixes/presentation';
import { shownFinding } from '../language';
import { SEVERITY_ICON, problems } from './presentation';

type Choice = { kind: 'fix'; ref: FixRef; fix: Fix } | { kind: 'command'; command: string };

interface Item extends vscode.QuickPickItem {
  choice?: Choice;
}

export function buildPickItems(report: Report, registry: FixRegistry): Item[] {
  const copyButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('copy'),
    tooltip: vscode.l10n.t('Copy the command line'),
  };
  const items: Item[] = [];
  const list = problems(report);
  items.push({
    label: list.length ? vscode.l10n.t('Problems') : vscode.l10n.t('No problems found'),
    kind: vscode.QuickPickItemKind.Separator,
  });
  for (const f of list) {
    const index = report.findings.indexOf(f);
    const shown = shownFinding(f);
    items.push({
      label: `${SEVERITY_ICON[f.severity]} ${shown.title}`,
      description: f.id,
      detail: shown.detail,
      choice: { kind: 'command', command: Commands.showReport },
    });
    // The choice keeps the report's own fix (its title addresses it); the label is the shown one.
    (f.fixes ?? []).forEach((fix, i) => {
      items.push({
        label: `$(blank) $(wrench) ${fixLabel(shown.fixes?.[i] ?? fix, registry.has(fix.action?.kind), vscode.l10n)}`,
        choice: { kind: 'fix', ref: fixRef(index, i, f), fix },
        buttons: [copyButton],
      });
    });
  }
  const fine = report.findings.filter((f) => f.severity === 'ok');
  if (fine.length) {
    items.push({ label: vscode.l10n.t('Fine'), kind: vscode.QuickPickItemKind.Separator });
    for (const f of fine) items.push({ label: `${SEVERITY_ICON.ok} ${shownFinding(f).title}`, description: f.id });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  const command = (icon: string, label: string, id: string): Item => ({
    label: `$(${icon}) ${label}`,
    choice: { kind: 'command', command: id },
  });
  items.push(command('refresh', vscode.l10n.t('Diagnose again'), Commands.diagnose));
  items.push(command('markdown', vscode.l10n.t('Show report'), Commands.showReport));
  items.push(command('output', vscode.l10n.t('Show log'), Commands.showLog));
  return items;
}

export async function showFindingsPick(report: Report, registry: FixRegistry): Promise<void> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `Go Env: ${report.go.version ?? vscode.l10n.t('no go binary')}`;
  pick.placeholder = vscode.l10n.t('Pick a fix to apply, or an action');
  pick.matchOnDescription = true;
  pick.items = buildPickItems(report, registry);
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidTriggerItemButton((e) => {
      if (e.item.choice?.kind === 'fix') {
        void vscode.env.clipboard.writeText(e.item.choice.fix.command);
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied: {0}', e.item.choice.fix.command));
      }
    });
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  const choice = chosen?.choice;
  if (!choice) return;
  if (choice.kind === 'fix') await vscode.commands.executeCommand(Commands.applyFix, choice.ref);
  else await vscode.commands.executeCommand(choice.command);
}
