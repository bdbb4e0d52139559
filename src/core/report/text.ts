// The CLI's human output: grouped [✓] [!] [✗] lines, each with its cause, fix and timing.
import type { Finding, Severity } from '../findings';
import type { Report } from './model';
import { groupFindings } from './groups';
import { waterfallLines } from './waterfall';

const MARK: Record<Severity, string> = { ok: '[✓]', info: '[i]', warning: '[!]', error: '[✗]' };
const COLOR: Record<Severity, string> = { ok: '\x1b[32m', info: '\x1b[36m', warning: '\x1b[33m', error: '\x1b[31m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export interface TextOptions {
  color: boolean;
  /** Show the details of ok findings too. */
  verbose?: boolean;
}

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width - indent.length) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => indent + l).join('\n');
}

function findingLines(f: Finding, o: TextOptions): string[] {
  const c = (s: string, code: string) => (o.color ? `${code}${s}${RESET}` : s);
  const timing = f.durationMs !== undefined ? c(` (${f.durationMs} ms)`, DIM) : '';
  const lines = [`  ${c(MARK[f.severity], COLOR[f.severity])} ${f.title}${timing} ${c(f.id, DIM)}`];
  if (f.severity !== 'ok' || o.verbose) lines.push(wrap(f.detail, '      '));
  if (f.location) lines.push(`      at ${f.location.file}:${f.location.line}`);
  for (const fix of f.fixes ?? []) lines.push(`      fix: ${fix.command}${c(`  # ${fix.title}`, DIM)}`);
  return lines;
}

export function renderText(report: Report, o: TextOptions): string {
  const out: string[] = [];
  const go = report.go.version
    ? `${report.go.version} at ${report.go.path}`
    : report.go.path
      ? `${report.go.path} (version unknown)`
      : 'no go binary';
  out.push(`Go Env Doctor ${report.tool.version}: ${go}`);
  for (const g of groupFindings(report.findings)) {
    out.push('', `${g.title}`);
    for (const f of g.findings) out.push(...findingLines(f, o));
  }
  const waterfall = o.verbose ? waterfallLines(report.findings) : [];
  if (waterfall.length > 0) out.push('', 'Network timings', ...waterfall.map((l) => `  ${l}`));
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const summary =
    errors || warnings
      ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
      : 'No problems found';
  out.push('', `${summary} (${report.findings.length} checks in ${report.durationMs} ms).`);
  return out.join('\n') + '\n';
}
