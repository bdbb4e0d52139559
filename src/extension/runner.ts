// Runs the core diagnosis for the workspace: one run at a time (a new run cancels the stale
// one), cancellable through a VS Code CancellationToken, logged with timings.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { redact } from '../core/redact';
import type { Report } from '../core/report/model';
import { abortOnCancel } from './cancellation';
import type { Ctx } from './context';
import type { GoModTarget } from './diagnostics/plan';
import { findWorkspaceGoMods, untrustedWorkspaceGoPath } from './workspace';
import { httpSettingsFinding, ignoredGoPathFinding } from './proxy/httpSettings';
import { readEditorGo } from './goExtensionSettings';

export interface DiagnosisOutcome {
  report: Report;
  /** The workspace's go.mod files the report's diagnostics go on. */
  targets: GoModTarget[];
  runId: number;
}

export type RunResult =
  | { kind: 'done'; outcome: DiagnosisOutcome }
  /** A newer run or the user cancelled this one; its result is thrown away. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: Error };

export interface RunOptions {
  deep?: { allowToolchainDownload?: boolean };
}

export class DiagnosisRunner implements vscode.Disposable {
  private runId = 0;
  private controller: AbortController | undefined;
  private lastOutcome: DiagnosisOutcome | undefined;
  private pending: Promise<RunResult> | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private readonly started = new vscode.EventEmitter<void>();
  private readonly finished = new vscode.EventEmitter<DiagnosisOutcome>();
  private readonly failed = new vscode.EventEmitter<Error>();
  readonly onDidStart = this.started.event;
  readonly onDidFinish = this.finished.event;
  readonly onDidFail = this.failed.event;

  constructor(private readonly ctx: Ctx) {}

  get last(): DiagnosisOutcome | undefined {
    return this.lastOutcome;
  }

  get busy(): boolean {
    return this.controller !== undefined;
  }

  /** The running diagnosis if there is one, else a new one. */
  current(reason: string): Promise<RunResult> {
    return this.pending ?? this.run(reason);
  }

  /** Starts a diagnosis, cancelling a running one (its result would be stale); `deep` adds the go referee. */
  run(reason: string, token?: vscode.CancellationToken, options: RunOptions = {}): Promise<RunResult> {
    clearTimeout(this.debounce);
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const id = ++this.runId;
    const onCancel = abortOnCancel(controller, [token], () =>
      this.ctx.log.info(`diagnosis #${id} cancelled by the user`),
    );
    this.started.fire();
    const promise = this.execute(id, reason, controller.signal, options).finally(() => {
      onCancel.dispose();
      if (this.controller === controller) {
        this.controller = undefined;
        this.pending = undefined;
      }
    });
    this.pending = promise;
    return promise;
  }

  /** Runs after `delayMs` of quiet: saves and settings changes come in bursts. */
  schedule(reason: string, delayMs = 300): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.run(reason), delayMs);
  }

  private async execute(id: number, reason: string, signal: AbortSignal, options: RunOptions): Promise<RunResult> {
    const log = this.ctx.log;
    const started = performance.now();
    try {
      const settings = this.ctx.settings();
      if (!vscode.workspace.isTrusted && !settings.ignoredWorkspaceGoPath)
        settings.ignoredWorkspaceGoPath = await untrustedWorkspaceGoPath();
      const http = this.ctx.httpSettings();
      const targets = await findWorkspaceGoMods();
      if (signal.aborted) return { kind: 'cancelled' };
      // Loaded on first use, not at activation: the core pulls in the HTTP stack.
      const { diagnose } = await import('../core/diagnose');
      const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
      const cwd = folder?.uri.fsPath ?? (targets[0] ? path.dirname(targets[0].file) : os.homedir());
      const platform = this.ctx.goPlatform();
      log.info(
        `diagnosis #${id} (${reason}): go ${settings.goPath ? `from goEnv.goPath ${redact(settings.goPath)}` : 'from PATH'}, ` +
          `${targets.length} go.mod file(s), probe timeout ${settings.probeTimeoutMs} ms`,
      );
      if (settings.ignoredWorkspaceGoPath)
        log.warn(`goEnv.goPath from the untrusted workspace is ignored: ${redact(settings.ignoredWorkspaceGoPath)}`);
      const { loadPolicy } = await import('../core/policy/load');
      const { judgeByPolicy, mirrorsToProbe } = await import('../core/policy/judge');
      const policy = await loadPolicy(cwd);
      const trusted = vscode.workspace.isTrusted;
      const mirrors = mirrorsToProbe(settings.extraMirrors, policy, trusted);
      const toolchain = this.ctx.toolchainSettings();
      // When the configured proxies fail: the mirrors "Switch GOPROXY to the fastest working mirror" ranks.
      const { builtinMirrors } = await import('../core/proxyRewrite/builtinMirrors');
      const { mirrorCandidates } = await import('./proxy/candidates');
      const fallback = mirrorCandidates({
        builtin: builtinMirrors(platform.env),
        configured: this.ctx.proxyCandidates().candidates,
        extraMirrors: mirrors,
        currentGoproxy: '',
      }).urls;
      const diagnosed = await diagnose({
        cwd,
        platform,
        signal,
        timeoutMs: settings.probeTimeoutMs,
        ...(settings.goPath ? { goPath: settings.goPath } : {}),
        editorGo: readEditorGo(vscode.workspace.getConfiguration('go'), settings.goPath),
        ...(mirrors.length ? { extraMirrors: mirrors } : {}),
        proxyCandidates: fallback,
        ...(targets.length ? { goModFiles: targets.map((t) => t.file) } : {}),
        ...(options.deep ? { deep: options.deep } : {}),
        // Probed only when go.mod needs a Go that is not installed: the route the installer would take.
        dlRoute: { dlBases: toolchain.dlBases, mirrors: toolchain.mirrors },
        log: (line) => log.info(`  ${redact(line)}`),
      });
      const report = judgeByPolicy(diagnosed, policy, trusted);
      if (signal.aborted || id !== this.runId) {
        log.info(
          `diagnosis #${id} discarded: cancelled or superseded after ${Math.round(performance.now() - started)} ms`,
        );
        return { kind: 'cancelled' };
      }
      const extra: Finding[] = [];
      if (settings.ignoredWorkspaceGoPath) extra.push(ignoredGoPathFinding(settings.ignoredWorkspaceGoPath));
      const differs = httpSettingsFinding(http, platform.env);
      if (differs) extra.push(differs);
      const full: Report = { ...report, findings: [...report.findings, ...extra] };
      logFindings(log, full);
      log.info(`diagnosis #${id} done in ${Math.round(performance.now() - started)} ms (core ${report.durationMs} ms)`);
      const outcome: DiagnosisOutcome = { report: full, targets, runId: id };
      this.lastOutcome = outcome;
      this.finished.fire(outcome);
      return { kind: 'done', outcome };
    } catch (err) {
      if (signal.aborted) return { kind: 'cancelled' };
      const error = err instanceof Error ? err : new Error(String(err));
      log.error(`diagnosis #${id} failed: ${redact(error.stack ?? error.message)}`);
      if (id === this.runId) this.failed.fire(error);
      return { kind: 'failed', error };
    }
  }

  cancel(): void {
    clearTimeout(this.debounce);
    this.controller?.abort();
  }

  dispose(): void {
    this.cancel();
    this.started.dispose();
    this.finished.dispose();
    this.failed.dispose();
  }
}

function logFindings(log: vscode.LogOutputChannel, report: Report): void {
  for (const f of report.findings) {
    const timing = f.durationMs !== undefined ? ` (${f.durationMs} ms)` : '';
    const line = redact(`${f.severity.padEnd(7)} ${f.id}${timing}: ${f.title}`);
    if (f.severity === 'error') log.error(line);
    else if (f.severity === 'warning') log.warn(line);
    else log.info(line);
    if (f.severity !== 'ok') log.info(`        ${redact(f.detail)}`);
  }
}
