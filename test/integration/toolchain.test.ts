// The toolchain installer inside VS Code (real vscode API, real installer, a local release index
// and mirror on 127.0.0.1, real tar.gz toolchains): progress and cancellation through the fix
// handler, errors with editor remedies, the "Install Go Toolchain…" quick pick, and the whole
// path through the extension's own registered handler: quick fix → install → "Use in This
// Workspace" → goEnv.goPath, PATH of a new terminal, and the diagnostic gone.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DoctorError } from '../../src/core/errors';
import type { Finding } from '../../src/core/findings';
import { goosGoarch, hostPlatform, type Platform } from '../../src/core/platform';
import type { Report } from '../../src/core/report/model';
import { installToolchainRelease } from '../../src/core/toolchain/release/install';
import type { FixContext } from '../../src/extension/fixes/registry';
import { Commands } from '../../src/extension/commands';
import { ToolchainFixes, type ToolchainFixDeps } from '../../src/extension/toolchain/fixes';
import { NOT_NOW_CHOICE } from '../../src/extension/toolchain/presentation';
import type { UseSummary } from '../../src/extension/toolchain/presentation';
import type { ToolchainSettings } from '../../src/extension/toolchain/settings';
import { tempDir } from '../support/fakeGo';
import { refusedPort } from '../support/servers';
import { startLocalGoRelease, type LocalGoReleaseHost } from '../support/toolchainRelease';
import {
  api,
  codeOf,
  diagnoseUntil,
  EXTENSION_ID,
  fakeGo,
  fileExists,
  metrics,
  ours,
  rootGoMod,
  setGoPath,
  sleep,
  waitFor,
  waitForDiagnostics,
} from './helpers';

type Reported = { message?: string; increment?: number };
const ACTION = { kind: 'installToolchain' as const, version: '1.30.0' };
const FIX = { command: 'go-env-doctor install 1.30.0', title: 'Install Go 1.30.0 (verified)', action: ACTION };
/** Fast retries: the error cases must not wait out the production backoff. */
const QUICK = { retryBaseMs: 20, retryMaxMs: 50, attemptsPerSource: 2 };

