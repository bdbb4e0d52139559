// The proxy quick fixes (FixAction kinds setProxyAuto, setProxy, restoreProxy, workOffline), performed in
// the editor through src/core/proxyRewrite: rank the candidate mirrors (cancellable: the fix's
// CancellationToken aborts every probe), show the ranking in a quick pick, write on confirmation
// with `go env -w` (the previous value saved first), and undo. When GOPROXY comes from the OS
// environment, nothing is written: the pick says so and opens the place to change it instead.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { proxyValueOf } from '../../core/checks/fixes';
import type { FixAction } from '../../core/findings';
import type { Platform } from '../../core/platform';
import type { RestoreResult } from '../../core/proxyRewrite/apply';
import type { ProxyPlan } from '../../core/proxyRewrite/plan';
import { redact } from '../../core/redact';
import { signalFor } from '../cancellation';
import { Commands } from '../commands';
import { showError } from '../showError';
import type { Ctx } from '../context';
import type { FixContext, FixOutcome, FixRegistry } from '../fixes/registry';
import { mirrorCandidates } from './candidates';
import { restoredMessage, writtenMessage } from './messages';
import { loadFixBundle } from '../fixes/loadBundle';
import {
  autoPickModel,
  blockedPickModel,
  offlinePickModel,
  overridePickModel,
  rankingLog,
  showSetting,
  type PickEntry,
  type PickModel,
  type ProxyPickAction,
} from './presentation';

export interface ProxyFixSettings {
  /** goEnv.goPath, when the report names no go. */
  goPath?: string | undefined;
  /** Per request and per go invocation. */
  probeTimeoutMs: number;
  extraMirrors: string[];
  /** goEnv.proxyCandidates: replaces the built-in public mirrors when non-empty. */
  proxyCandidates: string[];
}

export interface ProxyFixDeps {
  /** The environment the go command runs with (not VS Code's http.proxy view). */
  platform(): Platform;
  settings(): ProxyFixSettings;
  /** Where "Work offline" looks for go.mod when the finding names no file. */
  workspaceDir(): string | undefined;
  /** Called with each quick pick once it is shown (the integration tests drive it). */
  onPick?(pick: vscode.QuickPick<vscode.QuickPickItem>): void;
}

type SetProxyAction = Extract<FixAction, { kind: 'setProxy' }>;
type Handler = (action: unknown, ctx: FixContext) => Promise<FixOutcome>;

export interface ProxyFixHandlers {
  setProxyAuto: Handler;
  setProxy: Handler;
  restoreProxy: Handler;
  workOffline: Handler;
}

/** Registers the three proxy fix kinds; the one call the extension makes at activation. */
export function registerProxyFixes(registry: FixRegistry, ctx: Ctx): vscode.Disposable {
  const h = proxyFixHandlers(extensionDeps(ctx));
  return vscode.Disposable.from(
    registry.register('setProxyAuto', h.setProxyAuto),
    registry.register('setProxy', h.setProxy),
    registry.register('restoreProxy', h.restoreProxy),
    registry.register('workOffline', h.workOffline),
  );
}

function extensionDeps(ctx: Ctx): ProxyFixDeps {
  return {
    platform: () => ctx.goPlatform(),
    settings: () => {
      const s = ctx.settings();
      const candidates = ctx.proxyCandidates();
      if (candidates.ignoredWorkspaceValue)
        ctx.log.warn('goEnv.proxyCandidates from the untrusted workspace is ignored');
      return {
        ...(s.goPath ? { goPath: s.goPath } : {}),
        probeTimeoutMs: s.probeTimeoutMs,
        extraMirrors: s.extraMirrors,
        proxyCandidates: candidates.candidates,
      };
    },
    workspaceDir: () => vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath,
  };
}

/** The handlers, with their dependencies passed in (tests give their own platform and settings). */
export function proxyFixHandlers(deps: ProxyFixDeps): ProxyFixHandlers {
  return {
    setProxyAuto: (_action, ctx) => withAbort(ctx, (signal) => setProxyAuto(deps, ctx, signal)),
    setProxy: (action, ctx) =>
      withAbort(ctx, (signal) => setProxyValue(deps, ctx, signal, proxyValueOf(action as SetProxyAction))),
    restoreProxy: (_action, ctx) => withAbort(ctx, (signal) => restore(deps, ctx, signal)),
    workOffline: (_action, ctx) => withAbort(ctx, (signal) => workOffline(deps, ctx, signal)),
  };
}

const NOTHING_CHANGED: FixOutcome = { rediagnose: false };

/** VS Code CancellationToken → AbortSignal; a cancelled run changes nothing and says so in the log. */
async function withAbort(ctx: FixContext, body: (signal: AbortSignal) => Promise<FixOutcome>): Promise<FixOutcome> {
  const { signal, dispose } = signalFor(ctx.token);
  try {
    return await body(signal);
  } catch (err) {
    if (signal.aborted) {
      ctx.log.info(`${ctx.fix.title}: cancelled; nothing was written`);
      return NOTHING_CHANGED;
    }
    throw err;
  } finally {
    dispose();
  }
}

