// What the proxy quick fixes show: the quick pick of a mirror ranking, of an offline plan, of an
// OS-environment override, and the messages after a write or a restore. Pure (no `vscode`):
// proxy/fixes.ts turns these models into QuickPickItems; unit-tested without VS Code.
import type { FileSetting } from '../../core/proxyRewrite/goEnv';
import type { OverrideSource } from '../../core/proxyRewrite/overrideSources';
import type { EnvironmentOverride, ProxyPlan } from '../../core/proxyRewrite/plan';
import type { RankingRow } from '../../core/proxyRewrite/rank';
import type { RestoreResult, WriteOutcome } from '../../core/proxyRewrite/apply';
import type { OfflineModule } from '../../core/proxyRewrite/offline';
import { redact } from '../../core/redact';
import { formatMs, tildify } from '../format';

/** What choosing an entry does. */
export type ProxyPickAction =
  | { kind: 'write' }
  | { kind: 'openSource'; file: string; line: number }
  | { kind: 'openSettings'; query: string }
  | { kind: 'copy'; text: string };

export interface PickEntry {
  label: string;
  description?: string;
  detail?: string;
  /** A heading line (QuickPickItemKind.Separator), not choosable. */
  separator?: boolean;
  /** Absent: an information row; choosing it does nothing. */
  action?: ProxyPickAction;
}

export interface PickModel {
  title: string;
  placeholder: string;
  entries: PickEntry[];
  /** Shown as the placeholder when an information row is chosen. */
  rowHint: string;
}

/** Where the go command would find the OS variable's origin, for the override pick. */
export interface OverrideContext {
  /** GOPROXY as set in VS Code's go.toolsEnvVars, if it is. */
  toolsEnvVarsGoproxy?: string;
  homeDir: string;
}

export function showSetting(s: FileSetting): string {
  if (!s.inFile) return 'not set';
  return s.value === '' ? 'set to an empty value' : redact(s.value);
}

/** What a healthy mirror was checked against, for its row. */
function checkedAgainst(ref: NonNullable<ProxyPlan['ranking']>['reference']): string {
  if (!ref.hash) return `serves ${ref.module}@${ref.version} as the other mirrors do`;
  return `serves ${ref.module}@${ref.version} as ${ref.source === 'sumdb' ? 'the checksum database' : 'the published go.sum line'} records it`;
}

/** One row per mirror: latency, and why it was rejected. */
export function rankingEntries(
  rows: readonly RankingRow[],
  reference?: NonNullable<ProxyPlan['ranking']>['reference'],
): PickEntry[] {
  let fastest = true;
  return rows.map((r) => {
    if (r.healthy) {
      const entry: PickEntry = {
        label: `$(pass) ${r.display}`,
        description: `${formatMs(r.medianMs)} median${fastest ? ' · fastest' : ''}`,
        detail: `Healthy: ${reference ? checkedAgainst(reference) : 'speaks the module proxy protocol'}${r.sumdbSupported === 200 ? ', forwards the checksum database' : ''}; requests took ${r.samplesMs.map((ms) => formatMs(ms)).join(', ')}.`,
      };
      fastest = false;
      return entry;
    }
    return {
      label: `$(error) ${r.display}`,
      description: r.medianMs === null ? 'rejected' : `rejected · ${formatMs(r.medianMs)} median`,
      detail: `Rejected: ${redact(r.reason ?? 'no reason recorded')}.`.replace(/\.\.$/, '.'),
    };
  });
}

/** "3 mirrors checked in 804 ms, 2 healthy". */
export function rankingSummary(plan: ProxyPlan): string {
  const ranking = plan.ranking;
  if (!ranking) return '';
  const healthy = ranking.rows.filter((r) => r.healthy).length;
  return `${ranking.rows.length} mirror${ranking.rows.length === 1 ? '' : 's'} checked in ${formatMs(ranking.durationMs)}, ${healthy} healthy`;
}

/** The mirror rows under a short heading (VS Code draws a separator's label over the next row's right end). */
function rankingSection(plan: ProxyPlan): PickEntry[] {
  const ranking = plan.ranking;
  if (!ranking) return [];
  return [{ label: 'mirrors, fastest first', separator: true }, ...rankingEntries(ranking.rows, ranking.reference)];
}

const UNDO_HINT = 'Undo with "Go Env: Restore previous Go proxy settings" (the previous value is saved first).';

function sumdbNote(plan: ProxyPlan): string {
  // "direct" means nothing changes for the checksum database: not worth a sentence here.
  return plan.sumdb && plan.sumdb.kind !== 'direct' ? ` ${plan.sumdb.message}` : '';
}

