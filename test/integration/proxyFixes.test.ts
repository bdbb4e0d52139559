// The proxy quick fixes inside VS Code (real vscode API, real go, local mirrors, a local checksum
// database): the ranking quick pick, the write to a temporary go env file, restore, the OS
// environment override, working offline, cancellation, and the registered handler run from the
// quick fix on go.mod with the diagnostics updating afterwards.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../src/core/findings';
import type { Platform } from '../../src/core/platform';
import type { Report } from '../../src/core/report/model';
import type { FixContext, FixOutcome } from '../../src/extension/fixes/registry';
import { proxyFixHandlers, type ProxyFixHandlers } from '../../src/extension/proxy/fixes';
import { tempDir } from '../support/fakeGo';
import { RSC_QUOTE, startMirror, type Mirror, type MirrorModule } from '../support/mirrors';
import { refusedPort } from '../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../support/sumdbFixture';
import {
  api,
  codeOf,
  diagnoseUntil,
  metrics,
  ours,
  rootGoMod,
  setGoPath,
  sleep,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const GO = '/usr/bin/go';
/** What the diagnosis asks every GOPROXY entry for. */
const X_TEXT: MirrorModule = { path: 'golang.org/x/text', version: 'v0.21.0', mod: 'module golang.org/x/text\n' };
const TAMPERED: MirrorModule = { ...RSC_QUOTE, mod: 'module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.99.0\n' };
const AUTO_FIX = {
  command: 'go-env-doctor set-proxy --auto',
  title: 'Switch GOPROXY to the fastest working mirror…',
  action: { kind: 'setProxyAuto' as const },
};
// In go's own order: `go env -w` rewrites the file with its lines sorted.
const OTHER_SETTINGS = 'GOFLAGS=-mod=mod\nGOPRIVATE=corp.example.com\n';

interface Sandbox {
  dir: string;
  envFile: string;
  platform: Platform;
  handlers: ProxyFixHandlers;
}

describe('proxy quick fixes', function () {
  this.timeout(60_000);
  let db: SumdbFixture;
  let fast: Mirror, slow: Mirror, tampered: Mirror;
  let refused: string;
  let log: vscode.LogOutputChannel;
  const picks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  const dirs: string[] = [];

  before(async () => {
    [db, fast, slow, tampered] = await Promise.all([
      startSumdbFixture({ versions: ['1.21.0'] }),
      startMirror({ modules: [RSC_QUOTE, X_TEXT] }),
      // Slow by far more than the extension host's event loop can lag while a diagnosis runs beside
      // the ranking (both probe these mirrors), so the order is the mirrors', not the scheduler's.
      startMirror({ modules: [RSC_QUOTE, X_TEXT], delayMs: 400 }),
      startMirror({ modules: [TAMPERED, X_TEXT] }),
    ]);
    refused = `http://127.0.0.1:${await refusedPort()}`;
    log = vscode.window.createOutputChannel('Go Env proxy fix tests', { log: true });
  });

  after(async () => {
    await Promise.all([fast, slow, tampered].map((m) => m?.close()));
    await db?.stop();
    log?.dispose();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  afterEach(async () => {
    picks.length = 0;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  /** A temp HOME, state dir and go env file; the go command's environment without GOPROXY. */
  async function sandbox(
    o: {
      fileText?: string;
      env?: Record<string, string>;
      candidates?: string[];
      moduleDir?: string;
      probeTimeoutMs?: number;
    } = {},
  ): Promise<Sandbox> {
    const dir = await tempDir('ged-it-proxy-');
    dirs.push(dir);
    const envFile = path.join(dir, 'goenv');
    await fs.writeFile(envFile, o.fileText ?? `${OTHER_SETTINGS}GOPROXY=${refused}\n`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir,
      XDG_STATE_HOME: path.join(dir, 'state'),
      GOENV: envFile,
      GOSUMDB: db.gosumdb,
      GOFLAGS: '',
      GOMODCACHE: path.join(dir, 'modcache'),
    };
    delete env['GOPROXY'];
    Object.assign(env, o.env ?? {});
    const platform: Platform = { env, homeDir: dir, os: process.platform, arch: process.arch, now: () => Date.now() };
    const handlers = proxyFixHandlers({
      platform: () => platform,
      settings: () => ({
        goPath: GO,
        probeTimeoutMs: o.probeTimeoutMs ?? 3000,
        extraMirrors: [],
        proxyCandidates: o.candidates ?? [fast.url, slow.url, tampered.url],
      }),
      workspaceDir: () => o.moduleDir,
      onPick: (p) => picks.push(p),
    });
    return { dir, envFile, platform, handlers };
  }

  function fixContext(s: Sandbox, token = new vscode.CancellationTokenSource().token): FixContext {
    const finding: Finding = {
      id: 'proxy.refused',
      severity: 'error',
      title: `GOPROXY entry ${refused}: refuses connections`,
      detail: '',
      fixes: [AUTO_FIX],
    };
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'go-env-doctor', version: 'test' },
      go: { path: GO, version: 'go1.19.8', goroot: null },
      env: { GOPROXY: { value: refused, source: 'goenv' } },
      findings: [finding],
      durationMs: 0,
    };
    return { report, finding, fix: AUTO_FIX, requestPlatform: s.platform, log, token };
  }

  const nextPick = () => waitFor(() => picks.shift(), 'the quick pick', 30_000);
  const labels = (p: vscode.QuickPick<vscode.QuickPickItem>) => p.items.map((i) => i.label);
  const rowOf = (p: vscode.QuickPick<vscode.QuickPickItem>, url: string) =>
    p.items.find((i) => i.label.endsWith(` ${url}`));

  async function accept(p: vscode.QuickPick<vscode.QuickPickItem>, index = 0): Promise<void> {
    p.activeItems = [p.items[index]!];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  const historyOf = (s: Sandbox) => path.join(s.dir, 'state', 'go-env-doctor', 'proxy-history.json');
  const exists = (f: string) =>
    fs.access(f).then(
      () => true,
      () => false,
    );

  it('"Switch GOPROXY…" ranks the mirrors in a quick pick and writes the fastest healthy ones on confirmation; restore puts the file back byte for byte', async () => {
    const s = await sandbox();
    const original = await fs.readFile(s.envFile, 'utf8');
    const started = Date.now();
    const running = s.handlers.setProxyAuto(AUTO_FIX.action, fixContext(s));
    const pick = await nextPick();
    metrics['proxyFix.rankingToPickMs'] = Date.now() - started;
    const value = `${fast.url}|${slow.url},direct`;
    assert.equal(pick.items[0]!.label, `$(check) Set GOPROXY=${value}`, labels(pick).join('\n'));
    assert.equal(pick.activeItems[0], pick.items[0], 'Enter writes');
    assert.match(
      pick.items[0]!.detail!,
      new RegExp(
        `Writes ${s.envFile.replace(/[.]/g, '\\.')} with \`go env -w\` \\(now ${refused.replace(/[.]/g, '\\.')};`,
      ),
    );
    assert.match(
      pick.title ?? '',
      /^Go Env: switch GOPROXY to the fastest working mirror \(4 mirrors checked in \d+(\.\d)? ms, 2 healthy\)$/,
    );
    assert.equal(pick.items[1]!.kind, vscode.QuickPickItemKind.Separator);
    assert.match(
      rowOf(pick, fast.url)!.detail!,
      /^Healthy: serves rsc\.io\/quote@v1\.5\.2 as the published go\.sum line records it; requests took /,
    );
    assert.match(rowOf(pick, fast.url)!.description!, /^[\d.]+ ms median · fastest$/);
    assert.match(rowOf(pick, slow.url)!.description!, /^[4-9]\d\d ms median$/);
    assert.match(
      rowOf(pick, tampered.url)!.detail!,
      /^Rejected: serves different content: its go\.mod of rsc\.io\/quote@v1\.5\.2 hashes to h1:\S+, but the go\.sum line published by sum\.golang\.org records h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe\+TKr0=/,
    );
    assert.match(rowOf(pick, refused)!.detail!, /^Rejected: could not be reached.*refused/);
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original, 'nothing is written before the confirmation');

    await accept(pick);
    const outcome: FixOutcome = await running;
    assert.deepEqual(outcome, { rediagnose: true });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), `${OTHER_SETTINGS}GOPROXY=${value}\n`);
    assert.ok(await exists(historyOf(s)), 'the previous value was saved');

    const restored = await s.handlers.restoreProxy({ kind: 'restoreProxy' }, fixContext(s));
    assert.deepEqual(restored, { rediagnose: true });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original);

    // Nothing left to restore: says so, changes nothing, no diagnosis needed.
    assert.deepEqual(await s.handlers.restoreProxy({ kind: 'restoreProxy' }, fixContext(s)), { rediagnose: false });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original);
  });

  it('restore when GOPROXY was not in the go env file unsets it again (go env -u)', async () => {
    const s = await sandbox({ fileText: OTHER_SETTINGS, candidates: [fast.url] });
    const running = s.handlers.setProxyAuto(AUTO_FIX.action, fixContext(s));
    await accept(await nextPick());
    assert.deepEqual(await running, { rediagnose: true });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), `${OTHER_SETTINGS}GOPROXY=${fast.url},direct\n`);
    await s.handlers.restoreProxy({ kind: 'restoreProxy' }, fixContext(s));
    assert.equal(await fs.readFile(s.envFile, 'utf8'), OTHER_SETTINGS);
  });

  it('Escape leaves GOPROXY as it was and saves nothing', async () => {
    const s = await sandbox({ candidates: [fast.url] });
    const original = await fs.readFile(s.envFile, 'utf8');
    const running = s.handlers.setProxyAuto(AUTO_FIX.action, fixContext(s));
    await nextPick();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepEqual(await running, { rediagnose: false });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original);
    assert.equal(await exists(historyOf(s)), false);
  });

  it('cancelling the fix aborts the probes at once', async () => {
    // The mirror would answer after 60 s and the probes would give up after 30 s; returning
    // within 10 s can only be the cancellation.
    const hanging = await startMirror({ modules: [RSC_QUOTE], delayMs: 60_000 });
    try {
      const s = await sandbox({ candidates: [hanging.url], probeTimeoutMs: 30_000 });
      const original = await fs.readFile(s.envFile, 'utf8');
      const cts = new vscode.CancellationTokenSource();
      const running = s.handlers.setProxyAuto(AUTO_FIX.action, fixContext(s, cts.token));
      await waitFor(() => hanging.hits.length > 0, 'the first probe');
      const t0 = Date.now();
      cts.cancel();
      assert.deepEqual(await running, { rediagnose: false });
      const ms = Date.now() - t0;
      metrics['proxyFix.cancelMs'] = ms;
      assert.ok(ms < 10_000, `returned ${ms} ms after the cancellation`);
      assert.equal(picks.length, 0, 'no quick pick after a cancellation');
      assert.equal(await fs.readFile(s.envFile, 'utf8'), original);
    } finally {
      await hanging.close();
    }
  });

  it('no healthy mirror: shows why for each and changes nothing', async () => {
    const s = await sandbox({ candidates: [tampered.url] });
    const original = await fs.readFile(s.envFile, 'utf8');
    const running = s.handlers.setProxyAuto(AUTO_FIX.action, fixContext(s));
    const pick = await nextPick();
    assert.match(
      pick.title ?? '',
      /^Go Env: no mirror passed the checks \(2 mirrors checked in .* ms, 0 healthy\), so GOPROXY was left as it is$/,
    );
    assert.match(rowOf(pick, tampered.url)!.detail!, /serves different content/);
    assert.match(rowOf(pick, refused)!.detail!, /refused/);
    await accept(pick, 1);
    assert.deepEqual(await running, { rediagnose: false });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original);
  });

  it('GOPROXY in the OS environment: says so, writes nothing, and opens the shell profile line that sets it', async () => {
    const fromOs = `http://127.0.0.1:${await refusedPort()}`;
    const s = await sandbox({ env: { GOPROXY: fromOs }, candidates: [fast.url] });
    await fs.writeFile(
      path.join(s.dir, '.profile'),
      `# login shell\nexport PATH=$PATH:/usr/local/go/bin\nexport GOPROXY=${fromOs}\n`,
    );
    const original = await fs.readFile(s.envFile, 'utf8');
    const running = s.handlers.setProxyAuto(AUTO_FIX.action, fixContext(s));
    const pick = await nextPick();
    assert.equal(
      pick.title,
      `Go Env: GOPROXY=${fromOs} is set in the OS environment, so the go env file cannot change it`,
    );
    assert.match(
      pick.placeholder ?? '',
      new RegExp(
        `^Nothing was written\\. GOPROXY is set in the OS environment: it is set in ${path.join(s.dir, '.profile').replace(/[.]/g, '\\.')}:3`,
      ),
    );
    assert.equal(pick.items[0]!.label, '$(go-to-file) Open ~/.profile:3');
    assert.equal(pick.items[0]!.detail, `export GOPROXY=${fromOs}`);
    assert.ok(
      labels(pick).some((l) => l.includes('go.toolsEnvVars')),
      labels(pick).join('\n'),
    );
    assert.ok(
      labels(pick).some((l) => l === `$(copy) Copy GOPROXY=${fast.url},direct`),
      labels(pick).join('\n'),
    );
    assert.ok(!labels(pick).some((l) => /Set GOPROXY=/.test(l)), 'no write is offered');
    await accept(pick, 0);
    assert.deepEqual(await running, { rediagnose: false });
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.fsPath === path.join(s.dir, '.profile') &&
        vscode.window.activeTextEditor,
      'the profile in an editor',
    );
    assert.equal(editor.selection.start.line, 2);
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original);
    assert.equal(await exists(historyOf(s)), false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Work offline" names the modules missing from the cache, puts the cache first, and restore undoes it', async () => {
    const moduleDir = await tempDir('ged-it-offline-mod-');
    dirs.push(moduleDir);
    await fs.writeFile(
      path.join(moduleDir, 'go.mod'),
      'module example.com/offline\n\ngo 1.18\n\nrequire (\n\trsc.io/quote v1.5.2\n\tgolang.org/x/text v0.3.0\n)\n',
    );
    const s = await sandbox({ moduleDir });
    const download = path.join(s.dir, 'modcache', 'cache', 'download');
    await fs.mkdir(path.join(download, 'rsc.io', 'quote', '@v'), { recursive: true });
    await fs.writeFile(path.join(download, 'rsc.io', 'quote', '@v', 'v1.5.2.mod'), RSC_QUOTE.mod);
    await fs.writeFile(path.join(download, 'rsc.io', 'quote', '@v', 'v1.5.2.zip'), 'not read by the plan');
    const original = await fs.readFile(s.envFile, 'utf8');
    const running = s.handlers.workOffline({ kind: 'workOffline' }, fixContext(s));
    const pick = await nextPick();
    assert.equal(pick.items[0]!.label, '$(database) Work offline from the module cache');
    assert.match(pick.placeholder ?? '', /^1 module is missing from the cache/);
    assert.match(pick.items[0]!.detail!, /1 of the 2 modules .*go\.mod requires are not in the cache/);
    const missing = pick.items.find((i) => i.label === '$(warning) golang.org/x/text v0.3.0');
    assert.ok(missing, labels(pick).join('\n'));
    assert.equal(missing.description, 'missing');
    assert.match(missing.detail!, /^go\.mod line 7\./);
    await accept(pick);
    assert.deepEqual(await running, { rediagnose: true });
    assert.equal(await fs.readFile(s.envFile, 'utf8'), `${OTHER_SETTINGS}GOPROXY=file://${download},${refused}\n`);
    await s.handlers.restoreProxy({ kind: 'restoreProxy' }, fixContext(s));
    assert.equal(await fs.readFile(s.envFile, 'utf8'), original);
  });

  describe('as the extension runs it', () => {
    const saved: Record<string, string | undefined> = {};
    const VARS = ['GOPROXY', 'GOSUMDB', 'GOENV', 'XDG_STATE_HOME'];
    let s: Sandbox;

    before(async () => {
      s = await sandbox();
      for (const k of VARS) saved[k] = process.env[k];
      // The extension's go runs with the extension host's environment: the sandbox's, GOPROXY only in the go env file.
      delete process.env['GOPROXY'];
      process.env['GOSUMDB'] = db.gosumdb;
      process.env['GOENV'] = s.envFile;
      process.env['XDG_STATE_HOME'] = path.join(s.dir, 'state');
      await setGoPath(GO);
      await vscode.workspace
        .getConfiguration('goEnv')
        .update('proxyCandidates', [fast.url, slow.url], vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      for (const k of VARS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      await vscode.workspace
        .getConfiguration('goEnv')
        .update('proxyCandidates', undefined, vscode.ConfigurationTarget.Workspace);
      await setGoPath(undefined);
    });

    it('registers setProxyAuto, restoreProxy and workOffline with the fix registry', async () => {
      const goEnv = await api();
      for (const kind of ['setProxyAuto', 'restoreProxy', 'workOffline'] as const) {
        assert.ok(goEnv.hasFixHandler(kind), kind);
      }
    });

    it('the quick fix on go.mod writes the go env file and the proxy diagnostic disappears', async () => {
      await diagnoseUntil(
        (r) =>
          r.findings.some((f) => f.id === 'proxy.refused' && f.fixes?.some((x) => x.action?.kind === 'setProxyAuto')),
        'proxy.refused with the setProxyAuto fix',
      );
      const ds = await waitForDiagnostics(
        rootGoMod(),
        (d) => d.some((x) => codeOf(x) === 'proxy.refused'),
        'proxy.refused on go.mod',
      );
      const d = ds.find((x) => codeOf(x) === 'proxy.refused')!;
      await vscode.workspace.openTextDocument(rootGoMod()); // code actions are asked of a loaded document
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        rootGoMod(),
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const action = actions.find((a) => a.title === AUTO_FIX.title);
      assert.ok(
        action?.command,
        `offered as what it does, not as a terminal command: ${actions.map((a) => a.title).join(' | ')}`,
      );

      const started = Date.now();
      let settled = false;
      const applied = Promise.resolve(
        vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])),
      ).finally(() => (settled = true));
      // No test hook on this path: press Enter in whatever quick pick appears (its first entry writes).
      while (!settled && Date.now() - started < 30_000) {
        await sleep(250);
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      assert.equal(await applied, 'handled');
      assert.equal(await fs.readFile(s.envFile, 'utf8'), `${OTHER_SETTINGS}GOPROXY=${fast.url}|${slow.url},direct\n`);
      await waitFor(
        () => ours(rootGoMod()).every((x) => !codeOf(x).startsWith('proxy.')),
        'the proxy diagnostics to go',
        30_000,
      );
      metrics['proxyFix.quickFixToCleanDiagnosticsMs'] = Date.now() - started;
      const report = (await api()).lastReport();
      assert.equal(report?.env['GOPROXY']?.value, `${fast.url}|${slow.url},direct`);
      assert.deepEqual(
        report?.findings.filter((f) => f.id.startsWith('proxy.')).map((f) => `${f.id} ${f.severity}`),
        ['proxy.ok ok', 'proxy.ok ok', 'proxy.changedByDoctor info'],
      );
      // ...and the report now offers the way back.
      assert.ok(
        report?.findings
          .find((f) => f.id === 'proxy.changedByDoctor')
          ?.fixes?.some((x) => x.action?.kind === 'restoreProxy'),
      );

      // Back as it was, for the suites after this one.
      await s.handlers.restoreProxy({ kind: 'restoreProxy' }, fixContext(s));
      assert.equal(await fs.readFile(s.envFile, 'utf8'), `${OTHER_SETTINGS}GOPROXY=${refused}\n`);
    });
  });
});
