// `go-env-doctor [diagnose] [--format F | --json] [--only G,..] [--skip G,..] [--list-checks] [--modules] ...
//   [--all] [--dl-base URL] [--mirror URL]... [--deep [--allow-toolchain-download]]`
// and `go-env-doctor report` (the same diagnosis as the Markdown bug-report document).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, intFlag, UsageError, type ParsedArgs } from './args';
import type { CliIO, Subcommand } from './io';
import { diagnose, DEFAULT_TIMEOUT_MS } from '../core/diagnose';
import { loadPolicy, type PolicyLoad } from '../core/policy/load';
import { judgeByPolicy, policyMirrors } from '../core/policy/judge';
import type { Report } from '../core/report/model';
import { renderText } from '../core/report/text';
import { withInvocation } from './invocation';
import { fallbackCandidates } from '../core/proxyRewrite/builtinMirrors';
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
  deep: 'boolean',
  'allow-toolchain-download': 'boolean',
  modules: 'boolean',
} as const;

function formatOf(flags: ParsedArgs['flags'], fallback: Format): Format {
  const given = flags['format'] as string | undefined;
  if (flags['json'] && given !== undefined && given !== 'json')
    throw new UsageError(`--json and --format ${given} disagree (--json is --format json)`);
  if (flags['json']) return 'json';
  if (given === undefined) return fallback;
  if (!(FORMATS as readonly string[]).includes(given))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${given}"`);
  return given as Format;
}

/** `--only a,b --only c` → ['a', 'b', 'c']. */
const listFlag = (v: unknown): string[] =>
  ((v as string[] | undefined) ?? []).flatMap((s) => s.split(',').map((x) => x.trim())).filter(Boolean);

function render(report: Report, format: Format, io: CliIO, root: string, verbose: boolean): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(report);
    case 'prometheus':
      return renderPrometheus(report, io.platform.now());
    case 'github':
      // Annotations first, then the summary a person reads in the job log.
      return renderGithub(report, root) + renderText(report, { color: false, verbose });
    case 'text':
      return renderText(withInvocation(report, io.invocation ?? 'go-env-doctor'), {
        color: io.stdoutIsTTY && !io.platform.env['NO_COLOR'],
        verbose,
      });
  }
}

function listChecks(): string {
  const width = Math.max(...CHECK_GROUPS.map((g) => g.name.length));
  return (
    CHECK_GROUPS.map((g) => `${g.name.padEnd(width)}  ${g.description}${g.network ? ' (network)' : ''}`).join('\n') +
    '\n'
  );
}

/** Ranked when the configured proxies fail: the mirrors set-proxy --auto would rank, then the policy's. */
export function proxyCandidatesFor(env: NodeJS.ProcessEnv, policy: PolicyLoad): string[] {
  return fallbackCandidates(env, policyMirrors(policy, true) ?? []);
}

function diagnoseWith(defaultFormat: Format): Subcommand {
  return async (argv, io, signal) => {
    const { flags, positionals } = parseArgs(argv, FLAGS);
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (flags['allow-toolchain-download'] && !flags['deep'])
      throw new UsageError('--allow-toolchain-download only applies with --deep');
    if (flags['list-checks']) {
      io.stdout(listChecks());
      return 0;
    }
    const format = formatOf(flags, defaultFormat);
    let selected: Set<string>;
    try {
      selected = selectGroups(listFlag(flags['only']), listFlag(flags['skip']));
    } catch (err) {
      if (err instanceof CheckSelectionError) throw new UsageError(err.message);
      throw err;
    }
    const cwd = path.resolve(io.cwd, (flags['cwd'] as string | undefined) ?? '.');
    const st = await fs.stat(cwd).catch(() => undefined);
    if (!st?.isDirectory()) throw new UsageError(`--cwd ${cwd} is not a directory`);
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
      proxyCandidates: proxyCandidatesFor(io.platform.env, policy),
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
