// `go-env-doctor [diagnose] [--format F | --json] [--only G,..] [--skip G,..] [--list-checks] [--modules] ...
//   [--all] [--dl-base URL] [--mirror URL]... [--deep [--allow-toolchain-download]]`
// and `go-env-doctor report` (the same diagnosis as the Markdown bug-report document).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, intFlag, unexpectedArgument, UsageError, type ParsedArgs } from './args';
import type { CliIO, Subcommand } from './io';
import { diagnose, DEFAULT_TIMEOUT_MS } from '../core/diagnose';
import { loadPolicy, type PolicyLoad } from '../core/policy/load';
import { judgeByPolicy, policyMirrors } from '../core/policy/judge';
import type { Report } from '../core/report/model';
import { renderText } from '../core/report/text';
import { withInvocation } from './invocation';
import { fallbackCandidates } from '../core/proxyRewrite/builtinMirrors';
import { outputWidth, useColor } from './terminal';
import { localizeFinding } from '../core/i18n/localize';
import { msg } from '../core/i18n/message';
import { render as renderMessage } from '../core/i18n/render';
import { shellFor } from '../core/shell/osVariable';
import { renderMarkdown } from '../core/report/markdown';
import { renderGithub } from '../core/report/github';
import { renderPrometheus } from '../core/report/prometheus';
import {
  CHECK_GROUPS,
  CheckSelectionError,
  filterFindings,
  needsNetwork,
  selectGroups,
} from '../core/report/checkGroups';

export const FORMATS = ['text', 'json', 'markdown', 'github', 'prometheus'] as const;
export type Format = (typeof FORMATS)[number];

const FLAGS = {
  json: 'boolean',
  format: 'string',
  only: 'list',
  skip: 'list',
  'list-checks': 'boolean',
  cwd: 'string',
  go: 'string',
  timeout: 'string',
  verbose: 'boolean',
  all: 'boolean',
  'dl-base': 'string',
  mirror: 'list',
  candidate: 'list',
  deep: 'boolean',
  'allow-toolchain-download': 'boolean',
  modules: 'boolean',
} as const;

function formatOf(flags: ParsedArgs['flags'], fallback: Format): Format {
  const given = flags['format'] as string | undefined;
  if (flags['json'] && given !== undefined && given !== 'json')
    throw new UsageError(msg('cli.diagnose.jsonAndFormat', { format: given }));
  if (flags['json']) return 'json';
  if (given === undefined) return fallback;
  if (!(FORMATS as readonly string[]).includes(given))
    throw new UsageError(msg('cli.diagnose.badFormat', { formats: FORMATS.join(', '), format: given }));
  return given as Format;
}

/** `--only a,b --only c` → ['a', 'b', 'c']. */
const listFlag = (v: unknown): string[] =>
  ((v as string[] | undefined) ?? []).flatMap((s) => s.split(',').map((x) => x.trim())).filter(Boolean);

function render(report: Report, format: Format, io: CliIO, root: string, verbose: boolean): string {
  const lang = io.lang ?? 'en';
  switch (format) {
    case 'json': {
      // Text in English unless --lang named a language: a script's output does not follow the locale.
      const jsonLang = io.jsonLang ?? 'en';
      const doc =
        jsonLang === 'en' ? report : { ...report, findings: report.findings.map((f) => localizeFinding(f, jsonLang)) };
      return JSON.stringify(doc, null, 2) + '\n';
    }
    case 'markdown':
      return renderMarkdown(report, { lang });
    case 'prometheus':
      return renderPrometheus(report, io.platform.now());
    case 'github':
      // Annotations first, then the summary a person reads in the job log.
      return renderGithub(report, root, { lang }) + renderText(report, { color: false, verbose, lang });
    case 'text': {
      const invocation = io.invocation ?? 'go-env-doctor';
      return renderText(withInvocation(report, invocation), {
        color: useColor(io.stdoutIsTTY, io.platform.env),
        verbose,
        lang,
        width: outputWidth(io.stdoutIsTTY, io.stdoutColumns),
        shell: shellFor(io.platform.os),
        invocation,
      });
    }
  }
}

function listChecks(io: CliIO): string {
  const t = (m: Parameters<typeof renderMessage>[0]) => renderMessage(m, io.lang ?? 'en');
  const width = Math.max(...CHECK_GROUPS.map((g) => g.name.length));
  const line = (g: (typeof CHECK_GROUPS)[number]) =>
    `${g.name.padEnd(width)}  ${t(g.description)}${g.network ? t(msg('report.checks.network')) : ''}`;
  return CHECK_GROUPS.map(line).join('\n') + '\n';
}

/** Ranked when the configured proxies fail: the mirrors set-proxy --auto would rank, then the policy's. */
export function proxyCandidatesFor(env: NodeJS.ProcessEnv, policy: PolicyLoad): string[] {
  return fallbackCandidates(env, policyMirrors(policy, true) ?? []);
}

function diagnoseWith(defaultFormat: Format): Subcommand {
  return async (argv, io, signal) => {
    const { flags, positionals } = parseArgs(argv, FLAGS);
    unexpectedArgument(positionals);
    if (flags['allow-toolchain-download'] && !flags['deep'])
      throw new UsageError(msg('cli.diagnose.downloadNeedsDeep'));
    if (flags['list-checks']) {
      io.stdout(listChecks(io));
      return 0;
    }
    const format = formatOf(flags, defaultFormat);
    let selected: Set<string>;
    try {
      selected = selectGroups(listFlag(flags['only']), listFlag(flags['skip']));
    } catch (err) {
      if (err instanceof CheckSelectionError) throw new UsageError(err.text);
      throw err;
    }
    const cwd = path.resolve(io.cwd, (flags['cwd'] as string | undefined) ?? '.');
    const st = await fs.stat(cwd).catch(() => undefined);
    if (!st?.isDirectory()) throw new UsageError(msg('cli.diagnose.notDirectory', { dir: cwd }));
    // The repository's .go-env-doctor.json: run from a checkout, the user trusts it as they trust its go.mod.
    const policy = await loadPolicy(cwd);
    const diagnosed = await diagnose({
      cwd,
      goPath: flags['go'] as string | undefined,
      timeoutMs: intFlag(flags['timeout'], 'timeout', DEFAULT_TIMEOUT_MS),
      platform: io.platform,
      signal,
      network: needsNetwork(selected),
      modules: Boolean(flags['modules']),
      extraMirrors: policyMirrors(policy, true),
      proxyCandidates: [
        ...((flags['candidate'] as string[] | undefined) ?? []),
        ...proxyCandidatesFor(io.platform.env, policy),
      ],
      ...(flags['deep'] ? { deep: { allowToolchainDownload: Boolean(flags['allow-toolchain-download']) } } : {}),
      dlRoute: {
        all: Boolean(flags['all']),
        dlBases: flags['dl-base'] === undefined ? undefined : [String(flags['dl-base'])],
        mirrors: flags['mirror'] as string[] | undefined,
      },
    });
    const full = judgeByPolicy(diagnosed, policy, true);
    const report: Report = { ...full, findings: filterFindings(full.findings, selected) };
    io.stdout(render(report, format, io, cwd, Boolean(flags['verbose'])));
    return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
  };
}

export const diagnoseCommand: Subcommand = diagnoseWith('text');
/** `go-env-doctor report`: the Markdown document the editor's "Go Env: Show Report" opens. */
export const reportCommand: Subcommand = diagnoseWith('markdown');
