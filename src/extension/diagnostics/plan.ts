// Where each finding shows in the Problems panel. Pure: unit-tested without VS Code.
// - findings with a location (gomod.*) go on their line;
// - environment problems (no location) go on the `module` line of every go.mod in the
//   workspace, so each module shows them and carries the lightbulb.
import * as path from 'node:path';
import type { Finding, Severity } from '../../core/findings';

/** Finding id prefixes that describe the environment rather than one file. */
export const ENVIRONMENT_PREFIXES: readonly string[] = ['go', 'env', 'netproxy', 'proxy', 'sumdb', 'tls', 'clock'];

export interface GoModTarget {
  /** Absolute path. */
  file: string;
  /** 1-based line of the `module` directive (1 when there is none). */
  moduleLine: number;
}

export interface PlannedDiagnostic {
  /** Absolute path of the go.mod. */
  file: string;
  /** 1-based. */
  line: number;
  severity: Exclude<Severity, 'ok'>;
  /** The finding id: the diagnostic's `code`. */
  code: string;
  message: string;
  /** Index of the finding in the report, to find its fixes. */
  findingIndex: number;
}

export function diagnosticMessage(f: Finding): string {
  return f.detail && f.detail !== f.title ? `${f.title}\n${f.detail}` : f.title;
}

function isEnvironmentProblem(f: Finding): boolean {
  return (f.severity === 'warning' || f.severity === 'error') && ENVIRONMENT_PREFIXES.includes(f.id.split('.')[0]!);
}

/** Planned diagnostics grouped by file (absolute path); every target file gets an entry, maybe empty. */
export function planDiagnostics(
  findings: readonly Finding[],
  targets: readonly GoModTarget[],
): Map<string, PlannedDiagnostic[]> {
  const byFile = new Map<string, PlannedDiagnostic[]>();
  for (const t of targets) byFile.set(path.resolve(t.file), []);
  const add = (file: string, d: PlannedDiagnostic) => {
    const key = path.resolve(file);
    const list = byFile.get(key) ?? [];
    list.push(d);
    byFile.set(key, list);
  };
  findings.forEach((f, findingIndex) => {
    if (f.severity === 'ok') return;
    const base = { severity: f.severity, code: f.id, message: diagnosticMessage(f), findingIndex };
    if (f.location) {
      add(f.location.file, { ...base, file: path.resolve(f.location.file), line: Math.max(1, f.location.line) });
    } else if (isEnvironmentProblem(f)) {
      for (const t of targets) add(t.file, { ...base, file: path.resolve(t.file), line: Math.max(1, t.moduleLine) });
    }
  });
  return byFile;
}
