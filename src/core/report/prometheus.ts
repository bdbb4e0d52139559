// The report in the Prometheus text exposition format, for node_exporter's textfile collector on a
// build farm: one gauge per finding, each check's duration, the Go version, the run's duration and
// time. Subjects are redacted before they get here (the report never holds credentials).
import type { Report } from './model';
import type { Severity } from '../findings';

/** Label values: backslash, double quote and line feed are escaped. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(l: Record<string, string>): string {
  return `{${Object.entries(l)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;
}

function metric(out: string[], name: string, help: string, samples: [Record<string, string>, number][]): void {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
  for (const [l, v] of samples) out.push(`${name}${Object.keys(l).length ? labels(l) : ''} ${v}`);
}

const SEVERITIES: readonly Severity[] = ['ok', 'info', 'warning', 'error'];

export function renderPrometheus(report: Report, nowMs: number): string {
  const out: string[] = [];
  metric(
    out,
    'go_env_doctor_finding',
    'A finding of the last diagnosis (1 while present); alert on severity="error".',
    report.findings.map((f) => [{ id: f.id, severity: f.severity, subject: f.subject ?? '' }, 1]),
  );
  metric(
    out,
    'go_env_doctor_findings',
    'How many findings of each severity the last diagnosis reported.',
    SEVERITIES.map((s) => [{ severity: s }, report.findings.filter((f) => f.severity === s).length]),
  );
  metric(
    out,
    'go_env_doctor_check_duration_seconds',
    'How long the check behind each finding took (a probe: DNS, connect, TLS and the request).',
    report.findings
      .filter((f) => f.durationMs !== undefined)
      .map((f) => [{ id: f.id, subject: f.subject ?? '' }, f.durationMs! / 1000]),
  );
  metric(
    out,
    'go_env_doctor_probe_step_seconds',
    'Each probed endpoint: how long each step took (dns, connect, proxy_connect, tls, first_byte).',
    stepSamples(report),
  );
  metric(out, 'go_env_doctor_go_info', 'The go binary the diagnosis found (1), with its version and path.', [
    [{ version: report.go.version ?? '', path: report.go.path ?? '', goroot: report.go.goroot ?? '' }, 1],
  ]);
  metric(out, 'go_env_doctor_run_duration_seconds', 'How long the whole diagnosis took.', [
    [{}, report.durationMs / 1000],
  ]);
  metric(out, 'go_env_doctor_last_run_timestamp_seconds', 'When the diagnosis finished, in Unix seconds.', [
    [{}, Math.round(nowMs / 1000)],
  ]);
  return out.join('\n') + '\n';
}

const STEP_LABELS = [
  ['dnsMs', 'dns'],
  ['connectMs', 'connect'],
  ['proxyConnectMs', 'proxy_connect'],
  ['tlsMs', 'tls'],
  ['firstByteMs', 'first_byte'],
] as const;

/** One sample per endpoint and step; an endpoint probed for two findings counts once. */
function stepSamples(report: Report): [Record<string, string>, number][] {
  const seen = new Set<string>();
  const out: [Record<string, string>, number][] = [];
  for (const f of report.findings) {
    const subject = f.subject ?? '';
    if (!f.timings || seen.has(subject)) continue;
    seen.add(subject);
    for (const [key, step] of STEP_LABELS) {
      const ms = f.timings[key];
      if (ms !== undefined) out.push([{ subject, step }, ms / 1000]);
    }
  }
  return out;
}
