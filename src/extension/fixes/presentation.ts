// How fixes are addressed, labelled and turned into a terminal command. Pure: unit-tested
// without VS Code.
import type { Finding, Fix } from '../../core/findings';
import type { Report } from '../../core/report/model';
import { ENGLISH, type L10n } from '../l10n';

/**
 * A fix of the current report, by position, with the finding id and fix title to detect a
 * report that changed in between. Command links and code actions carry this, never a command
 * line, so no link can make us run arbitrary text.
 */
export interface FixRef {
  findingIndex: number;
  fixIndex: number;
  findingId: string;
  fixTitle: string;
}

export function fixRef(findingIndex: number, fixIndex: number, finding: Finding): FixRef {
  return { findingIndex, fixIndex, findingId: finding.id, fixTitle: finding.fixes?.[fixIndex]?.title ?? '' };
}

export function isFixRef(v: unknown): v is FixRef {
  const r = v as FixRef;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isInteger(r.findingIndex) &&
    Number.isInteger(r.fixIndex) &&
    typeof r.findingId === 'string' &&
    typeof r.fixTitle === 'string'
  );
}

/** The fix a ref names in `report`, or undefined when the report no longer has it. */
export function resolveFixRef(report: Report, ref: FixRef): { finding: Finding; fix: Fix } | undefined {
  const matches = (f: Finding | undefined, fix: Fix | undefined) =>
    f?.id === ref.findingId && fix?.title === ref.fixTitle;
  const direct = report.findings[ref.findingIndex];
  const directFix = direct?.fixes?.[ref.fixIndex];
  if (direct && directFix && matches(direct, directFix)) return { finding: direct, fix: directFix };
  for (const f of report.findings) {
    const fix = f.fixes?.find((x) => x.title === ref.fixTitle);
    if (fix && f.id === ref.findingId) return { finding: f, fix };
  }
  return undefined;
}

/** `go-env-doctor install 1.30.0`: our own CLI, which the extension ships in dist/cli.js. */
export const CLI_NAME = 'go-env-doctor';

/**
 * The label of a fix. One the editor performs itself reads as its title; one it can only run
 * in a terminal says so, with the exact command, so the user knows what will happen.
 */
export function fixLabel(fix: Fix, handled: boolean, l10n: L10n = ENGLISH): string {
  if (!handled) return l10n.t('{0}: run {1} in a terminal', fix.title, `\`${fix.command}\``);
  // Changes to the user's go env file are shown with the exact command they amount to.
  const kind = fix.action?.kind;
  return kind === 'setGoEnv' || kind === 'unsetGoEnv'
    ? l10n.t('{0} ({1})', fix.title, `\`${fix.command}\``)
    : fix.title;
}

/** fixLabel as Markdown: the title escaped, the command line as code. */
export function fixLabelMarkdown(
  fix: Fix,
  handled: boolean,
  escape: (text: string) => string,
  l10n: L10n = ENGLISH,
): string {
  const code = '`' + fix.command.replace(/`/g, "'") + '`';
  if (!handled) return l10n.t('{0}: run {1} in a terminal', escape(fix.title), code);
  const kind = fix.action?.kind;
  return kind === 'setGoEnv' || kind === 'unsetGoEnv'
    ? l10n.t('{0} ({1})', escape(fix.title), code)
    : escape(fix.title);
}

/** Splits a POSIX-style command line into words (quotes and backslashes; `#` starts a comment). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** The arguments for our bundled CLI when `command` runs it, else undefined. */
export function cliArgs(command: string): string[] | undefined {
  const words = splitCommandLine(command);
  return words[0] === CLI_NAME ? words.slice(1) : undefined;
}
