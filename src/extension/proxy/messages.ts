// The messages after a proxy fix wrote or restored the go env file. Pure (no `vscode`): the words
// come through the L10n passed in; unit-tested without VS Code.
import type { RestoreResult, WriteOutcome } from '../../core/proxyRewrite/apply';
import type { EnvironmentOverride, ProxyPlan } from '../../core/proxyRewrite/plan';
import { redact } from '../../core/redact';
import { ENGLISH, type L10n } from '../l10n';
import { missingModules, showSetting, sumdbNote } from './presentation';

function overrideWarning(o: EnvironmentOverride, l10n: L10n): string {
  return `${l10n.t(
    '{0} in the OS environment still wins, so the go command keeps using that.',
    `GOPROXY=${redact(o.value)}`,
  )} ${redact(o.explanation)}`;
}

/** What "Work offline" says after writing, about the modules the cache lacks. */
function offlineTail(offline: NonNullable<ProxyPlan['offline']>, l10n: L10n): { text: string; missing: number } {
  const missing = missingModules(offline.modules);
  if (missing.length === 0)
    return {
      text: offline.goMod ? ` ${l10n.t('Every module {0} requires is cached.', offline.goMod)}` : '',
      missing: 0,
    };
  const names = missing
    .slice(0, 3)
    .map((m) => `${m.path}@${m.version}`)
    .join(', ');
  const list = missing.length > 3 ? l10n.t('{0} and {1} more', names, missing.length - 3) : names;
  const text =
    missing.length === 1
      ? l10n.t('Missing from the cache: {0}; fetch it while online with {1}.', list, '`go mod download`')
      : l10n.t('Missing from the cache: {0}; fetch them while online with {1}.', list, '`go mod download`');
  return { text: ` ${text}`, missing: missing.length };
}

/** After "Switch GOPROXY…" or "Work offline" wrote the go env file. */
export function writtenMessage(
  plan: ProxyPlan,
  outcome: WriteOutcome,
  l10n: L10n = ENGLISH,
): { text: string; severity: 'info' | 'warning' } {
  const value = redact(plan.value ?? '');
  const where = plan.envFile;
  if (outcome.override) {
    return {
      severity: 'warning',
      text: l10n.t(
        'Go Env: wrote {0} to {1}, but it does not take effect: {2}',
        `GOPROXY=${value}`,
        where,
        overrideWarning(outcome.override, l10n),
      ),
    };
  }
  const others = outcome.otherSettingsChanged.length
    ? ` ${l10n.t('go also changed {0} in that file; check it.', outcome.otherSettingsChanged.join(', '))}`
    : '';
  const was = showSetting(plan.previous, l10n);
  if (!outcome.written)
    return {
      severity: 'info',
      text: l10n.t('Go Env: {0} already holds {1}; nothing was written.', where, `GOPROXY=${value}`),
    };
  if (plan.mode === 'offline' && plan.offline) {
    const tail = offlineTail(plan.offline, l10n);
    return {
      severity: tail.missing ? 'warning' : 'info',
      text: `${l10n.t('Go Env: GOPROXY now starts with the module cache, in {0} (was {1}).', where, was)}${tail.text}${others}`,
    };
  }
  return {
    severity: 'info',
    text: `${l10n.t('Go Env: GOPROXY is now {0}, in {1} (was {2}).', value, where, was)}${sumdbNote(plan)}${others}`,
  };
}

export function restoredMessage(
  r: RestoreResult,
  l10n: L10n = ENGLISH,
): { text: string; severity: 'info' | 'warning' } {
  if (!r.restored) return { severity: 'info', text: `${l10n.t('Go Env: nothing to restore.')} ${r.reason}` };
  const now = r.now.inFile ? `GOPROXY=${showSetting(r.now, l10n)}` : l10n.t('GOPROXY unset ({0})', 'go env -u');
  let text = l10n.t('Go Env: restored {0} in {1}, as it was before the change of {2}.', now, r.envFile, r.change.at);
  if (r.changedSince)
    text += ` ${l10n.t(
      'GOPROXY had been changed to {0} after that; that value was replaced too.',
      showSetting(r.replaced, l10n),
    )}`;
  if (r.outcome.override) return { severity: 'warning', text: `${text} ${overrideWarning(r.outcome.override, l10n)}` };
  return { severity: 'info', text };
}
