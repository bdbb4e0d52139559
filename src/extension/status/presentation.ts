// What the status bar item shows for each state. Pure: unit-tested without VS Code.
import { SEVERITY_ORDER, worstSeverity, type Finding, type Severity } from '../../core/findings';
import type { Report } from '../../core/report/model';
import { Commands } from '../commands';
import { fixLabelMarkdown, fixRef } from '../fixes/presentation';

export type StatusState =
  | { kind: 'idle' }
  | { kind: 'busy'; previous?: Report }
  | { kind: 'done'; report: Report }
  | { kind: 'failed'; message: string };

export interface StatusView {
  /** Status bar text with $(icon) syntax. */
  text: string;
  /** Markdown; command links only to our own commands. */
  tooltip: string;
  accessibilityLabel: string;
  /** Which themed background to use (statusBarItem.warningBackground / errorBackground). */
  background?: 'warning' | 'error';
}

export const SEVERITY_ICON: Record<Severity, string> = {
  ok: '$(check)',
  info: '$(info)',
  warning: '$(warning)',
  error: '$(error)',
};
const MAX_TOOLTIP_FINDINGS = 8;

export function commandLink(command: string, args?: unknown): string {
  if (args === undefined) return `command:${command}`;
  // Parentheses too: they would end the Markdown link destination.
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')}`;
}

/** Escapes text for Markdown (titles may contain `*`, `_`, brackets, ...). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

/** `go1.22.5` → `Go 1.22.5`. */
export function goLabel(report: Report): string {
  if (!report.go.path) return 'No Go';
  if (!report.go.version) return 'Go ?';
  return `Go ${report.go.version.replace(/^go/, '')}`;
}

export function problems(report: Report): Finding[] {
  return report.findings
    .filter((f) => f.severity !== 'ok')
    .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
}

const FOOTER = [
  `[$(refresh) Diagnose again](${commandLink(Commands.diagnose)})`,
  `[$(markdown) Show report](${commandLink(Commands.showReport)})`,
  `[$(output) Show log](${commandLink(Commands.showLog)})`,
].join(' · ');

function findingLine(report: Report, f: Finding, isHandled: (kind: string | undefined) => boolean): string {
  const index = report.findings.indexOf(f);
  const fixes = (f.fixes ?? []).map(
    (fix, i) =>
      `[${fixLabelMarkdown(fix, isHandled(fix.action?.kind), escapeMarkdown)}](${commandLink(Commands.applyFix, fixRef(index, i, f))})`,
  );
  return `- ${SEVERITY_ICON[f.severity]} **${escapeMarkdown(f.title)}**${fixes.length ? ` — ${fixes.join(' · ')}` : ''}`;
}

export function presentStatus(
  state: StatusState,
  isHandled: (kind: string | undefined) => boolean = () => false,
): StatusView {
  switch (state.kind) {
    case 'idle':
      return {
        text: '$(pulse) Go Env',
        tooltip: `**Go Env Doctor**\n\nNot diagnosed yet.\n\n${FOOTER}`,
        accessibilityLabel: 'Go Env: not diagnosed yet',
      };
    case 'busy': {
      const label = state.previous ? goLabel(state.previous) : 'Go Env';
      return {
        text: `$(sync~spin) ${label}`,
        tooltip: '**Go Env Doctor**\n\nDiagnosing the Go environment…',
        accessibilityLabel: 'Go Env: diagnosing',
      };
    }
    case 'failed':
      return {
        text: '$(error) Go Env',
        tooltip: `**Go Env Doctor**\n\nThe diagnosis itself failed: ${escapeMarkdown(state.message)}\n\n${FOOTER}`,
        accessibilityLabel: 'Go Env: the diagnosis failed',
        background: 'error',
      };
    case 'done': {
      const { report } = state;
      const worst = worstSeverity(report.findings);
      const list = problems(report);
      const shown = list.slice(0, MAX_TOOLTIP_FINDINGS).map((f) => findingLine(report, f, isHandled));
      if (list.length > shown.length)
        shown.push(`- …and ${list.length - shown.length} more: [show the report](${commandLink(Commands.showReport)})`);
      const where = report.go.path
        ? `${escapeMarkdown(report.go.version ?? 'unknown version')} at \`${report.go.path.replace(/`/g, '')}\``
        : 'no go binary found';
      const body = shown.length ? shown.join('\n') : '$(check) No problems found.';
      const count = list.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
      return {
        text: `${SEVERITY_ICON[worst]} ${goLabel(report)}`,
        tooltip: `**Go Env Doctor**: ${where}\n\n${body}\n\n${FOOTER}`,
        accessibilityLabel: `Go Env: ${goLabel(report)}, ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}, worst ${worst}`}`,
        ...(worst === 'error'
          ? { background: 'error' as const }
          : worst === 'warning'
            ? { background: 'warning' as const }
            : {}),
      };
    }
  }
}
