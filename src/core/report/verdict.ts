// The first thing a hurried reader sees: one verdict line and the single most useful next step,
// with a command ready to copy.
import { SEVERITY_ORDER, worstSeverity, type Finding, type Fix, type Severity } from '../findings';
import { localizeFinding } from '../i18n/localize';
import type { Lang } from '../i18n/lang';
import { msg } from '../i18n/message';
import { render } from '../i18n/render';
import { commandLine, type Shell } from '../shell/quote';
import { groupFindings } from './groups';
import type { Report } from './model';

export interface NextStep {
  /** What the step does (the fix's title), in the report's language. */
  title: string;
  /** The command line to copy. */
  command: string;
}

export interface Verdict {
  severity: Severity;
  /** One sentence: healthy, or how many problems and which comes first. */
  line: string;
  /** The lead finding's first fix, when it has one. */
  next?: NextStep;
}

/**
 * GOPROXY as `go env -w` writes it. A setProxy fix's own command goes through set-proxy (which
 * saves the old value); the next step shows the plain go command, the same value, verified.
 */
function stepCommand(fix: Fix, shell: Shell): string {
  if (fix.action?.kind !== 'setProxy') return fix.command;
  return commandLine(['go', 'env', '-w', `GOPROXY=${fix.action.value}`], shell) ?? fix.command;
}

/**
 * The finding to start with: of the worst severity, in report order, preferring one whose first
 * fix writes a working GOPROXY (once the proxy works, downloads and installs do too; needs a go),
 * then any with a fix.
 */
function lead(report: Report, worst: Severity): Finding | undefined {
  const ordered = groupFindings(report.findings).flatMap((g) => g.findings);
  const worstOnes = ordered.filter((f) => f.severity === worst);
  const proxy = report.go.path
    ? worstOnes.find((f) => f.fixes?.[0]?.action?.kind === 'setProxy' && /^(proxy|tls)\./.test(f.id))
    : undefined;
  return proxy ?? worstOnes.find((f) => (f.fixes?.length ?? 0) > 0) ?? worstOnes[0];
}

export function verdict(report: Report, lang: Lang = 'en', shell: Shell = 'posix'): Verdict {
  const worst = worstSeverity(report.findings);
  if (SEVERITY_ORDER[worst] < SEVERITY_ORDER.warning)
    return { severity: 'ok', line: render(msg('report.verdict.ok'), lang) };
  const f = localizeFinding(lead(report, worst)!, lang);
  const count = report.findings.filter((x) => x.severity === worst).length;
  const kind = worst === 'error' ? 'error' : 'warning';
  const line = render(msg(`report.verdict.${kind}.${count === 1 ? 'one' : 'many'}`, { count, title: f.title }), lang);
  const fix = f.fixes?.[0];
  return {
    severity: worst,
    line,
    ...(fix ? { next: { title: fix.title, command: stepCommand(fix, shell) } } : {}),
  };
}
