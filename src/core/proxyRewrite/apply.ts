// Writing a planned GOPROXY through `go env -w` (the previous value saved first), and undoing the
// newest saved change. Both check the result with go itself: what the go env file now holds,
// that no other setting in it changed, and what `go env` reports as effective.
import { doctorError } from '../errors';
import { msg, type Message } from '../i18n/message';
import type { Platform } from '../platform';
import { redact } from '../redact';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './defaults';
import { changeGoEnv, fileSettings, readGoSettings, type FileSetting, type GoSettings } from './goEnv';
import { dropChange, historyFile, latestChange, pushChange, type SavedChange } from './history';
import { describeOverrideSources, findOverrideSources } from './overrideSources';
import { resolveGo, type EnvironmentOverride, type ProxyPlan } from './plan';

export interface WriteOutcome {
  /** The go env file was changed. */
  written: boolean;
  /** GOPROXY as the go command uses it after the change. */
  effective: string;
  /** GOPROXY in the go env file after the change. */
  file: FileSetting;
  /** The OS environment still decides GOPROXY, so the file's value has no effect yet. */
  override?: EnvironmentOverride;
  /** Settings other than GOPROXY whose value in the go env file changed (should be none). */
  otherSettingsChanged: string[];
  /** What go printed on stderr (its own override warning, say). */
  goStderr: string;
}

export interface ApplyOptions {
  platform: Platform;
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
}

function sameSetting(a: FileSetting, b: FileSetting): boolean {
  return a.inFile === b.inFile && (!a.inFile || (b.inFile && a.value === b.value));
}

function showSetting(s: FileSetting): Message | string {
  return s.inFile ? `"${redact(s.value)}"` : msg('proxyRewrite.changed.notSet');
}

/** Names whose last value differs between two go env file texts, `except` aside. */
function changedSettings(before: string | undefined, after: string | undefined, except: string): string[] {
  const a = fileSettings(before);
  const b = fileSettings(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  names.delete(except);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}

async function outcome(
  goPath: string,
  p: Platform,
  before: GoSettings,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  goStderr: string,
): Promise<WriteOutcome> {
  const after = await readGoSettings(goPath, p, timeoutMs, signal);
  const effective = after.effective['GOPROXY'] ?? '';
  const fileValue = after.file('GOPROXY');
  const fromOs = after.fromOs('GOPROXY');
  const out: WriteOutcome = {
    written: true,
    effective,
    file: fileValue,
    otherSettingsChanged: changedSettings(before.envFileText, after.envFileText, 'GOPROXY'),
    goStderr: redact(goStderr.trim()),
  };
  if (fromOs !== undefined && (!fileValue.inFile || fromOs !== fileValue.value)) {
    const sources = await findOverrideSources('GOPROXY', p);
    out.override = { value: fromOs, sources, explanation: describeOverrideSources('GOPROXY', sources, p) };
  }
  return out;
}

/**
 * Writes `plan.value` with `go env -w GOPROXY=...`, after saving the previous value. Refuses when
 * the go env file changed since the plan was made (plan again), or when the plan has no value.
 */
export async function applyProxyChange(plan: ProxyPlan, o: ApplyOptions): Promise<WriteOutcome> {
  const p = o.platform;
  const timeoutMs = o.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (plan.value === undefined)
    throw doctorError(
      'proxy.nothingToWrite',
      msg('proxyRewrite.nothingToWrite.message', {
        why: plan.blockedText ?? plan.blocked ?? msg('proxyRewrite.noValue'),
      }),
      msg('proxyRewrite.nothingToWrite.remedy'),
    );
  const before = await readGoSettings(plan.goPath, p, timeoutMs, o.signal);
  if (before.envFile !== plan.envFile || !sameSetting(before.file('GOPROXY'), plan.previous)) {
    throw doctorError(
      'proxy.changedSincePlan',
      msg('proxyRewrite.changed.message', {
        file: before.envFile ?? msg('proxyRewrite.changed.envFile'),
        before: showSetting(plan.previous),
        now: showSetting(before.file('GOPROXY')),
      }),
      msg('proxyRewrite.changed.remedy'),
    );
  }
  if (plan.unchanged) {
    const same = await outcome(plan.goPath, p, before, timeoutMs, o.signal, '');
    return { ...same, written: false };
  }
  const change: SavedChange = {
    at: new Date(p.now()).toISOString(),
    kind: plan.mode,
    envFile: plan.envFile,
    goPath: plan.goPath,
    before: { GOPROXY: plan.previous },
    wrote: { GOPROXY: plan.value },
  };
  // Saved before writing: whatever happens next, restore-proxy knows what was there.
  await pushChange(p, change);
  let w: { stderr: string };
  try {
    w = await changeGoEnv(plan.goPath, p, { name: 'GOPROXY', value: plan.value }, timeoutMs, o.signal);
  } catch (err) {
    await dropChange(p, change);
    throw err;
  }
  return outcome(plan.goPath, p, before, timeoutMs, o.signal, w.stderr);
}

export interface RestoreOptions {
  platform: Platform;
  goPath?: string | undefined;
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
}

export type RestoreResult =
  | {
      restored: true;
      goPath: string;
      envFile: string;
      /** The saved change that was undone. */
      change: SavedChange;
      /** GOPROXY in the file just before the restore. */
      replaced: FileSetting;
      /** Someone changed GOPROXY after go-env-doctor wrote it; that later value was replaced too. */
      changedSince: boolean;
      /** GOPROXY in the file now (what was there before the change). */
      now: FileSetting;
      outcome: WriteOutcome;
    }
  | {
      restored: false;
      goPath: string;
      envFile: string;
      current: FileSetting;
      effective: string;
      reason: string;
      stateFile: string;
    };

/** Undoes the newest saved change to this go env file: `go env -w` the old value, or `go env -u` when it was unset. */
export async function restoreProxy(o: RestoreOptions): Promise<RestoreResult> {
  const p = o.platform;
  const timeoutMs = o.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const go = await resolveGo(p, o.goPath, timeoutMs, o.signal);
  const change = await latestChange(p, go.envFile);
  const current = go.settings.file('GOPROXY');
  if (!change) {
    return {
      restored: false,
      goPath: go.goPath,
      envFile: go.envFile,
      current,
      effective: go.settings.effective['GOPROXY'] ?? '',
      stateFile: historyFile(p),
      reason: `go-env-doctor has no saved GOPROXY for ${go.envFile}: it has not changed it (or every change was already restored). GOPROXY there is ${showSetting(current)}.`,
    };
  }
  let stderr = '';
  for (const [name, was] of Object.entries(change.before)) {
    const r = await changeGoEnv(
      go.goPath,
      p,
      was.inFile ? { name, value: was.value } : { name, unset: true },
      timeoutMs,
      o.signal,
    );
    stderr += r.stderr;
  }
  await dropChange(p, change);
  const out = await outcome(go.goPath, p, go.settings, timeoutMs, o.signal, stderr);
  const wrote = change.wrote['GOPROXY'];
  return {
    restored: true,
    goPath: go.goPath,
    envFile: go.envFile,
    change,
    replaced: current,
    changedSince: wrote !== undefined && !(current.inFile && current.value === wrote),
    now: out.file,
    outcome: out,
  };
}