function goPathFor(deps: ProxyFixDeps, ctx: FixContext): string | undefined {
  return ctx.report.go.path ?? deps.settings().goPath;
}

// ---------------------------------------------------------------------------------------------
// Switch GOPROXY to the fastest working mirror

async function setProxyAuto(deps: ProxyFixDeps, ctx: FixContext, signal: AbortSignal): Promise<FixOutcome> {
  const core = loadFixBundle().proxyRewrite;
  const settings = deps.settings();
  const platform = deps.platform();
  const current = ctx.report.env['GOPROXY']?.value ?? platform.env['GOPROXY'] ?? '';
  const candidates = mirrorCandidates({
    builtin: core.builtinMirrors(platform.env),
    configured: settings.proxyCandidates,
    extraMirrors: settings.extraMirrors,
    currentGoproxy: current,
  });
  if (candidates.skipped.length)
    ctx.log.warn(`not probed (not an http(s) mirror URL): ${candidates.skipped.map(redact).join(', ')}`);
  ctx.log.info(`probing ${candidates.urls.length} mirror(s): ${candidates.urls.map(redact).join(', ')}`);
  const plan = await core.planProxyChange({
    platform,
    goPath: goPathFor(deps, ctx),
    mode: { kind: 'auto', candidates: candidates.urls },
    timeoutMs: settings.probeTimeoutMs,
    signal,
  });
  signal.throwIfAborted();
  for (const line of rankingLog(plan)) ctx.log.info(line);

  if (plan.value === undefined) {
    ctx.log.warn(`no healthy mirror: GOPROXY left as it is (${redact(plan.previousEffective)})`);
    await choose(blockedPickModel(plan, vscode.l10n), ctx.token, deps.onPick);
    return NOTHING_CHANGED;
  }
  return confirmAndWrite(deps, ctx, signal, plan, autoPickModel(plan, vscode.l10n));
}

// ---------------------------------------------------------------------------------------------
// Use a GOPROXY value a finding names (the user chose that exact value: no confirmation)

async function setProxyValue(
  deps: ProxyFixDeps,
  ctx: FixContext,
  signal: AbortSignal,
  value: string,
): Promise<FixOutcome> {
  const plan = await loadFixBundle().proxyRewrite.planProxyChange({
    platform: deps.platform(),
    goPath: goPathFor(deps, ctx),
    mode: { kind: 'value', value },
    timeoutMs: deps.settings().probeTimeoutMs,
    signal,
  });
  signal.throwIfAborted();
  return confirmAndWrite(deps, ctx, signal, plan, undefined);
}

// ---------------------------------------------------------------------------------------------
// Work offline from the module cache

async function workOffline(deps: ProxyFixDeps, ctx: FixContext, signal: AbortSignal): Promise<FixOutcome> {
  const core = loadFixBundle().proxyRewrite;
  const settings = deps.settings();
  const cwd = ctx.finding.location?.file
    ? path.dirname(ctx.finding.location.file)
    : (deps.workspaceDir() ?? os.homedir());
  const plan = await core.planProxyChange({
    platform: deps.platform(),
    goPath: goPathFor(deps, ctx),
    mode: { kind: 'offline', cwd },
    timeoutMs: settings.probeTimeoutMs,
    signal,
  });
  signal.throwIfAborted();
  const missing = plan.offline?.modules.filter((m) => m.status !== 'cached') ?? [];
  ctx.log.info(
    `offline plan: ${plan.offline?.cacheDir}; ${missing.length} module(s) of ${plan.offline?.goMod ?? 'no go.mod'} not cached${missing.length ? `: ${missing.map((m) => `${m.path}@${m.version} (${m.status})`).join(', ')}` : ''}`,
  );
  return confirmAndWrite(deps, ctx, signal, plan, offlinePickModel(plan, vscode.l10n));
}

/** Shared by every write: the override case, the confirmation (when there is a model), the write, the message. */
async function confirmAndWrite(
  deps: ProxyFixDeps,
  ctx: FixContext,
  signal: AbortSignal,
  plan: ProxyPlan,
  model: PickModel | undefined,
): Promise<FixOutcome> {
  if (plan.override) {
    ctx.log.warn(
      `GOPROXY is set in the OS environment (${redact(plan.override.value)}): nothing written. ${redact(plan.override.explanation)}`,
    );
    const toolsEnv = vscode.workspace.getConfiguration('go').get<Record<string, unknown>>('toolsEnvVars')?.['GOPROXY'];
    const picked = await choose(
      overridePickModel(
        plan,
        plan.override,
        {
          homeDir: deps.platform().homeDir,
          ...(typeof toolsEnv === 'string' ? { toolsEnvVarsGoproxy: toolsEnv } : {}),
        },
        vscode.l10n,
      ),
      ctx.token,
      deps.onPick,
    );
    if (picked) await perform(picked);
    return NOTHING_CHANGED;
  }
  if (plan.unchanged) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Go Env: GOPROXY in {0} already is {1}; nothing to change.',
        plan.envFile,
        showSetting(plan.previous, vscode.l10n),
      ),
    );
    return NOTHING_CHANGED;
  }
  const picked = model ? await choose(model, ctx.token, deps.onPick) : { kind: 'write' };
  if (picked?.kind !== 'write') {
    ctx.log.info(`${ctx.fix.title}: ${signal.aborted ? 'cancelled' : 'not confirmed'}; nothing was written`);
    return NOTHING_CHANGED;
  }
  const core = loadFixBundle().proxyRewrite;
  const outcome = await core.applyProxyChange(plan, {
    platform: deps.platform(),
    timeoutMs: deps.settings().probeTimeoutMs,
    signal,
  });
  const message = writtenMessage(plan, outcome, vscode.l10n);
  ctx.log.info(`${message.text}${outcome.goStderr ? ` (go said: ${outcome.goStderr})` : ''}`);
  announce(message, outcome.written ? () => undo(deps, ctx.log, plan.goPath) : undefined);
  return { rediagnose: outcome.written };
}

