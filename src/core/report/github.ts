// The report as GitHub Actions workflow commands, so findings annotate the pull request:
// `::error file=go.mod,line=3,title=...::message`. Escaping follows the runner's rules: in the
// message `%`, CR and LF are percent-encoded; in properties `:` and `,` are too.
import * as path from 'node:path';
import type { Finding, Severity } from '../findings';
import { localizeFinding } from '../i18n/localize';
import type { Lang } from '../i18n/lang';
import { msg } from '../i18n/message';
import { render } from '../i18n/render';
import type { Report } from './model';

const COMMAND: Partial<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(raw: Finding, root: string, lang: Lang): string | undefined {
  const f = localizeFinding(raw, lang);
  const command = COMMAND[f.severity];
  if (!command) return undefined;
  const props: string[] = [];
  if (f.location) {
    const rel = path.relative(root, f.location.file);
    props.push(`file=${escapeProperty(rel.startsWith('..') ? f.location.file : rel.split(path.sep).join('/'))}`);
    props.push(`line=${f.location.line}`);
  }
  props.push(`title=${escapeProperty(`${f.title} (${f.id})`)}`);
  const fix = f.fixes?.[0];
  const message = fix
    ? `${f.detail}\n${render(msg('report.github.fix', { title: fix.title, command: fix.command }), lang)}`
    : f.detail;
  return `::${command} ${props.join(',')}::${escapeData(message)}`;
}

/** One workflow command per finding that is not ok; `root` is what file paths are made relative to. */
export function renderGithub(report: Report, root: string, o: { lang?: Lang } = {}): string {
  const lines = report.findings
    .map((f) => annotation(f, root, o.lang ?? 'en'))
    .filter((l): l is string => l !== undefined);
  return lines.length ? lines.join('\n') + '\n' : '';
}