/** The ranking, with "Set GOPROXY=…" first. Only for a plan with a value and no override. */
export function autoPickModel(plan: ProxyPlan): PickModel {
  const value = redact(plan.value ?? '');
  return {
    title: `Go Env: switch GOPROXY to the fastest working mirror (${rankingSummary(plan)})`,
    placeholder: `Press Enter to set GOPROXY=${value}, or Escape to leave it as it is`,
    rowHint: `The rows below the first are the ranking. Choose "Set GOPROXY=${value}" to write it, or press Escape to leave GOPROXY as it is.`,
    entries: [
      {
        label: `$(check) Set GOPROXY=${value}`,
        description: 'fastest healthy mirrors first, then direct',
        detail: `Writes ${plan.envFile} with \`go env -w\` (now ${showSetting(plan.previous)}; go uses ${redact(plan.previousEffective) || 'its default'}).${sumdbNote(plan)} ${UNDO_HINT}`,
        action: { kind: 'write' },
      },
      ...rankingSection(plan),
    ],
  };
}

/** No healthy mirror: the ranking and its reasons; nothing to choose. */
export function blockedPickModel(plan: ProxyPlan): PickModel {
  return {
    title: `Go Env: no mirror passed the checks (${rankingSummary(plan)}), so GOPROXY was left as it is`,
    placeholder: `GOPROXY stays ${redact(plan.previousEffective) || 'at its default'}. Each row says why the mirror was rejected; press Escape to close.`,
    rowHint: 'Nothing was changed. Press Escape to close.',
    entries: rankingSection(plan),
  };
}

function missingModules(modules: readonly OfflineModule[]): OfflineModule[] {
  return modules.filter((m) => m.status !== 'cached');
}

/** "Work offline": the new value first, then the modules go.mod needs that the cache lacks. */
export function offlinePickModel(plan: ProxyPlan): PickModel {
  const o = plan.offline!;
  const value = redact(plan.value ?? '');
  const missing = missingModules(o.modules);
  const cacheNote = o.cacheExists ? '' : ` ${o.cacheDir} does not exist yet: nothing is cached.`;
  let modulesNote: string;
  if (o.goModProblem) modulesNote = ` ${o.goMod} cannot be read (${o.goModProblem}), so no module list was checked.`;
  else if (!o.goMod) modulesNote = ' No go.mod governs the workspace folder, so no module list was checked.';
  else if (missing.length === 0) modulesNote = ` All ${o.modules.length} modules ${o.goMod} requires are in the cache.`;
  else
    modulesNote = ` ${missing.length} of the ${o.modules.length} modules ${o.goMod} requires are not in the cache (listed below): builds that need them fail offline.`;
  const entries: PickEntry[] = [
    {
      label: '$(database) Work offline from the module cache',
      description: `GOPROXY=${value}`,
      detail: `Puts ${o.cacheDir} first in GOPROXY, so builds use cached modules without the network; writes ${plan.envFile} (now ${showSetting(plan.previous)}).${cacheNote}${modulesNote} ${UNDO_HINT}`,
      action: { kind: 'write' },
    },
  ];
  if (missing.length > 0 && !o.goModProblem) {
    // Short: VS Code draws a separator's label over the next row's right end.
    entries.push({ label: 'not in the module cache', separator: true });
    for (const m of missing) {
      entries.push({
        label: `$(warning) ${m.path} ${m.version}`,
        description: m.status === 'missing' ? 'missing' : 'only its go.mod is cached (no source)',
        detail: `go.mod line ${m.line}${m.replacedBy ? `, replaced by ${m.replacedBy}` : ''}. Fetch it while online with \`go mod download ${m.path}\`.`,
      });
    }
  }
  return {
    title: `Go Env: work offline from the module cache${missing.length > 0 ? ` (${missing.length} module${missing.length === 1 ? '' : 's'} missing)` : ''}`,
    placeholder:
      missing.length > 0
        ? `${missing.length} module${missing.length === 1 ? ' is' : 's are'} missing from the cache. Press Enter to switch anyway, or Escape to cancel`
        : 'Press Enter to switch, or Escape to cancel',
    rowHint:
      'The rows below the first are the modules missing from the cache. Choose "Work offline from the module cache" to switch, or press Escape.',
    entries,
  };
}

/**
 * GOPROXY comes from the OS environment, so writing the go env file would change nothing: say so,
 * and offer the places to change it instead (nothing is written).
 */
