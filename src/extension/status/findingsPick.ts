// The quick pick behind the status bar item: the findings, each followed by its fixes, then
// "Diagnose again", the report and the log.
import * as vscode from 'vscode';
import type { Fix } from '../../core/findings';
import type { Report } from '../../core/report/model';
import { Commands } from '../commands';
import type { FixRegistry } from '../fixes/registry';
import { fixLabel, fixRef, type FixRef } from '../fixes/presentation';
import { SEVERITY_ICON, problems } from './presentation';

type Choice = { kind: 'fix'; ref: FixRef; fix: Fix } | { kind: 'command'; command: string };

interface Item extends vscode.QuickPickItem {
  choice?: Choice;
}

const COPY_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('copy'),
  tooltip: 'Copy the command line',
};

export function buildPickItems(report: Report, registry: FixRegistry): Item[] {
  const items: Item[] = [];
  const list = problems(report);
  items.push({ label: list.length ? 'Problems' : 'No problems found', kind: vscode.QuickPickItemKind.Separator });
  for (const f of list) {
    const index = report.findings.indexOf(f);
    items.push({
      label: `${SEVERITY_ICON[f.severity]} ${f.title}`,
      description: f.id,
      detail: f.detail,
      choice: { kind: 'command', command: Commands.showReport },
    });
    (f.fixes ?? []).forEach((fix, i) => {
      items.push({
        label: `$(blank) $(wrench) ${fixLabel(fix, registry.has(fix.action?.kind))}`,
        choice: { kind: 'fix', ref: fixRef(index, i, f), fix },
        buttons: [COPY_BUTTON],
      });
    });
  }
  const fine = report.findings.filter((f) => f.severity === 'ok');
  if (fine.length) {
    items.push({ label: 'Fine', kind: vscode.QuickPickItemKind.Separator });
    for (const f of fine) items.push({ label: `${SEVERITY_ICON.ok} ${f.title}`, description: f.id });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: '$(refresh) Diagnose again', choice: { kind: 'command', command: Commands.diagnose } });
  items.push({ label: '$(markdown) Show report', choice: { kind: 'command', command: Commands.showReport } });
  items.push({ label: '$(output) Show log', choice: { kind: 'command', command: Commands.showLog } });
  return items;
}

export async function showFindingsPick(report: Report, registry: FixRegistry): Promise<void> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `Go Env: ${report.go.version ?? 'no go binary'}`;
  pick.placeholder = 'Pick a fix to apply, or an action';
  pick.matchOnDescription = true;
  pick.items = buildPickItems(report, registry);
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidTriggerItemButton((e) => {
      if (e.item.choice?.kind === 'fix') {
        void vscode.env.clipboard.writeText(e.item.choice.fix.command);
        void vscode.window.showInformationMessage(`Copied: ${e.item.choice.fix.command}`);
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
