// The --json documents of set-proxy and restore-proxy (the contract in docs/findings.md).
import type { DoctorError } from '../core/errors';
import { redact } from '../core/redact';
import type { FileSetting } from '../core/proxyRewrite/goEnv';
import type { RestoreResult, WriteOutcome } from '../core/proxyRewrite/apply';
import type { EnvironmentOverride, ProxyPlan } from '../core/proxyRewrite/plan';
import type { RankingRow } from '../core/proxyRewrite/rank';

export interface SetProxyJson {
  /** The new value is (or, with --dry-run, would be) what the go command uses. */
  ok: boolean;
  dryRun: boolean;
  /** The go env file was changed. */
  written: boolean;
  /** GOPROXY in the go env file before; null when it was not set there. */
  previous: string | null;
  /** GOPROXY as the go command used it before. */
  previousEffective: string;
  /** The new GOPROXY; null when none could be chosen. */
  value: string | null;
  /** GOPROXY as the go command uses it after the write (absent for a dry run). */
  effective?: string;
  goEnvFile: string;
  go: string;
  ranking: { url: string; healthy: boolean; medianMs: number | null; reason?: string }[];
  reference?: { module: string; version: string; goModHash: string | null; source: string; detail: string };
  sumdb?: { kind: string; message: string; command?: string };
  overriddenByEnvironment: boolean;
  environment?: { value: string; sources: { file: string; line: number }[]; explanation: string };
  offline?: {
    cacheDir: string;
    cacheExists: boolean;
    goMod: string | null;
    missing: { path: string; version: string; status: string; line: number }[];
  };
  message: string;
  error?: { code: string; message: string; remedy: string };
}

const fileValue = (s: FileSetting): string | null => (s.inFile ? redact(s.value) : null);

export function setProxyJson(plan: ProxyPlan, outcome: WriteOutcome | undefined, dryRun: boolean): SetProxyJson {
  const override = outcome ? outcome.override : plan.override;
  const ok = plan.value !== undefined && !override && (dryRun || outcome !== undefined);
  const doc: SetProxyJson = {
    ok,
    dryRun,
    written: outcome?.written ?? false,
    previous: fileValue(plan.previous),
    previousEffective: redact(plan.previousEffective),
    value: plan.value === undefined ? null : redact(plan.value),
    ...(outcome ? { effective: redact(outcome.effective) } : {}),
    goEnvFile: plan.envFile,
    go: plan.goPath,
    ranking: (plan.ranking?.rows ?? []).map(rowJson),
    overriddenByEnvironment: Boolean(override),
    message: summary(plan, outcome, dryRun),
  };
  if (plan.ranking) {
    const r = plan.ranking.reference;
    doc.reference = {
      module: r.module,
      version: r.version,
      goModHash: r.hash ?? null,
      source: r.source,
      detail: redact(r.detail),
    };
  }
  if (plan.sumdb)
    doc.sumdb = {
      kind: plan.sumdb.kind,
      message: plan.sumdb.message,
      ...('command' in plan.sumdb ? { command: redact(plan.sumdb.command) } : {}),
    };
  if (override) doc.environment = overrideJson(override);
  if (plan.offline) {
    doc.offline = {
      cacheDir: plan.offline.cacheDir,
      cacheExists: plan.offline.cacheExists,
      goMod: plan.offline.goMod ?? null,
      missing: plan.offline.modules
        .filter((m) => m.status !== 'cached')
        .map((m) => ({ path: m.path, version: m.version, status: m.status, line: m.line })),
    };
  }
  return doc;
}

function rowJson(r: RankingRow): SetProxyJson['ranking'][number] {
  return {
    url: r.display,
    healthy: r.healthy,
    medianMs: r.medianMs,
    ...(r.reason !== undefined ? { reason: redact(r.reason) } : {}),
  };
}

function overrideJson(o: EnvironmentOverride): NonNullable<SetProxyJson['environment']> {
  return {
    value: redact(o.value),
    sources: o.sources.map((s) => ({ file: s.file, line: s.line })),
    explanation: redact(o.explanation),
  };
}

export interface RestoreProxyJson {
  /** The go env file holds again what it held before go-env-doctor's newest change. */
  ok: boolean;
  restored: boolean;
  /** GOPROXY in the go env file before this command; null when not set. */
  previous: string | null;
  /** GOPROXY in the go env file now; null when not set (restored by `go env -u`). */
  value: string | null;
  effective: string;
  goEnvFile: string;
  /** GOPROXY had been changed again after go-env-doctor wrote it (that later value was replaced). */
  changedSince: boolean;
  overriddenByEnvironment: boolean;
  environment?: SetProxyJson['environment'];
  message: string;
}

export function restoreJson(r: RestoreResult): RestoreProxyJson {
  if (!r.restored) {
    return {
      ok: false,
      restored: false,
      previous: fileValue(r.current),
      value: fileValue(r.current),
      effective: redact(r.effective),
      goEnvFile: r.envFile,
      changedSince: false,
      overriddenByEnvironment: false,
      message: r.reason,
    };
  }
  return {
    ok: true,
    restored: true,
    previous: fileValue(r.replaced),
    value: fileValue(r.now),
    effective: redact(r.outcome.effective),
    goEnvFile: r.envFile,
    changedSince: r.changedSince,
    overriddenByEnvironment: Boolean(r.outcome.override),
    ...(r.outcome.override ? { environment: overrideJson(r.outcome.override) } : {}),
    message: restoreSummary(r),
  };
}

export function errorJson(e: DoctorError): NonNullable<SetProxyJson['error']> {
  return { code: e.code, message: redact(e.message), remedy: redact(e.remedy) };
}

/** One sentence on what was (or would be) written. */
export function summary(plan: ProxyPlan, outcome: WriteOutcome | undefined, dryRun: boolean): string {
  if (plan.value === undefined) return `Nothing was written: ${plan.blocked ?? 'no value'}.`;
  const override = outcome ? outcome.override : plan.override;
  const v = redact(plan.value);
  const tail = override
    ? ` but GOPROXY=${redact(override.value)} in the OS environment overrides the go env file, so go ${dryRun ? 'would keep using' : 'keeps using'} the environment's value.`
    : '.';
  if (dryRun) return `Would set GOPROXY=${v} in ${plan.envFile}${plan.unchanged ? ' (already set)' : ''}${tail}`;
  if (outcome && !outcome.written) return `GOPROXY=${v} is already set in ${plan.envFile}; nothing was written${tail}`;
  return `Set GOPROXY=${v} in ${plan.envFile}${tail}`;
}

export function restoreSummary(r: Extract<RestoreResult, { restored: true }>): string {
  const now = r.now.inFile ? `GOPROXY=${redact(r.now.value)}` : 'GOPROXY unset (go env -u)';
  return `Restored ${now} in ${r.envFile}, as it was before go-env-doctor's change of ${r.change.at}.`;
}
