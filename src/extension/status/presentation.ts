// What the status bar item shows for each state. Pure: unit-tested without VS Code.
import { SEVERITY_ORDER, worstSeverity, type Finding, type Severity } from '../../core/findings';
import type { Report } from '../../core/report/model';
import { Commands } from '../commands';
import { fixLabelMarkdown, fixRef } from '../fixes/presentation';
import { ENGLISH, type L10n } from '../l10n';

/** How the words are chosen: VS Code's l10n, and each finding as the user reads it. */
export interface StatusWords {
  l10n: L10n;
  show: (f: Finding) => Finding;
}

const AS_IS: StatusWords = { l10n: ENGLISH, show: (f) => f };

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
export function goLabel(report: Report, l10n: L10n = ENGLISH): string {
  if (!report.go.path) return l10n.t('No Go');
  if (!report.go.version) return 'Go ?';
  return `Go ${report.go.version.replace(/^go/, '')}`;
}

export function problems(report: Report): Finding[] {
  return report.findings
    .filter((f) => f.severity !== 'ok')
    .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
}

function footer(l10n: L10n): string {
  return [
    `[$(refresh) ${l10n.t('Diagnose again')}](${commandLink(Commands.diagnose)})`,
    `[$(markdown) ${l10n.t('Show report')}](${commandLink(Commands.showReport)})`,
    `[$(output) ${l10n.t('Show log')}](${commandLink(Commands.showLog)})`,
  ].join(' · ');
}

/** The finding's line; fix links carry the report's own fix titles, whatever language is shown. */
function findingLine(
  report: Report,
  f: Finding,
  isHandled: (kind: string | undefined) => boolean,
  words: StatusWords,
): string {
  const index = report.findings.indexOf(f);
  const shown = words.show(f);
  const fixes = (f.fixes ?? []).map(
    (fix, i) =>
      `[${fixLabelMarkdown(shown.fixes?.[i] ?? fix, isHandled(fix.action?.kind), escapeMarkdown, words.l10n)}](${commandLink(Commands.applyFix, fixRef(index, i, f))})`,
  );
  return `- ${SEVERITY_ICON[f.severity]} **${escapeMarkdown(shown.title)}**${fixes.length ? ` — ${fixes.join(' · ')}` : ''}`;
}

export function presentStatus(
  state: StatusState,
  isHandled: (kind: string | undefined) => boolean = () => false,
  words: StatusWords = AS_IS,
): StatusView {
  const { l10n } = words;
  switch (state.kind) {
    case 'idle':
      return {
        text: '$(pulse) Go Env',
        tooltip: `**Go Env Doctor**\n\n${l10n.t('Not diagnosed yet.')}\n\n${footer(l10n)}`,
        accessibilityLabel: l10n.t('Go Env: not diagnosed yet'),
      };
    case 'busy': {
      const label = state.previous ? goLabel(state.previous, l10n) : 'Go Env';
      return {
        text: `$(sync~spin) ${label}`,
        tooltip: `**Go Env Doctor**\n\n${l10n.t('Diagnosing the Go environment…')}`,
        accessibilityLabel: l10n.t('Go Env: diagnosing'),
      };
    }
    case 'failed':
      return {
        text: '$(error) Go Env',
        tooltip: `**Go Env Doctor**\n\n${l10n.t('The diagnosis itself failed: {0}', escapeMarkdown(state.message))}\n\n${footer(l10n)}`,
        accessibilityLabel: l10n.t('Go Env: the diagnosis failed'),
        background: 'error',
      };
    case 'done': {
      const { report } = state;
      const worst = worstSeverity(report.findings);
      const list = problems(report);
      const shown = list.slice(0, MAX_TOOLTIP_FINDINGS).map((f) => findingLine(report, f, isHandled, words));
      if (list.length > shown.length)
        shown.push(
          `- ${l10n.t('…and {0} more:', list.length - shown.length)} [${l10n.t('show the report')}](${commandLink(Commands.showReport)})`,
        );
      const where = report.go.path
        ? l10n.t(
            '{0} at {1}',
            report.go.version ? escapeMarkdown(report.go.version) : l10n.t('unknown version'),
            `\`${report.go.path.replace(/`/g, '')}\``,
          )
        : l10n.t('no go binary found');
      const body = shown.length ? shown.join('\n') : `$(check) ${l10n.t('No problems found.')}`;
      const count = list.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
      const problemCount =
        count === 0
          ? l10n.t('no problems')
          : count === 1
            ? l10n.t('1 problem, worst {0}', severityWord(worst, l10n))
            : l10n.t('{0} problems, worst {1}', count, severityWord(worst, l10n));
      return {
        text: `${SEVERITY_ICON[worst]} ${goLabel(report, l10n)}`,
        tooltip: `**Go Env Doctor**: ${where}\n\n${body}\n\n${footer(l10n)}`,
        accessibilityLabel: l10n.t('Go Env: {0}, {1}', goLabel(report, l10n), problemCount),
        ...(worst === 'error'
          ? { background: 'error' as const }
          : worst === 'warning'
            ? { background: 'warning' as const }
            : {}),
      };
    }
  }
}

function severityWord(severity: Severity, l10n: L10n): string {
  switch (severity) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    case 'info':
      return l10n.t('info');
    case 'ok':
      return l10n.t('ok');
  }
}
