// Puts findings on go.mod files as diagnostics (source "Go Env", code = finding id) and
// remembers which finding each came from, for the quick fixes.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { Report } from '../../core/report/model';
import { DIAGNOSTIC_SOURCE } from '../commands';
import { planDiagnostics, type PlannedDiagnostic } from './plan';
import type { DiagnosisOutcome } from '../runner';
import { shownFinding } from '../language';

const SEVERITY: Record<PlannedDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class GoModDiagnostics implements vscode.Disposable {
  /** Created with the first report, not at activation. */
  private collectionInstance: vscode.DiagnosticCollection | undefined;
  private report: Report | undefined;
  private planned = new Map<string, PlannedDiagnostic[]>();

  private shown: { runId: number; done: Promise<void> } | undefined;

  /** Shows a diagnosis' findings; asking again for the same run waits for the same work. */
  show(outcome: DiagnosisOutcome): Promise<void> {
    if (this.shown?.runId === outcome.runId) return this.shown.done;
    // Recorded before apply() starts: apply checks it to notice a newer diagnosis.
    const entry = { runId: outcome.runId, done: Promise.resolve() };
    this.shown = entry;
    entry.done = this.apply(outcome);
    return entry.done;
  }

  private async apply(outcome: DiagnosisOutcome): Promise<void> {
    // Messages in the display language; findingIndex still addresses the report's own findings.
    const planned = planDiagnostics(outcome.report.findings.map(shownFinding), outcome.targets);
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, list] of planned) {
      const uri = vscode.Uri.file(file);
      const lines = await lineTexts(uri);
      entries.push([uri, list.map((p) => toDiagnostic(p, lines))]);
    }
    if (this.shown?.runId !== outcome.runId) return; // a newer diagnosis got here first
    this.report = outcome.report;
    this.planned = new Map([...planned].map(([file, list]) => [vscode.Uri.file(file).toString(), list]));
    this.collectionInstance ??= vscode.languages.createDiagnosticCollection('go-env');
    this.collectionInstance.clear();
    this.collectionInstance.set(entries);
  }

  /** The finding behind one of our diagnostics on `uri`, if it is still current. */
  findingFor(uri: vscode.Uri, d: vscode.Diagnostic): { finding: Finding; findingIndex: number } | undefined {
    if (d.source !== DIAGNOSTIC_SOURCE || !this.report) return undefined;
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    const match = this.planned.get(uri.toString())?.find((p) => p.code === code && p.message === d.message);
    const finding = match && this.report.findings[match.findingIndex];
    return finding && match ? { finding, findingIndex: match.findingIndex } : undefined;
  }

  dispose(): void {
    this.collectionInstance?.dispose();
  }
}

/** The text of each line, from the open editor if there is one (it may be unsaved), else disk. */
async function lineTexts(uri: vscode.Uri): Promise<string[]> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText().split(/\r?\n/);
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r?\n/);
  } catch {
    return [];
  }
}

function toDiagnostic(p: PlannedDiagnostic, lines: string[]): vscode.Diagnostic {
  const line = Math.min(p.line - 1, Math.max(0, lines.length - 1));
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  // The directive itself, without leading indentation or a trailing comment.
  const end = Math.max(start + 1, (text.includes('//') ? text.slice(0, text.indexOf('//')) : text).trimEnd().length);
  const d = new vscode.Diagnostic(new vscode.Range(line, start, line, end), p.message, SEVERITY[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.code;
  return d;
}
