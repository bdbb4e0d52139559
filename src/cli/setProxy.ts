// `go-env-doctor set-proxy (--auto [--candidate URL]... | --value LIST | --offline [--cwd DIR]) [--dry-run] [--json] [--go PATH] [--timeout MS]`
// `go-env-doctor restore-proxy [--json] [--go PATH] [--timeout MS]`
//
// Exit status: 0 when the new value was written and is what go now uses (or, with --dry-run, a
// plan was made); 1 when nothing could be written (no healthy mirror, no go, nothing to restore)
// or when it was written but a GOPROXY in the OS environment still overrides it; 2 on usage errors.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { intFlag, parseArgs, UsageError } from './args';
import type { CliIO, Subcommand } from './io';
import { DoctorError } from '../core/errors';
import { parseGoproxy } from '../core/go/goproxy';
import { redact } from '../core/redact';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../core/proxyRewrite/defaults';
import { applyProxyChange, restoreProxy, type RestoreResult, type WriteOutcome } from '../core/proxyRewrite/apply';
import { planProxyChange, validateGoproxyValue, type ProxyMode, type ProxyPlan } from '../core/proxyRewrite/plan';
import { errorText } from './errorText';
import { msg } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import { errorJson, restoreJson, setProxyJson } from './setProxyJson';
import { renderPlan, renderRestore, renderResult } from './setProxyText';

// ---------------------------------------------------------------------------------------------
// set-proxy

export const setProxyCommand: Subcommand = async (argv, io, signal) => {
  const { flags, positionals } = parseArgs(argv, {
    auto: 'boolean',
    candidate: 'list',
    value: 'string',
    offline: 'boolean',
    cwd: 'string',
    'dry-run': 'boolean',
    json: 'boolean',
    go: 'string',
    timeout: 'string',
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const modes = (['auto', 'value', 'offline'] as const).filter((m) => flags[m] !== undefined);
  if (modes.length !== 1)
    throw new UsageError(
      modes.length === 0
        ? 'say how to choose GOPROXY: --auto, --value LIST or --offline'
        : `--${modes.join(' and --')} cannot be combined`,
    );
  const candidates = flags['candidate'] as string[] | undefined;
  if (candidates && !flags['auto']) throw new UsageError('--candidate only applies to --auto');
  if (flags['cwd'] !== undefined && !flags['offline']) throw new UsageError('--cwd only applies to --offline');
  const timeoutMs = intFlag(flags['timeout'], 'timeout', DEFAULT_REQUEST_TIMEOUT_MS);
  const json = Boolean(flags['json']);
  const dryRun = Boolean(flags['dry-run']);

  let mode: ProxyMode;
  if (flags['auto']) {
    for (const c of candidates ?? []) {
      const why = candidateProblem(c);
      if (why) throw new UsageError(`--candidate "${redact(c)}" ${why}`);
    }
    mode = candidates ? { kind: 'auto', candidates } : { kind: 'auto' };
  } else if (flags['value'] !== undefined) {
    const value = flags['value'] as string;
    const why = validateGoproxyValue(value);
    if (why)
      throw new UsageError(
        `--value "${redact(value)}" is not a valid GOPROXY: ${why}. Entries are URLs (https://goproxy.example) or the keywords direct and off, separated by "," or "|".`,
      );
    mode = { kind: 'value', value };
  } else {
    const cwd = path.resolve(io.cwd, (flags['cwd'] as string | undefined) ?? '.');
    const st = await fs.stat(cwd).catch(() => undefined);
    if (!st?.isDirectory()) throw new UsageError(`--cwd ${cwd} is not a directory`);
    mode = { kind: 'offline', cwd };
  }

  if (!json && io.stderrIsTTY && mode.kind === 'auto')
    io.stderr(`${render(msg('cli.setProxy.probing'), io.lang ?? 'en')}\n`);
  let plan: ProxyPlan;
  try {
    plan = await planProxyChange({
      platform: io.platform,
      goPath: flags['go'] as string | undefined,
      mode,
      timeoutMs,
      signal,
    });
  } catch (err) {
    if (err instanceof DoctorError) return failWith(io, json, err);
    if (!signal.aborted) throw err;
    io.stderr(`${render(msg('cli.setProxy.cancelled'), io.lang ?? 'en')}\n`);
    return 130;
  }

  let outcome: WriteOutcome | undefined;
  try {
    if (!dryRun && plan.value !== undefined)
      outcome = await applyProxyChange(plan, { platform: io.platform, timeoutMs, signal });
  } catch (err) {
    if (!(err instanceof DoctorError)) throw err;
    if (json)
      io.stdout(
        JSON.stringify({ ...setProxyJson(plan, undefined, dryRun), ok: false, error: errorJson(err) }, null, 2) + '\n',
      );
    else {
      io.stdout(renderPlan(plan, io.lang ?? 'en'));
      io.stderr(errorText(err, io.lang));
    }
    return 1;
  }
  const doc = setProxyJson(plan, outcome, dryRun);
  if (json) io.stdout(JSON.stringify(doc, null, 2) + '\n');
  else io.stdout(renderPlan(plan, io.lang ?? 'en') + renderResult(plan, outcome, dryRun, io.lang ?? 'en'));
  if (plan.value === undefined) return 1;
  if (dryRun) return 0;
  return doc.ok ? 0 : 1;
};

function candidateProblem(c: string): string | undefined {
  if (/[,|]/.test(c)) return 'must be one URL (give --candidate once per mirror)';
  const [e] = parseGoproxy(c);
  if (!e || e.kind !== 'url') return e?.kind === 'invalid' ? `is not a valid URL: ${e.reason}` : 'is not a mirror URL';
  if (e.url.protocol !== 'https:' && e.url.protocol !== 'http:')
    return 'must be an https:// or http:// URL (file:// mirrors are not probed)';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// restore-proxy

export const restoreProxyCommand: Subcommand = async (argv, io, signal) => {
  const { flags, positionals } = parseArgs(argv, { json: 'boolean', go: 'string', timeout: 'string' });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const json = Boolean(flags['json']);
  const timeoutMs = intFlag(flags['timeout'], 'timeout', DEFAULT_REQUEST_TIMEOUT_MS);
  let r: RestoreResult;
  try {
    r = await restoreProxy({ platform: io.platform, goPath: flags['go'] as string | undefined, timeoutMs, signal });
  } catch (err) {
    if (!(err instanceof DoctorError)) throw err;
    return failWith(io, json, err);
  }
  const doc = restoreJson(r);
  if (json) io.stdout(JSON.stringify(doc, null, 2) + '\n');
  else io.stdout(renderRestore(r, io.lang ?? 'en'));
  return doc.ok ? 0 : 1;
};

// ---------------------------------------------------------------------------------------------
// JSON

function failWith(io: CliIO, json: boolean, e: DoctorError): number {
  if (json) {
    io.stdout(
      JSON.stringify(
        {
          ok: false,
          previous: null,
          value: null,
          ranking: [],
          overriddenByEnvironment: false,
          message: redact(e.message),
          error: errorJson(e),
        },
        null,
        2,
      ) + '\n',
    );
  } else io.stderr(errorText(e, io.lang));
  return 1;
}
