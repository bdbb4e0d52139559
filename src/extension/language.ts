// The extension speaks VS Code's display language: findings and errors from the core are
// rendered from their Messages in that language before any surface shows them.
import * as vscode from 'vscode';
import type { Finding, Fix } from '../core/findings';
import { langOfVscode, type Lang } from '../core/i18n/lang';
import { localizeFinding } from '../core/i18n/localize';
import type { Report } from '../core/report/model';

export function displayLang(): Lang {
  return langOfVscode(vscode.env.language);
}

/** A finding as the user reads it (ids, fix actions and commands unchanged). */
export function shownFinding(f: Finding): Finding {
  return localizeFinding(f, displayLang());
}

/** The report with every finding rendered in the display language, for the Markdown report. */
export function shownReport(report: Report): Report {
  const lang = displayLang();
  return lang === 'en' ? report : { ...report, findings: report.findings.map((f) => localizeFinding(f, lang)) };
}

/** A fix's title in the display language (the report's own title addresses it). */
export function shownFixTitle(finding: Finding, fix: Fix): string {
  const i = finding.fixes?.indexOf(fix) ?? -1;
  return (i >= 0 ? shownFinding(finding).fixes?.[i]?.title : undefined) ?? fix.title;
}
