// The report as Markdown: the CLI's content with every explanation, ready to paste into a bug
// report, in the reader's language.
import type { Finding, Severity } from '../findings';
import { localizeFinding } from '../i18n/localize';
import type { Lang } from '../i18n/lang';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import type { Report } from './model';
import { groupFindings } from './groups';
import { verdict } from './verdict';
import { waterfallLines } from './waterfall';

const MARK: Record<Severity, string> = { ok: '✓', info: 'ℹ', warning: '⚠', error: '✗' };

export interface MarkdownOptions {
  lang?: Lang;
}

function escapeMd(text: string): string {
  return text.replace(/([\\<>*_[\]|])/g, '\\$1');
}

function findingMd(raw: Finding, t: (m: Message) => string, lang: Lang): string[] {
  const f = localizeFinding(raw, lang);
  const timing = f.durationMs !== undefined ? ` _(${f.durationMs} ms)_` : '';
  const lines = [`- ${MARK[f.severity]} **${escapeMd(f.title)}**${timing} \`${f.id}\``];
  if (f.severity !== 'ok') lines.push(`  ${escapeMd(f.detail)}`);
  if (f.location) lines.push(`  ${t(msg('report.md.at', { file: f.location.file, line: f.location.line }))}`);
  for (const fix of f.fixes ?? [])
    lines.push(`  - ${t(msg('report.md.fix', { title: escapeMd(fix.title), command: fix.command }))}`);
  return lines;
}

const SHOWN_ENV = [
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

export function renderMarkdown(report: Report, o: MarkdownOptions = {}): string {
  const lang = o.lang ?? 'en';
  const t = (m: Message) => render(m, lang);
  const out: string[] = [`# ${t(msg('report.md.title'))}`, ''];
  const v = verdict(report, lang);
  out.push(`**${MARK[v.severity]} ${escapeMd(v.line)}**`);
  if (v.next) out.push('', t(msg('report.md.next', { title: escapeMd(v.next.title), command: v.next.command })));
  out.push('', `- ${t(msg('report.md.tool', { name: report.tool.name, version: report.tool.version }))}`);
  const go = report.go;
  const goLine = msg('report.md.go', {
    version: go.version ?? msg('report.md.go.unknown'),
    path: go.path ? msg('report.md.go.path', { path: go.path }) : '',
    goroot: go.goroot ? msg('report.md.go.goroot', { goroot: go.goroot }) : '',
  });
  out.push(`- ${t(goLine)}`, `- ${t(msg('report.md.took', { ms: report.durationMs }))}`);
  for (const g of groupFindings(report.findings, lang)) {
    out.push('', `## ${g.title}`, '');
    for (const f of g.findings) out.push(...findingMd(f, t, lang));
  }
  const waterfall = waterfallLines(report.findings, lang);
  if (waterfall.length > 0)
    out.push(
      '',
      `## ${t(msg('report.timings.heading'))}`,
      '',
      '```text',
      ...waterfall.map((l) => l.replace(/`/g, "'")),
      '```',
    );
  const rows = SHOWN_ENV.filter((n) => report.env[n]).map(
    (n) => `| ${n} | \`${report.env[n]!.value || ' '}\` | ${report.env[n]!.source} |`,
  );
  if (rows.length) out.push('', '## go env', '', t(msg('report.md.env.columns')), '| --- | --- | --- |', ...rows);
  return out.join('\n') + '\n';
}
