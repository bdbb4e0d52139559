// What the proxy quick fixes show: the quick pick of a mirror ranking, of an offline plan, of an
// OS-environment override (the messages after a write or a restore are in messages.ts). Pure (no
// `vscode`): proxy/fixes.ts turns these models into QuickPickItems; unit-tested without VS Code.
import type { FileSetting } from '../../core/proxyRewrite/goEnv';
import type { OverrideSource } from '../../core/proxyRewrite/overrideSources';
import type { EnvironmentOverride, ProxyPlan } from '../../core/proxyRewrite/plan';
import type { RankingRow } from '../../core/proxyRewrite/rank';
import type { OfflineModule } from '../../core/proxyRewrite/offline';
import { redact } from '../../core/redact';
import { formatMs, tildify } from '../format';
import { ENGLISH, type L10n } from '../l10n';

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

export function showSetting(s: FileSetting, l10n: L10n = ENGLISH): string {
  if (!s.inFile) return l10n.t('not set');
  return s.value === '' ? l10n.t('set to an empty value') : redact(s.value);
}

/** What a healthy mirror was checked against, for its row. */
function checkedAgainst(ref: NonNullable<ProxyPlan['ranking']>['reference'], l10n: L10n): string {
  const module = `${ref.module}@${ref.version}`;
  if (!ref.hash) return l10n.t('serves {0} as the other mirrors do', module);
  return ref.source === 'sumdb'
    ? l10n.t('serves {0} as the checksum database records it', module)
    : l10n.t('serves {0} as the published go.sum line records it', module);
}

/** One row per mirror: latency, and why it was rejected. */
export function rankingEntries(
  rows: readonly RankingRow[],
  reference?: NonNullable<ProxyPlan['ranking']>['reference'],
  l10n: L10n = ENGLISH,
): PickEntry[] {
  let fastest = true;
  return rows.map((r) => {
    if (r.healthy) {
      const how = reference ? checkedAgainst(reference, l10n) : l10n.t('speaks the module proxy protocol');
      const took = r.samplesMs.map((ms) => formatMs(ms)).join(', ');
      const entry: PickEntry = {
        label: `$(pass) ${r.display}`,
        description: `${l10n.t('{0} median', formatMs(r.medianMs))}${fastest ? ` · ${l10n.t('fastest')}` : ''}`,
        detail:
          r.sumdbSupported === 200
            ? l10n.t('Healthy: {0}, forwards the checksum database; requests took {1}.', how, took)
            : l10n.t('Healthy: {0}; requests took {1}.', how, took),
      };
      fastest = false;
      return entry;
    }
    return {
      label: `$(error) ${r.display}`,
      description:
        r.medianMs === null
          ? l10n.t('rejected')
          : `${l10n.t('rejected')} · ${l10n.t('{0} median', formatMs(r.medianMs))}`,
      detail: l10n.t('Rejected: {0}.', redact(r.reason ?? l10n.t('no reason recorded'))).replace(/\.\.$/, '.'),
    };
  });
}

/** "3 mirrors checked in 804 ms, 2 healthy". */
export function rankingSummary(plan: ProxyPlan, l10n: L10n = ENGLISH): string {
  const ranking = plan.ranking;
  if (!ranking) return '';
  const healthy = ranking.rows.filter((r) => r.healthy).length;
  const took = formatMs(ranking.durationMs);
  return ranking.rows.length === 1
    ? l10n.t('1 mirror checked in {0}, {1} healthy', took, healthy)
    : l10n.t('{0} mirrors checked in {1}, {2} healthy', ranking.rows.length, took, healthy);
}

/** The mirror rows under a short heading (VS Code draws a separator's label over the next row's right end). */
function rankingSection(plan: ProxyPlan, l10n: L10n): PickEntry[] {
  const ranking = plan.ranking;
  if (!ranking) return [];
  return [
    { label: l10n.t('mirrors, fastest first'), separator: true },
    ...rankingEntries(ranking.rows, ranking.reference, l10n),
  ];
}

function undoHint(l10n: L10n): string {
  return l10n.t(
    'Undo with "{0}" (the previous value is saved first).',
    `Go Env: ${l10n.t('Restore previous Go proxy settings')}`,
  );
}