export function overridePickModel(plan: ProxyPlan, override: EnvironmentOverride, c: OverrideContext): PickModel {
  const wanted = plan.value ?? '';
  const entries: PickEntry[] = override.sources.slice(0, 4).map((s: OverrideSource) => ({
    label: `$(go-to-file) Open ${tildify(s.file, c.homeDir)}:${s.line}`,
    description: 'sets GOPROXY',
    detail: redact(s.text),
    action: { kind: 'openSource', file: s.file, line: s.line },
  }));
  entries.push({
    label: '$(settings-gear) Open VS Code settings: go.toolsEnvVars',
    description:
      c.toolsEnvVarsGoproxy !== undefined
        ? `sets GOPROXY=${redact(c.toolsEnvVarsGoproxy)}`
        : "the Go extension's tool environment",
    detail:
      'VS Code passes these variables to the Go tools it starts; also check terminal.integrated.env.* for the terminal.',
    action: { kind: 'openSettings', query: 'go.toolsEnvVars' },
  });
  if (wanted) {
    entries.push({
      label: `$(copy) Copy GOPROXY=${redact(wanted)}`,
      description: plan.mode === 'offline' ? 'the module cache first' : 'the value the ranking chose',
      detail: 'To paste where GOPROXY is set now (or remove it there, restart VS Code, and run this fix again).',
      action: { kind: 'copy', text: `GOPROXY=${wanted}` },
    });
  }
  if (plan.mode === 'auto') entries.push(...rankingSection(plan));
  return {
    title: `Go Env: GOPROXY=${redact(override.value)} is set in the OS environment, so the go env file cannot change it`,
    placeholder: `Nothing was written. ${redact(override.explanation)}`,
    rowHint: 'Nothing was written. Choose where to change GOPROXY, or press Escape.',
    entries,
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

function overrideWarning(o: EnvironmentOverride): string {
  return `GOPROXY=${redact(o.value)} in the OS environment still wins, so the go command keeps using that. ${redact(o.explanation)}`;
}

/** After "Switch GOPROXY…" or "Work offline" wrote the go env file. */
export function writtenMessage(plan: ProxyPlan, outcome: WriteOutcome): { text: string; severity: 'info' | 'warning' } {
  const value = redact(plan.value ?? '');
  const where = plan.envFile;
  if (outcome.override) {
    return {
      severity: 'warning',
      text: `Go Env: wrote GOPROXY=${value} to ${where}, but it does not take effect: ${overrideWarning(outcome.override)}`,
    };
  }
  const others = outcome.otherSettingsChanged.length
    ? ` go also changed ${outcome.otherSettingsChanged.join(', ')} in that file; check it.`
    : '';
  const before = `(was ${showSetting(plan.previous)})`;
  if (!outcome.written)
    return { severity: 'info', text: `Go Env: ${where} already holds GOPROXY=${value}; nothing was written.` };
  if (plan.mode === 'offline' && plan.offline) {
    const missing = missingModules(plan.offline.modules);
    const names = missing
      .slice(0, 3)
      .map((m) => `${m.path}@${m.version}`)
      .join(', ');
    const tail =
      missing.length === 0
        ? plan.offline.goMod
          ? ` Every module ${plan.offline.goMod} requires is cached.`
          : ''
        : ` Missing from the cache: ${names}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}; fetch ${missing.length === 1 ? 'it' : 'them'} while online with \`go mod download\`.`;
    return {
      severity: missing.length ? 'warning' : 'info',
      text: `Go Env: GOPROXY now starts with the module cache, in ${where} ${before}.${tail}${others}`,
    };
  }
  return {
    severity: 'info',
    text: `Go Env: GOPROXY is now ${value}, in ${where} ${before}.${sumdbNote(plan)}${others}`,
  };
}

export function restoredMessage(r: RestoreResult): { text: string; severity: 'info' | 'warning' } {
  if (!r.restored) return { severity: 'info', text: `Go Env: nothing to restore. ${r.reason}` };
  const now = r.now.inFile ? `GOPROXY=${showSetting(r.now)}` : 'GOPROXY unset (go env -u)';
  let text = `Go Env: restored ${now} in ${r.envFile}, as it was before the change of ${r.change.at}.`;
  if (r.changedSince)
    text += ` GOPROXY had been changed to ${showSetting(r.replaced)} after that; that value was replaced too.`;
  if (r.outcome.override) return { severity: 'warning', text: `${text} ${overrideWarning(r.outcome.override)}` };
  return { severity: 'info', text };
}

/** The ranking as log lines (the quick pick is gone once closed). */
export function rankingLog(plan: ProxyPlan): string[] {
  if (!plan.ranking) return [];
  const ref = plan.ranking.reference;
  return [
    `ranked ${plan.ranking.rows.length} mirror(s) in ${plan.ranking.durationMs} ms against ${ref.module}@${ref.version} (${plan.ranking.verdictBasis}: ${redact(ref.detail)})`,
    ...plan.ranking.rows.map(
      (r) =>
        `  ${r.healthy ? 'healthy ' : 'rejected'} ${r.display} ${formatMs(r.medianMs)}${r.reason ? `: ${redact(r.reason)}` : ''}`,
    ),
  ];
}
