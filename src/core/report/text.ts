// The CLI's human output: a verdict line and the next step first, then the grouped [✓] [!] [✗]
// lines with one-sentence causes and fixes; the full explanations with `verbose`. Wrapped to the
// terminal's width, in the reader's language.
import type { Finding, Severity } from '../findings';
import { localizeFinding } from '../i18n/localize';
import type { Lang } from '../i18n/lang';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import type { Shell } from '../shell/quote';
import { displayWidth } from './displayWidth';
import { groupFindings } from './groups';
import type { Report } from './model';
import { firstSentence } from './sentence';
import { verdict } from './verdict';
import { waterfallLines } from './waterfall';
import { wrapText } from './wrap';

const MARK: Record<Severity, string> = { ok: '[✓]', info: '[i]', warning: '[!]', error: '[✗]' };
const COLOR: Record<Severity, string> = { ok: '\x1b[32m', info: '\x1b[36m', warning: '\x1b[33m', error: '\x1b[31m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const DETAIL = '      ';

export interface TextOptions {
  color: boolean;
  /** The full explanations, and the details of the checks that passed. */
  verbose?: boolean;
  lang?: Lang;
  /** Columns to wrap at (the terminal's; 80 when not a terminal). */
  width?: number;
  /** The shell the next step's command is written for. */
  shell?: Shell;
  /** How this CLI is started (`go-env-doctor`), for the hint that names the report command. */
  invocation?: string;
}

interface Ctx {
  o: TextOptions;
  lang: Lang;
  width: number;
  c: (s: string, code: string) => string;
  t: (m: Message) => string;
  /** Some detail was cut to its first sentence. */
  shortened: boolean;
}

function findingLines(raw: Finding, x: Ctx): string[] {
  const f = localizeFinding(raw, x.lang);
  const timing = f.durationMs !== undefined ? ` (${f.durationMs} ms)` : '';
  const lines = wrapText(`${f.title}${timing} ${f.id}`, x.width, DETAIL, `  ${MARK[f.severity]} `);
  // The id is one word, so it ends the last line.
  lines[0] = lines[0]!.replace(MARK[f.severity], x.c(MARK[f.severity], COLOR[f.severity]));
  const last = lines[lines.length - 1]!;
  if (last.endsWith(f.id)) lines[lines.length - 1] = last.slice(0, -f.id.length) + x.c(f.id, DIM);
  if (x.o.verbose) lines.push(...wrapText(f.detail, x.width, DETAIL));
  else if (f.severity !== 'ok') {
    const cause = firstSentence(f.detail);
    if (cause.length < f.detail.trim().length) x.shortened = true;
    lines.push(...wrapText(cause, x.width, DETAIL));
  }
  if (f.location) lines.push(DETAIL + x.t(msg('report.at', { file: f.location.file, line: f.location.line })));
  for (const fix of f.fixes ?? []) lines.push(...fixLines(fix.command, fix.title, x));
  return lines;
}

/** `fix: command  # title` on one line when it fits; else the command whole on its own line. */
function fixLines(command: string, title: string, x: Ctx): string[] {
  const head = DETAIL + x.t(msg('report.fix', { command }));
  const one = `${head}  # ${title}`;
  if (displayWidth(one) <= x.width) return [`${head}${x.c(`  # ${title}`, DIM)}`];
  return [head, ...wrapText(title, x.width, `${DETAIL}  `, `${DETAIL}  # `).map((l) => x.c(l, DIM))];
}

function verdictLines(report: Report, x: Ctx): string[] {
  const v = verdict(report, x.lang, x.o.shell);
  const mark = x.c(MARK[v.severity], COLOR[v.severity]);
  const lines = wrapText(v.line, x.width, '    ', `${MARK[v.severity]} `);
  lines[0] = x.c(lines[0]!.replace(MARK[v.severity], mark), BOLD);
  if (v.next)
    lines.push(
      ...wrapText(x.t(msg('report.next', { title: v.next.title })), x.width, '    '),
      `      ${v.next.command}`,
    );
  return lines;
}

function summaryLine(report: Report, x: Ctx): string {
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const [errors, warnings] = [count('error'), count('warning')];
  const n = (n: number, kind: 'errors' | 'warnings') => msg(`report.count.${kind}.${n === 1 ? 'one' : 'many'}`, { n });
  const summary =
    errors || warnings
      ? msg('report.summary.counts', { errors: n(errors, 'errors'), warnings: n(warnings, 'warnings') })
      : msg('report.summary.none');
  return x.t(msg('report.summary', { summary, checks: report.findings.length, ms: report.durationMs }));
}

export function renderText(report: Report, o: TextOptions): string {
  const lang = o.lang ?? 'en';
  const x: Ctx = {
    o,
    lang,
    width: Math.max(40, o.width ?? 80),
    c: (s, code) => (o.color ? `${code}${s}${RESET}` : s),
    t: (m) => render(m, lang),
    shortened: false,
  };
  const out = verdictLines(report, x);
  const go = report.go.version
    ? msg('report.go.at', { version: report.go.version, path: report.go.path ?? '' })
    : report.go.path
      ? msg('report.go.versionUnknown', { path: report.go.path })
      : msg('report.go.none');
  out.push('', ...wrapText(x.t(msg('report.header', { version: report.tool.version, go })), x.width, '  ', ''));
  for (const g of groupFindings(report.findings, lang)) {
    out.push('', g.title);
    for (const f of g.findings) out.push(...findingLines(f, x));
  }
  const waterfall = o.verbose ? waterfallLines(report.findings, lang) : [];
  if (waterfall.length > 0) out.push('', x.t(msg('report.timings.heading')), ...waterfall.map((l) => `  ${l}`));
  out.push('', ...wrapText(summaryLine(report, x), x.width));
  if (x.shortened) {
    const command = `${o.invocation ?? 'go-env-doctor'} report`;
    out.push(...wrapText(x.t(msg('report.more', { command })), x.width));
  }
  return out.join('\n') + '\n';
}