// ---------------------------------------------------------------------------------------------
// Restore previous Go proxy settings

async function restore(deps: ProxyFixDeps, ctx: FixContext, signal: AbortSignal): Promise<FixOutcome> {
  const core = loadFixBundle().proxyRewrite;
  const r = await core.restoreProxy({
    platform: deps.platform(),
    goPath: goPathFor(deps, ctx),
    timeoutMs: deps.settings().probeTimeoutMs,
    signal,
  });
  signal.throwIfAborted();
  const message = restoredMessage(r, vscode.l10n);
  ctx.log.info(message.text);
  announce(message);
  return { rediagnose: r.restored };
}

/** The "Undo" button of a write message: restore, then diagnose again. */
async function undo(deps: ProxyFixDeps, log: vscode.LogOutputChannel, goPath: string): Promise<void> {
  const core = loadFixBundle().proxyRewrite;
  // The go that wrote the change: it names the same go env file.
  let r: RestoreResult;
  try {
    r = await core.restoreProxy({ platform: deps.platform(), goPath, timeoutMs: deps.settings().probeTimeoutMs });
  } catch (err) {
    showError(log, vscode.l10n.t('the undo'), err);
    return;
  }
  const message = restoredMessage(r, vscode.l10n);
  log.info(message.text);
  announce(message);
  if (r.restored) void vscode.commands.executeCommand(Commands.diagnose);
}

// ---------------------------------------------------------------------------------------------
// UI

/** Shown without waiting: the fix is done; the message stays until the user closes it. */
function announce(message: { text: string; severity: 'info' | 'warning' }, onUndo?: () => Promise<void>): void {
  const undoLabel = vscode.l10n.t('Undo');
  const buttons = onUndo ? [undoLabel] : [];
  const shown =
    message.severity === 'warning'
      ? vscode.window.showWarningMessage(message.text, ...buttons)
      : vscode.window.showInformationMessage(message.text, ...buttons);
  void shown.then((choice) => {
    if (choice === undoLabel && onUndo) void onUndo();
  });
}

interface Item extends vscode.QuickPickItem {
  action?: ProxyPickAction;
}

function toItem(e: PickEntry): Item {
  if (e.separator) return { label: e.label, kind: vscode.QuickPickItemKind.Separator };
  return {
    label: e.label,
    ...(e.description !== undefined ? { description: e.description } : {}),
    ...(e.detail !== undefined ? { detail: e.detail } : {}),
    ...(e.action ? { action: e.action } : {}),
    alwaysShow: true,
  };
}

/**
 * Shows the model; resolves with the chosen action, or undefined when closed (Escape, another
 * quick input, or the fix cancelled). Choosing an information row keeps it open with a hint.
 */
function choose(
  model: PickModel,
  token: vscode.CancellationToken,
  onPick?: ProxyFixDeps['onPick'],
): Promise<ProxyPickAction | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = model.title;
  pick.placeholder = model.placeholder;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const items = model.entries.map(toItem);
  pick.items = items;
  const first = items.find((i) => i.action);
  if (first) pick.activeItems = [first];
  return new Promise((resolve) => {
    let settled = false;
    const subs: vscode.Disposable[] = [];
    const done = (action: ProxyPickAction | undefined) => {
      if (settled) return;
      settled = true;
      for (const s of subs) s.dispose();
      pick.hide();
      pick.dispose();
      resolve(action);
    };
    subs.push(
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (item?.action) done(item.action);
        else if (!first) done(undefined);
        else pick.placeholder = model.rowHint;
      }),
      pick.onDidHide(() => done(undefined)),
      token.onCancellationRequested(() => done(undefined)),
    );
    pick.show();
    onPick?.(pick);
  });
}

async function perform(a: ProxyPickAction): Promise<void> {
  switch (a.kind) {
    case 'openSource': {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(a.file));
      const line = Math.max(0, Math.min(a.line - 1, doc.lineCount - 1));
      await vscode.window.showTextDocument(doc, {
        selection: new vscode.Range(line, 0, line, doc.lineAt(line).text.length),
      });
      return;
    }
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', a.query);
      return;
    case 'copy':
      await vscode.env.clipboard.writeText(a.text);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Go Env: copied. Paste it where GOPROXY is set now, then restart VS Code.'),
      );
      return;
    case 'write':
      return;
  }
}
