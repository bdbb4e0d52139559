// "Go Env: Show Report": the report as a read-only Markdown document (the CLI's content), ready
// to copy into a bug report. It updates in place when a new diagnosis finishes.
import * as vscode from 'vscode';
import type { Report } from '../../core/report/model';
import { shownReport } from '../language';

export const REPORT_SCHEME = 'go-env-report';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Go Env Report.md' });

export class ReportDocument implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private markdown = `# ${vscode.l10n.t('Go Env Doctor report')}\n\n${vscode.l10n.t('No diagnosis has run yet: run "{0}".', `Go Env: ${vscode.l10n.t('Diagnose')}`)}\n`;

  async update(report: Report): Promise<void> {
    const { renderMarkdown } = await import('../../core/report/markdown');
    // The findings in the display language; renderMarkdown's own headings are English unless given a language.
    this.markdown = renderMarkdown(shownReport(report));
    this.changed.fire(REPORT_URI);
  }

  provideTextDocumentContent(): string {
    return this.markdown;
  }

  async show(): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(REPORT_URI);
    // An already open document picks up onDidChange asynchronously: show the new text, not the old.
    if (doc.getText() !== this.markdown) await this.refreshed(doc);
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  private refreshed(doc: vscode.TextDocument): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc && doc.getText() === this.markdown) done();
      });
      const timer = setTimeout(done, 2000);
      this.changed.fire(REPORT_URI);
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
