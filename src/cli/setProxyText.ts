// What set-proxy and restore-proxy print for a person: the ranking, the plan, the outcome, in the
// user's language (the --json documents are setProxyJson.ts).
import * as path from 'node:path';
import type { Lang } from '../core/i18n/lang';
import { msg, type Message } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import type { RestoreResult, WriteOutcome } from '../core/proxyRewrite/apply';
import type { FileSetting } from '../core/proxyRewrite/goEnv';
import { describePlannedValue, type ProxyPlan } from '../core/proxyRewrite/plan';
import type { RankingRow } from '../core/proxyRewrite/rank';
import { redact } from '../core/redact';
import { displayWidth } from '../core/report/displayWidth';
import { formatMedianMs } from '../core/units';
import { restoreSummary } from './setProxyJson';

type T = (m: Message) => string;

const translator =
  (lang: Lang): T =>
  (m) =>
    render(m, lang);

/** `text` padded with spaces to `width` display columns (Chinese headings are two columns a character). */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function showFile(t: T, s: FileSetting, effective?: string): string {
  const setting = !s.inFile
    ? t(msg('cli.setProxy.file.notSet'))
    : s.value === ''
      ? t(msg('cli.setProxy.file.empty'))
      : redact(s.value);
  if (effective === undefined) return setting;
  if (s.inFile && s.value !== '') return setting;
  const uses = redact(effective) || t(msg('cli.setProxy.file.default'));
  return t(msg('cli.setProxy.file.uses', { setting, effective: uses }));
}

export function renderRanking(rows: readonly RankingRow[], lang: Lang = 'en'): string {
  if (rows.length === 0) return '';
  const t = translator(lang);
  const urlWidth = Math.min(60, Math.max(6, ...rows.map((r) => r.display.length)));
  const median = t(msg('cli.setProxy.col.median'));
  const lines = [
    `  ${pad(t(msg('cli.setProxy.col.mirror')), urlWidth + 2)}  ${' '.repeat(Math.max(0, 8 - displayWidth(median)))}${median}  ${t(msg('cli.setProxy.col.verdict'))}`,
  ];
  let first = true;
  for (const r of rows) {
    const ms = r.medianMs === null ? '—' : formatMedianMs(r.medianMs);
    const verdict = r.healthy
      ? t(msg(first ? 'cli.setProxy.row.fastest' : 'cli.setProxy.row.healthy'))
      : t(msg('cli.setProxy.row.rejected', { reason: redact(r.reason ?? t(msg('cli.setProxy.row.unknown'))) }));
    if (r.healthy) first = false;
    lines.push(`  ${r.healthy ? '✓' : '✗'} ${r.display.padEnd(urlWidth)}  ${ms.padStart(8)}  ${verdict}`);
  }
  return lines.join('\n') + '\n';
}

function offlineLines(t: T, o: NonNullable<ProxyPlan['offline']>): string {
  let out = `${t(msg(o.cacheExists ? 'cli.setProxy.cache' : 'cli.setProxy.cache.absent', { dir: o.cacheDir }))}\n`;
  if (!o.goMod) return `${out}${t(msg('cli.setProxy.noGoMod'))}\n`;
  const missing = o.modules.filter((m) => m.status !== 'cached');
  const goMod = o.goMod;
  if (o.goModProblem) return `${out}${t(msg('cli.setProxy.goMod.unreadable', { goMod, problem: o.goModProblem }))}\n`;
  if (missing.length === 0)
    return `${out}${t(msg('cli.setProxy.goMod.allCached', { count: o.modules.length, goMod }))}\n`;
  out += `${t(msg('cli.setProxy.goMod.someMissing', { missing: missing.length, count: o.modules.length, goMod }))}\n`;
  for (const m of missing) {
    const status = t(msg(m.status === 'missing' ? 'cli.setProxy.module.missing' : 'cli.setProxy.module.modOnly'));
    const replaced = m.replacedBy ? t(msg('cli.setProxy.module.replaced', { by: m.replacedBy })) : '';
    out += `  ${m.path} ${m.version}  ${status}${replaced}   go.mod:${m.line}\n`;
  }
  return `${out}${t(msg('cli.setProxy.fetch', { dir: path.dirname(goMod) }))}\n`;
}