describe('toolchain install in VS Code', function () {
  this.timeout(90_000);
  const { goos, goarch } = goosGoarch(hostPlatform());
  let host: LocalGoReleaseHost;
  let scratch: string;
  let log: vscode.LogOutputChannel;
  const picks: vscode.QuickPick<vscode.QuickPickItem>[] = [];

  before(async () => {
    const base = process.env['GED_TEST_TMP'];
    scratch = base ? await fs.mkdtemp(path.join(base, 'toolchain-')) : await tempDir('ged-it-toolchain-');
    // 2 MB of incompressible bytes per archive: long enough to watch progress when throttled.
    host = await startLocalGoRelease({
      scratch,
      names: ['go1.30.0', 'go1.29.4'],
      goos,
      goarch,
      padBytes: 2 * 1024 * 1024,
    });
    log = vscode.window.createOutputChannel('Go Env toolchain tests', { log: true });
  });

  after(async () => {
    await host?.close();
    log?.dispose();
    if (!process.env['GED_TEST_TMP']) await fs.rm(scratch, { recursive: true, force: true });
  });

  afterEach(async () => {
    picks.length = 0;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  const release = (name: string) => host.releases.find((r) => r.name === name)!;
  const platform = (): Platform => hostPlatform(process.env);

  function settings(sdkDir: string, over: Partial<ToolchainSettings> = {}): ToolchainSettings {
    return { dlBases: [host.dlBase], mirrors: [host.mirrorBase], sdkDir, problems: [], ...over };
  }

  /** Handlers over a sandboxed SDK directory; "use it?" answered with `answer`. */
  function toolchainFixes(
    s: ToolchainSettings,
    o: { answer?: string; offers?: Promise<UseSummary | undefined>[]; asked?: string[] } = {},
  ): ToolchainFixes {
    const deps: ToolchainFixDeps = {
      settings: () => s,
      requestPlatform: platform,
      // Answering "Not Now" never reaches the collection; the real one is exercised through the extension below.
      environment: new Proxy({} as vscode.EnvironmentVariableCollection, {
        get: () => {
          throw new Error('the environment variable collection is not used in this test');
        },
      }),
      log,
      ask: async (message) => {
        o.asked?.push(message);
        return o.answer ?? NOT_NOW_CHOICE;
      },
      onPick: (p) => picks.push(p),
      onOffer: (p) => o.offers?.push(p),
      timeouts: QUICK,
    };
    return new ToolchainFixes(deps);
  }

  function fixContext(
    token: vscode.CancellationToken,
    reported?: Reported[],
  ): FixContext & { progress?: vscode.Progress<Reported> } {
    const finding: Finding = {
      id: 'gomod.goTooNew',
      severity: 'error',
      title: 'go.mod needs Go 1.30',
      detail: '',
      fixes: [FIX],
    };
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'go-env-doctor', version: 'test' },
      go: { path: '/usr/bin/go', version: 'go1.19.8', goroot: null },
      env: {},
      findings: [finding],
      durationMs: 0,
    };
    return {
      report,
      finding,
      fix: FIX,
      requestPlatform: platform(),
      log,
      token,
      ...(reported ? { progress: { report: (v: Reported) => void reported.push(v) } } : {}),
    };
  }

  const entriesOf = async (dir: string) => (await fs.readdir(dir).catch(() => [] as string[])).sort();

  it('reports percent and speed, stops promptly when cancelled (nothing installed, partial kept), then resumes from the mirror', async () => {
    const r = release('go1.30.0');
    const file = host.mirrorPath(r.filename);
    // Throttled (about 8 s for the whole archive), so there is a rate to show and the
    // cancellation lands midway with seconds to spare even on a loaded machine.
    host.mirror.serve(file, { data: r.archive, bytesPerSec: 250_000 });
    const sdk = path.join(scratch, 'sdk-cancel');
    const tc = toolchainFixes(settings(sdk));
    const reported: Reported[] = [];
    const cts = new vscode.CancellationTokenSource();
    const running = tc.handler(ACTION, fixContext(cts.token, reported));

    const withRate = await waitFor(
      () =>
        reported.find((p) =>
          /^\d+% · [\d.]+ MB of [\d.]+ MB · \d+(\.\d)? (MB|kB)\/s · .*from 127\.0\.0\.1:\d+$/.test(p.message ?? ''),
        ),
      'a progress message with a rate',
      20_000,
    );
    assert.match(
      withRate.message!,
      new RegExp(`from 127\\.0\\.0\\.1:${new URL(host.mirror.url).port}$`),
      'the bytes come from the mirror',
    );
    await host.mirror.waitUntil(() => host.mirror.bytesSent(file) > r.archive.length / 4, 20_000);
    const t0 = Date.now();
    cts.cancel();
    assert.deepEqual(await running, { rediagnose: false });
    const cancelMs = Date.now() - t0;
    metrics['toolchain.cancelMs'] = cancelMs;
    assert.ok(cancelMs < 5000, `cancel took ${cancelMs} ms`); // the rest of the download would take ~6 s
    // Nothing visible: no toolchain, no staging, no lock; the partial download stays for a resume.
    assert.deepEqual(await entriesOf(sdk), ['.downloads']);
    const partials = await entriesOf(path.join(sdk, '.downloads'));
    assert.equal(partials.length, 1, partials.join(', '));
    const kept = (await fs.stat(path.join(sdk, '.downloads', partials[0]!))).size;
    assert.ok(kept > 0 && kept < r.archive.length, `kept ${kept} of ${r.archive.length}`);

    host.mirror.serve(file, { data: r.archive });
    const again: Reported[] = [];
    const before = host.mirror.requestsFor(file).length;
    assert.deepEqual(await tc.handler(ACTION, fixContext(new vscode.CancellationTokenSource().token, again)), {
      rediagnose: true,
    });
    const resumed = host.mirror.requestsFor(file).slice(before);
    assert.ok(
      resumed.some((q) => q.status === 206 && q.range !== undefined),
      `resumed with Range: ${JSON.stringify(resumed)}`,
    );
    assert.ok(await fileExists(path.join(sdk, 'go1.30.0', 'bin', 'go')));
    assert.ok(await fileExists(path.join(sdk, 'go1.30.0', '.unpacked-success')));
    const total = again.reduce((n, p) => n + (p.increment ?? 0), 0);
    assert.ok(Math.abs(total - 100) < 0.001, `increments add up to ${total}`);
  });

  it('stops with the error and an editor remedy: a mismatching download, an unreachable index, bad settings; nothing installed', async () => {
    const r = release('go1.30.0');
    const tampered = Buffer.from(r.archive);
    tampered[tampered.length >> 1]! ^= 0xff;
    host.mirror.serve(host.mirrorPath(r.filename), {
      data: r.archive,
      faults: [{ body: tampered }, { body: tampered }],
    });
    host.official.serve(host.officialPath(r.filename), {
      data: r.archive,
      faults: [{ body: tampered }, { body: tampered }],
    });
    const sdk = path.join(scratch, 'sdk-errors');
    try {
      const mismatch = await tc(settings(sdk))
        .handler(ACTION, fixContext(new vscode.CancellationTokenSource().token))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(mismatch instanceof DoctorError, String(mismatch));
      assert.equal(mismatch.code, 'toolchain.checksumMismatch');
      assert.match(mismatch.remedy, /remove that mirror from goEnv\.toolchain\.mirrors/);
      assert.doesNotMatch(mismatch.remedy, /--mirror/);
      assert.equal(await fileExists(path.join(sdk, 'go1.30.0')), false);
    } finally {
      host.mirror.serve(host.mirrorPath(r.filename), { data: r.archive });
      host.official.serve(host.officialPath(r.filename), { data: r.archive });
    }

    const refused = `http://127.0.0.1:${await refusedPort()}/dl/`;
    const noIndex = await tc(settings(sdk, { dlBases: [refused] }))
      .handler(ACTION, fixContext(new vscode.CancellationTokenSource().token))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(noIndex instanceof DoctorError, String(noIndex));
    // No index: the installer falls back to GOPROXY, as the go command would. Here GOPROXY and
    // GOSUMDB are loopback addresses with nothing behind them, so that fails too, and says both.
    assert.equal(noIndex.code, 'toolchain.sumdbUnavailable');
    assert.match(noIndex.message, /Fetching it through GOPROXY \(.*\) instead failed too/);
    assert.match(noIndex.message, /127\.0\.0\.1/);

    const requests = host.official.requests.length;
    const bad = await tc(
      settings(sdk, { problems: ['goEnv.toolchain.dlBase "http://dl.example.com/" must use https://.'] }),
    )
      .handler(ACTION, fixContext(new vscode.CancellationTokenSource().token))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(bad instanceof DoctorError, String(bad));
    assert.equal(bad.code, 'settings.invalid');
    assert.equal(host.official.requests.length, requests, 'no request with unusable settings');
    assert.equal(await fileExists(path.join(sdk, 'go1.30.0')), false);

    function tc(s: ToolchainSettings) {
      return toolchainFixes(s);
    }
  });

  it('"Install Go Toolchain…" lists stable releases with the installed one marked, installs the pick and offers to use it', async () => {
    const sdk = path.join(scratch, 'sdk-pick');
    // go1.29.4 is already there (installed by the core directly).
    await installToolchainRelease({
      version: '1.29.4',
      dir: sdk,
      dlBases: [host.dlBase],
      mirrors: [host.mirrorBase],
      platform: platform(),
    });
    const offers: Promise<UseSummary | undefined>[] = [];
    const asked: string[] = [];
    const tc = toolchainFixes(settings(sdk), { offers, asked });
    const command = tc.command();
    const pick = await waitFor(() => picks[0], 'the release quick pick', 10_000);
    await waitFor(() => !pick.busy, 'the release index in the pick', 10_000);
    const rows = pick.items.map((i) => `${i.label}${i.description ? ` | ${i.description}` : ''}`);
    assert.deepEqual(rows.slice(0, 3), [
      `Stable releases (127.0.0.1:${new URL(host.official.url).port})`,
      `$(cloud-download) Go 1.30.0 | latest · ${(release('go1.30.0').archive.length / 1e6).toFixed(1)} MB`,
      `$(check) Go 1.29.4 | installed in ${sdk}/go1.29.4`,
    ]);
    assert.equal(pick.activeItems[0]?.label, '$(cloud-download) Go 1.30.0', 'Enter installs the newest');
    pick.activeItems = [pick.items[1]!];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const outcome = await command;
    assert.ok(typeof outcome === 'object' && outcome.kind === 'installed', JSON.stringify(outcome));
    assert.equal(outcome.result.version, 'go1.30.0');
    assert.equal(outcome.result.goroot, path.join(sdk, 'go1.30.0'));
    await Promise.all(offers);
    assert.equal(asked.length, 1);
    assert.match(
      asked[0]!,
      /Go 1\.30\.0 is installed in .*go1\.30\.0 \(.* MB from 127\.0\.0\.1:\d+, SHA-256 verified against the official release index\)\. Use it for this workspace\?/,
    );
  });

  describe('through the extension: quick fix on go.mod → install → use in this workspace', () => {
    let sdk: string;
    const goEnv = () => vscode.workspace.getConfiguration('goEnv');

    before(async () => {
      sdk = path.join(scratch, 'sdk-extension');
      // Machine-scoped settings: user (remote user) settings are the only place they can be set.
      await goEnv().update('toolchain.dlBase', host.dlBase, vscode.ConfigurationTarget.Global);
      await goEnv().update('toolchain.mirrors', [host.mirrorBase], vscode.ConfigurationTarget.Global);
      await goEnv().update('toolchain.sdkDir', sdk, vscode.ConfigurationTarget.Global);
      await setGoPath(await fakeGo('go1.22.5'));
      await diagnoseUntil((r) => r.findings.some((f) => f.id === 'gomod.goTooNew'), 'goTooNew with go1.22.5');
    });

    after(async () => {
      await setGoPath(undefined);
      for (const key of ['toolchain.dlBase', 'toolchain.mirrors', 'toolchain.sdkDir'])
        await goEnv().update(key, undefined, vscode.ConfigurationTarget.Global);
    });

    it('declares and registers "Go Env: Install Go Toolchain…" and machine-scoped settings', async () => {
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
        contributes: {
          commands: { command: string; title: string; category: string }[];
          configuration: { properties: Record<string, { scope?: string }> };
        };
      };
      const declared = pkg.contributes.commands.find((c) => c.command === Commands.installToolchain);
      assert.deepEqual(declared && { title: declared.title, category: declared.category }, {
        title: 'Install Go Toolchain…',
        category: 'Go Env',
      });
      assert.ok((await vscode.commands.getCommands(true)).includes(Commands.installToolchain));
      for (const key of ['dlBase', 'mirrors', 'sdkDir'])
        assert.equal(pkg.contributes.configuration.properties[`goEnv.toolchain.${key}`]?.scope, 'machine', key);
      assert.equal(goEnv().get('toolchain.sdkDir'), sdk, 'the user value is in effect');
    });

    it('probes the download route the installer would take while go.mod needs a Go that is not installed', async () => {
      const file = release('go1.30.0').filename;
      const route = (r: Report) =>
        Object.fromEntries(r.findings.filter((f) => f.id.startsWith('dl.')).map((f) => [f.subject, f.id]));
      const ok = await diagnoseUntil((r) => Object.keys(route(r)).length === 3, 'the download route probed');
      assert.deepEqual(route(ok), {
        [`${host.dlBase}?mode=json&include=all`]: 'dl.ok',
        [`${host.dlBase}${file}`]: 'dl.ok',
        [`${host.mirrorBase}${file}`]: 'dl.ok',
      });

      // A mirror that refuses connections is named; the official host still serves the archive.
      const refused = `http://127.0.0.1:${await refusedPort()}/golang/`;
      await goEnv().update('toolchain.mirrors', [refused], vscode.ConfigurationTarget.Global);
      try {
        const bad = await diagnoseUntil(
          (r) => route(r)[`${refused}${file}`] !== undefined,
          'the refused mirror probed',
        );
        const f = bad.findings.find((x) => x.subject === `${refused}${file}`)!;
        assert.equal(f.id, 'dl.unreachable');
        assert.equal(f.severity, 'warning', 'the official host serves the archive too');
        assert.match(f.title, /release archives/);
      } finally {
        await goEnv().update('toolchain.mirrors', [host.mirrorBase], vscode.ConfigurationTarget.Global);
      }
    });

    it('installs Go 1.30.0 from the local mirror, uses it for the workspace, and the diagnostic goes away', async () => {
      const ds = await waitForDiagnostics(
        rootGoMod(),
        (d) => d.some((x) => codeOf(x) === 'gomod.goTooNew'),
        'goTooNew on go.mod',
      );
      const diagnostic = ds.find((d) => codeOf(d) === 'gomod.goTooNew')!;
      // Code actions are computed on an open document.
      await vscode.workspace.openTextDocument(rootGoMod());
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        rootGoMod(),
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const install = actions.find((a) => /Install (go|Go )1\.30\.0 \(verified\)/.test(a.title));
      assert.ok(install?.command, actions.map((a) => a.title).join(' | '));
      assert.doesNotMatch(install.title, /in a terminal/, 'the editor performs it');

      await vscode.commands.executeCommand('notifications.clearAll');
      const file = host.mirrorPath(release('go1.30.0').filename);
      const servedBefore = host.mirror.downloadsFor(file).filter((q) => q.complete).length;
      const started = Date.now();
      const applied = vscode.commands.executeCommand(install.command.command, ...(install.command.arguments ?? []));
      const goBinary = path.join(sdk, 'go1.30.0', 'bin', 'go');
      await until(() => fileExists(path.join(sdk, 'go1.30.0', '.unpacked-success')), 'the installed toolchain', 30_000);
      assert.equal(await applied, 'handled');
      metrics['toolchain.quickFixInstallMs'] = Date.now() - started;
      assert.equal(
        host.mirror.downloadsFor(file).filter((q) => q.complete).length,
        servedBefore + 1,
        'downloaded from the mirror',
      );

      // "Use in This Workspace" is the primary action of the notification that follows.
      await until(
        async () => {
          await vscode.commands.executeCommand('notification.acceptPrimaryAction');
          await sleep(150);
          return goEnv().inspect<string>('goPath')?.workspaceValue === goBinary;
        },
        'goEnv.goPath in the workspace settings',
        15_000,
      );

      // The diagnosis runs the installed go now, and go.mod is satisfied.
      await waitForDiagnostics(rootGoMod(), (d) => !d.some((x) => codeOf(x) === 'gomod.goTooNew'), 'goTooNew gone');
      const goEnvApi = await api();
      const report = await waitFor(
        () => (goEnvApi.lastReport()?.go.path === goBinary ? goEnvApi.lastReport() : undefined),
        'a report with the installed go',
        15_000,
      );
      assert.equal(report.go.version, 'go1.30.0');
      assert.ok(
        !report.findings.some((f) => f.id.startsWith('dl.')),
        'the route is probed only while the Go is missing',
      );
      assert.ok(
        report.findings.some((f) => f.id === 'gomod.ok'),
        report.findings.map((f) => f.id).join(', '),
      );
      assert.equal(ours(rootGoMod()).filter((d) => codeOf(d) === 'gomod.goTooNew').length, 0);

      // go.alternateTools is the Go extension's setting; it is not installed here, so not written.
      assert.equal(vscode.workspace.getConfiguration('go').inspect('alternateTools')?.workspaceValue, undefined);

      // A new integrated terminal has the toolchain's bin first on PATH.
      const out = path.join(scratch, 'terminal-path.txt');
      const terminal = vscode.window.createTerminal({
        name: 'Go Env PATH check',
        shellPath: '/bin/sh',
        shellArgs: ['-c', `printf '%s' "$PATH" > '${out}'`],
      });
      try {
        const termPath = await until(
          async () => (await fs.readFile(out, 'utf8').catch(() => '')) || undefined,
          'the terminal to write its PATH',
          15_000,
        );
        assert.ok(termPath.startsWith(`${path.join(sdk, 'go1.30.0', 'bin')}${path.delimiter}`), termPath);
      } finally {
        terminal.dispose();
      }
    });
  });
});

/** waitFor for asynchronous probes. */
async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