export function sumdbNote(plan: ProxyPlan): string {
  // "direct" means nothing changes for the checksum database: not worth a sentence here.
  return plan.sumdb && plan.sumdb.kind !== 'direct' ? ` ${plan.sumdb.message}` : '';
}

/** The ranking, with "Set GOPROXY=…" first. Only for a plan with a value and no override. */
export function autoPickModel(plan: ProxyPlan, l10n: L10n = ENGLISH): PickModel {
  const value = redact(plan.value ?? '');
  const set = l10n.t('Set {0}', `GOPROXY=${value}`);
  return {
    title: l10n.t('Go Env: switch GOPROXY to the fastest working mirror ({0})', rankingSummary(plan, l10n)),
    placeholder: l10n.t('Press Enter to set {0}, or Escape to leave it as it is', `GOPROXY=${value}`),
    rowHint: l10n.t(
      'The rows below the first are the ranking. Choose "{0}" to write it, or press Escape to leave GOPROXY as it is.',
      set,
    ),
    entries: [
      {
        label: `$(check) ${set}`,
        description: l10n.t('fastest healthy mirrors first, then direct'),
        detail: `${l10n.t(
          'Writes {0} with {1} (now {2}; go uses {3}).',
          plan.envFile,
          '`go env -w`',
          showSetting(plan.previous, l10n),
          redact(plan.previousEffective) || l10n.t('its default'),
        )}${sumdbNote(plan)} ${undoHint(l10n)}`,
        action: { kind: 'write' },
      },
      ...rankingSection(plan, l10n),
    ],
  };
}

/** No healthy mirror: the ranking and its reasons; nothing to choose. */
export function blockedPickModel(plan: ProxyPlan, l10n: L10n = ENGLISH): PickModel {
  return {
    title: l10n.t(
      'Go Env: no mirror passed the checks ({0}), so GOPROXY was left as it is',
      rankingSummary(plan, l10n),
    ),
    placeholder: plan.previousEffective
      ? l10n.t(
          'GOPROXY stays {0}. Each row says why the mirror was rejected; press Escape to close.',
          redact(plan.previousEffective),
        )
      : l10n.t('GOPROXY stays at its default. Each row says why the mirror was rejected; press Escape to close.'),
    rowHint: l10n.t('Nothing was changed. Press Escape to close.'),
    entries: rankingSection(plan, l10n),
  };
}

export function missingModules(modules: readonly OfflineModule[]): OfflineModule[] {
  return modules.filter((m) => m.status !== 'cached');
}

/** What "Work offline" says about the modules go.mod needs (with a leading space, or empty). */
function offlineModulesNote(o: NonNullable<ProxyPlan['offline']>, missing: number, l10n: L10n): string {
  if (o.goModProblem)
    return ` ${l10n.t('{0} cannot be read ({1}), so no module list was checked.', o.goMod ?? 'go.mod', o.goModProblem)}`;
  if (!o.goMod) return ` ${l10n.t('No go.mod governs the workspace folder, so no module list was checked.')}`;
  if (missing === 0) return ` ${l10n.t('All {0} modules {1} requires are in the cache.', o.modules.length, o.goMod)}`;
  return ` ${l10n.t(
    '{0} of the {1} modules {2} requires are not in the cache (listed below): builds that need them fail offline.',
    missing,
    o.modules.length,
    o.goMod,
  )}`;
}