export function renderPlan(plan: ProxyPlan, lang: Lang = 'en'): string {
  const t = translator(lang);
  let out = '';
  if (plan.ranking) {
    const ref = plan.ranking.reference;
    const count = plan.ranking.rows.length;
    const healthy = plan.ranking.rows.filter((r) => r.healthy).length;
    const ms = plan.ranking.durationMs;
    out += `${t(msg(count === 1 ? 'cli.setProxy.checked.one' : 'cli.setProxy.checked.many', { count, ms, healthy }))}\n`;
    const refWords = { module: ref.module, version: ref.version, detail: redact(ref.detail) };
    out += `${t(ref.hash ? msg('cli.setProxy.reference.hash', { ...refWords, hash: ref.hash }) : msg('cli.setProxy.reference', refWords))}\n`;
    out += renderRanking(plan.ranking.rows, lang);
    if (plan.blocked)
      out += `\n${t(msg('cli.setProxy.blocked', { previous: showFile(t, plan.previous, plan.previousEffective) }))}\n`;
  }
  if (plan.offline) out += offlineLines(t, plan.offline);
  if (plan.sumdb) out += `\n${t(msg('cli.setProxy.sumdb', { message: plan.sumdb.message }))}\n`;
  return out;
}

export function renderResult(
  plan: ProxyPlan,
  outcome: WriteOutcome | undefined,
  dryRun: boolean,
  lang: Lang = 'en',
): string {
  if (plan.value === undefined) return '';
  const t = translator(lang);
  let out = `\n${t(msg('cli.setProxy.inFile', { file: plan.envFile }))}\n`;
  out += `${t(msg('cli.setProxy.before', { value: showFile(t, plan.previous, plan.previousEffective) }))}\n`;
  out += `${t(msg('cli.setProxy.after', { value: redact(plan.value) }))}\n`;
  const words = describePlannedValue(plan);
  if (words) out += `  (${redact(words)})\n`;
  const override = outcome ? outcome.override : plan.override;
  if (dryRun) out += `\n${t(msg(plan.unchanged ? 'cli.setProxy.dryRun.unchanged' : 'cli.setProxy.dryRun'))}\n`;
  else if (outcome && !outcome.written) out += `\n${t(msg('cli.setProxy.unchanged'))}\n`;
  else if (outcome) {
    out += `\n${t(msg('cli.setProxy.written'))}\n`;
    if (outcome.otherSettingsChanged.length) {
      const names = outcome.otherSettingsChanged.join(', ');
      out += `${t(msg('cli.setProxy.otherChanged', { names, file: plan.envFile }))}\n`;
    }
  }
  if (override) {
    const key = dryRun ? 'cli.setProxy.override.dryRun' : 'cli.setProxy.override';
    out += `\n${t(msg(key, { value: redact(override.value) }))}\n    ${redact(override.explanation)}\n`;
  }
  return out;
}

export function renderRestore(r: RestoreResult, lang: Lang = 'en'): string {
  const t = translator(lang);
  if (!r.restored)
    return `${t(msg('cli.restore.nothing', { reason: r.reason }))}\n${t(msg('cli.restore.kept', { file: r.stateFile }))}\n`;
  let out = `${restoreSummary(r)}\n`;
  out += `${t(msg('cli.setProxy.before', { value: showFile(t, r.replaced) }))}\n`;
  out += `${t(msg('cli.setProxy.after', { value: showFile(t, r.now, r.outcome.effective) }))}\n`;
  if (r.changedSince) {
    const wrote = redact(r.change.wrote['GOPROXY'] ?? '');
    out += `${t(msg('cli.restore.changedSince', { value: showFile(t, r.replaced), wrote }))}\n`;
  }
  if (r.outcome.override) {
    const o = r.outcome.override;
    out += `${t(msg('cli.restore.override', { value: redact(o.value), explanation: redact(o.explanation) }))}\n`;
  }
  return out;
}
