// The report as Markdown: the CLI's content, ready to paste into a bug report.
import type { Finding, Severity } from '../findings';
import type { Report } from './model';
import { groupFindings } from './groups';
import { waterfallLines } from './waterfall';

const MARK: Record<Severity, string> = { ok: '✓', info: 'ℹ', warning: '⚠', error: '✗' };

function escapeMd(text: string): string {
  return text.replace(/([\\<>*_[\]|])/g, '\\$1');
}

function findingMd(f: Finding): string[] {
  const timing = f.durationMs !== undefined ? ` _(${f.durationMs} ms)_` : '';
  const lines = [`- ${MARK[f.severity]} **${escapeMd(f.title)}**${timing} \`${f.id}\``];
  if (f.severity !== 'ok') lines.push(`  ${escapeMd(f.detail)}`);
  if (f.location) lines.push(`  At \`${f.location.file}:${f.location.line}\``);
  for (const fix of f.fixes ?? []) lines.push(`  - Fix: ${escapeMd(fix.title)}: \`${fix.command}\``);
  return lines;
}

export function renderMarkdown(report: Report): string {
  const out: string[] = ['# Go Env Doctor report', ''];
  out.push(`- Tool: ${report.tool.name} ${report.tool.version}`);
  out.push(
    `- Go: ${report.go.version ?? 'unknown'}${report.go.path ? ` at \`${report.go.path}\`` : ''}${report.go.goroot ? ` (GOROOT \`${report.go.goroot}\`)` : ''}`,
  );
  out.push(`- Took ${report.durationMs} ms`);
  for (const g of groupFindings(report.findings)) {
    out.push('', `## ${g.title}`, '');
    for (const f of g.findings) out.push(...findingMd(f));
  }
  const waterfall = waterfallLines(report.findings);
  if (waterfall.length > 0)
    out.push('', '## Network timings', '', '```text', ...waterfall.map((l) => l.replace(/`/g, "'")), '```');
  const shown = [
    'GOPROXY',
    'GOSUMDB',
    'GONOSUMDB',
    'GOPRIVATE',
    'GONOPROXY',
    'GOINSECURE',
    'GOFLAGS',
    'GOTOOLCHAIN',
    'GOENV',
    'GOROOT',
    'GOPATH',
    'GOMODCACHE',
    'GOVERSION',
  ];
  const rows = shown
    .filter((n) => report.env[n])
    .map((n) => `| ${n} | \`${report.env[n]!.value || ' '}\` | ${report.env[n]!.source} |`);
  if (rows.length) out.push('', '## go env', '', '| Variable | Value | From |', '| --- | --- | --- |', ...rows);
  return out.join('\n') + '\n';
}