/** "Work offline": the new value first, then the modules go.mod needs that the cache lacks. */
export function offlinePickModel(plan: ProxyPlan, l10n: L10n = ENGLISH): PickModel {
  const o = plan.offline!;
  const value = redact(plan.value ?? '');
  const missing = missingModules(o.modules);
  const cacheNote = o.cacheExists ? '' : ` ${l10n.t('{0} does not exist yet: nothing is cached.', o.cacheDir)}`;
  const modulesNote = offlineModulesNote(o, missing.length, l10n);
  const workOffline = l10n.t('Work offline from the module cache');
  const entries: PickEntry[] = [
    {
      label: `$(database) ${workOffline}`,
      description: `GOPROXY=${value}`,
      detail: `${l10n.t(
        'Puts {0} first in GOPROXY, so builds use cached modules without the network; writes {1} (now {2}).',
        o.cacheDir,
        plan.envFile,
        showSetting(plan.previous, l10n),
      )}${cacheNote}${modulesNote} ${undoHint(l10n)}`,
      action: { kind: 'write' },
    },
  ];
  if (missing.length > 0 && !o.goModProblem) {
    // Short: VS Code draws a separator's label over the next row's right end.
    entries.push({ label: l10n.t('not in the module cache'), separator: true });
    for (const m of missing) {
      const line = m.replacedBy
        ? l10n.t('go.mod line {0}, replaced by {1}.', m.line, m.replacedBy)
        : l10n.t('go.mod line {0}.', m.line);
      entries.push({
        label: `$(warning) ${m.path} ${m.version}`,
        description: m.status === 'missing' ? l10n.t('missing') : l10n.t('only its go.mod is cached (no source)'),
        detail: `${line} ${l10n.t('Fetch it while online with {0}.', `\`go mod download ${m.path}\``)}`,
      });
    }
  }
  return {
    title:
      missing.length === 0
        ? l10n.t('Go Env: work offline from the module cache')
        : missing.length === 1
          ? l10n.t('Go Env: work offline from the module cache (1 module missing)')
          : l10n.t('Go Env: work offline from the module cache ({0} modules missing)', missing.length),
    placeholder:
      missing.length === 0
        ? l10n.t('Press Enter to switch, or Escape to cancel')
        : missing.length === 1
          ? l10n.t('1 module is missing from the cache. Press Enter to switch anyway, or Escape to cancel')
          : l10n.t(
              '{0} modules are missing from the cache. Press Enter to switch anyway, or Escape to cancel',
              missing.length,
            ),
    rowHint: l10n.t(
      'The rows below the first are the modules missing from the cache. Choose "{0}" to switch, or press Escape.',
      workOffline,
    ),
    entries,
  };
}

/**
 * GOPROXY comes from the OS environment, so writing the go env file would change nothing: say so,
 * and offer the places to change it instead (nothing is written).
 */
export function overridePickModel(
  plan: ProxyPlan,
  override: EnvironmentOverride,
  c: OverrideContext,
  l10n: L10n = ENGLISH,
): PickModel {
  const wanted = plan.value ?? '';
  const entries: PickEntry[] = override.sources.slice(0, 4).map((s: OverrideSource) => ({
    label: `$(go-to-file) ${l10n.t('Open {0}', `${tildify(s.file, c.homeDir)}:${s.line}`)}`,
    description: l10n.t('sets GOPROXY'),
    detail: redact(s.text),
    action: { kind: 'openSource', file: s.file, line: s.line },
  }));
  entries.push({
    label: `$(settings-gear) ${l10n.t('Open VS Code settings: {0}', 'go.toolsEnvVars')}`,
    description:
      c.toolsEnvVarsGoproxy !== undefined
        ? l10n.t('sets {0}', `GOPROXY=${redact(c.toolsEnvVarsGoproxy)}`)
        : l10n.t("the Go extension's tool environment"),
    detail: l10n.t(
      'VS Code passes these variables to the Go tools it starts; also check terminal.integrated.env.* for the terminal.',
    ),
    action: { kind: 'openSettings', query: 'go.toolsEnvVars' },
  });
  if (wanted) {
    entries.push({
      label: `$(copy) ${l10n.t('Copy {0}', `GOPROXY=${redact(wanted)}`)}`,
      description: plan.mode === 'offline' ? l10n.t('the module cache first') : l10n.t('the value the ranking chose'),
      detail: l10n.t(
        'To paste where GOPROXY is set now (or remove it there, restart VS Code, and run this fix again).',
      ),
      action: { kind: 'copy', text: `GOPROXY=${wanted}` },
    });
  }
  if (plan.mode === 'auto') entries.push(...rankingSection(plan, l10n));
  const nothing = l10n.t('Nothing was written.');
  return {
    title: l10n.t(
      'Go Env: {0} is set in the OS environment, so the go env file cannot change it',
      `GOPROXY=${redact(override.value)}`,
    ),
    placeholder: `${nothing} ${redact(override.explanation)}`,
    rowHint: `${nothing} ${l10n.t('Choose where to change GOPROXY, or press Escape.')}`,
    entries,
  };
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
