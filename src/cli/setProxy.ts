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
import { formatMedianMs } from '../core/units';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../core/proxyRewrite/defaults';
import type { FileSetting } from '../core/proxyRewrite/goEnv';
import { applyProxyChange, restoreProxy, type RestoreResult, type WriteOutcome } from '../core/proxyRewrite/apply';
import {
  describePlannedValue,
  planProxyChange,
  validateGoproxyValue,
  type ProxyMode,
  type ProxyPlan,
} from '../core/proxyRewrite/plan';
import type { RankingRow } from '../core/proxyRewrite/rank';
import { errorText } from './errorText';
import { msg } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import { errorJson, restoreJson, restoreSummary, setProxyJson } from './setProxyJson';

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
      io.stdout(renderPlan(plan));
      io.stderr(errorText(err, io.lang));
    }
    return 1;
  }
  const doc = setProxyJson(plan, outcome, dryRun);
  if (json) io.stdout(JSON.stringify(doc, null, 2) + '\n');
  else io.stdout(renderPlan(plan) + renderResult(plan, outcome, dryRun));
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
  else io.stdout(renderRestore(r));
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

// ---------------------------------------------------------------------------------------------
// Text

function showFile(s: FileSetting, effective?: string): string {
  const uses = effective === undefined ? '' : ` (go uses ${redact(effective) || 'its default'})`;
  if (!s.inFile) return `not set in the file${uses}`;
  if (s.value === '') return `set to an empty value${uses}`;
  return redact(s.value);
}

export function renderRanking(rows: readonly RankingRow[]): string {
  if (rows.length === 0) return '';
  const urlWidth = Math.min(60, Math.max(6, ...rows.map((r) => r.display.length)));
  const lines = [`  ${'MIRROR'.padEnd(urlWidth + 2)}  ${'MEDIAN'.padStart(8)}  VERDICT`];
  let first = true;
  for (const r of rows) {
    const ms = r.medianMs === null ? '—' : formatMedianMs(r.medianMs);
    const verdict = r.healthy ? (first ? 'healthy, fastest' : 'healthy') : `rejected: ${redact(r.reason ?? 'unknown')}`;
    if (r.healthy) first = false;
    lines.push(`  ${r.healthy ? '✓' : '✗'} ${r.display.padEnd(urlWidth)}  ${ms.padStart(8)}  ${verdict}`);
  }
  return lines.join('\n') + '\n';
}

function renderPlan(plan: ProxyPlan): string {
  let out = '';
  if (plan.ranking) {
    const ref = plan.ranking.reference;
    const healthy = plan.ranking.rows.filter((r) => r.healthy).length;
    out += `Checked ${plan.ranking.rows.length} mirror${plan.ranking.rows.length === 1 ? '' : 's'} in ${plan.ranking.durationMs} ms: ${healthy} healthy.\n`;
    out += `Each must serve ${ref.module}@${ref.version}${ref.hash ? ` with a go.mod hashing to ${ref.hash}, ${redact(ref.detail)}` : `: ${redact(ref.detail)}`}.\n`;
    out += renderRanking(plan.ranking.rows);
    if (plan.blocked) {
      out += `\nNo mirror can be used, so GOPROXY was left as it is (${showFile(plan.previous, plan.previousEffective)}). Each line above says why; run \`go-env-doctor diagnose\` for the network details.\n`;
    }
  }
  if (plan.offline) {
    const o = plan.offline;
    out += `Module cache: ${o.cacheDir}${o.cacheExists ? '' : ' (it does not exist yet: nothing is cached, so every module will be missing offline)'}\n`;
    if (o.goMod) {
      const missing = o.modules.filter((m) => m.status !== 'cached');
      if (o.goModProblem) out += `${o.goMod} cannot be read (${o.goModProblem}).\n`;
      else if (missing.length === 0) out += `All ${o.modules.length} modules ${o.goMod} requires are in the cache.\n`;
      else {
        out += `${missing.length} of the ${o.modules.length} modules ${o.goMod} requires are not fully in the cache (builds that need them will fail offline):\n`;
        for (const m of missing)
          out += `  ${m.path} ${m.version}  ${m.status === 'missing' ? 'missing' : 'only its go.mod is cached (no source)'}${m.replacedBy ? ` (replaced by ${m.replacedBy})` : ''}   go.mod:${m.line}\n`;
        out += `Fetch them while online with \`go mod download\` in ${path.dirname(o.goMod)}.\n`;
      }
    } else out += 'No go.mod governs this directory, so no module list was checked.\n';
  }
  if (plan.sumdb) out += `\nChecksum database: ${plan.sumdb.message}\n`;
  return out;
}

function renderResult(plan: ProxyPlan, outcome: WriteOutcome | undefined, dryRun: boolean): string {
  if (plan.value === undefined) return '';
  let out = `\nGOPROXY in ${plan.envFile}\n  before: ${showFile(plan.previous, plan.previousEffective)}\n  after:  ${redact(plan.value)}\n`;
  const words = describePlannedValue(plan);
  if (words) out += `  (${redact(words)})\n`;
  const override = outcome ? outcome.override : plan.override;
  if (dryRun) {
    out += plan.unchanged
      ? '\nDry run: the go env file already holds this value; nothing would be written.\n'
      : '\nDry run: nothing was written. Run the same command without --dry-run to write it.\n';
  } else if (outcome && !outcome.written) {
    out += '\nThe go env file already holds this value; nothing was written.\n';
  } else if (outcome) {
    out += `\nWritten with \`go env -w\`. The previous value is saved; undo with: go-env-doctor restore-proxy\n`;
    if (outcome.otherSettingsChanged.length)
      out += `[!] go also changed ${outcome.otherSettingsChanged.join(', ')} in ${plan.envFile} while writing; check the file.\n`;
  }
  if (override) {
    out += `\n[✗] ${dryRun ? 'This change would not take effect' : 'This change does not take effect yet'}: GOPROXY=${redact(override.value)} is set in the OS environment, and that beats the go env file.\n    ${redact(override.explanation)}\n`;
  }
  return out;
}

function renderRestore(r: RestoreResult): string {
  if (!r.restored) return `Nothing to restore: ${r.reason}\n(Saved changes are kept in ${r.stateFile}.)\n`;
  let out = `${restoreSummary(r)}\n  before: ${showFile(r.replaced)}\n  after:  ${showFile(r.now, r.outcome.effective)}\n`;
  if (r.changedSince)
    out += `[!] GOPROXY had been changed to ${showFile(r.replaced)} after go-env-doctor wrote ${redact(r.change.wrote['GOPROXY'] ?? '')}; that later value was replaced too.\n`;
  if (r.outcome.override)
    out += `[!] GOPROXY=${redact(r.outcome.override.value)} in the OS environment still decides what go uses (it did before, too). ${redact(r.outcome.override.explanation)}\n`;
  return out;
}
