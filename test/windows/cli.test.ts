// The Windows lane: the built CLI run by Node for Windows under wine, with a real go.exe, against
// local servers on 127.0.0.1. What it proves is what differs on Windows: go.exe on a `;` PATH and in
// the Windows install locations, the go env file under %APPDATA%, set-proxy/restore-proxy through
// go.exe's own `go env -w`, and a verified .zip install into %USERPROFILE%\sdk.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCli } from '../support/cli';
import { goproxyHandler, startHttpServer, type StartedServer } from '../support/servers';
import { DownloadServer } from '../support/downloadServer';
import { archiveEntry, releaseIndex, zipArchive } from '../support/toolchainArchive';
import {
  FAKE_GO_EXE,
  GO_ENV_FILE,
  GO_EXE,
  GOROOT,
  LOCALAPPDATA,
  SDK_DIR,
  resetWindowsUser,
  runWindows,
  runWindowsCli,
  winPath,
} from './wine';

interface Doc {
  go: { path: string; version: string; goroot: string } | null;
  env: Record<string, { value: string; source: string }>;
  findings: { id: string; severity: string; subject?: string; detail: string }[];
}

/**
 * Diagnoses as a Windows process. Unless a test passes its own env, GOPROXY and GOSUMDB point at
 * the loopback proxy, so nothing but 127.0.0.1 is ever asked.
 */
const diagnose = async (extra: string[], o: Parameters<typeof runWindowsCli>[1] = {}): Promise<Doc> => {
  const r = await runWindowsCli(['diagnose', '--json', '--timeout', '3000', ...extra], {
    ...o,
    env: o.env ?? loopbackGoEnv(),
  });
  assert.ok(r.stdout.trim().startsWith('{'), `diagnose printed no JSON (exit ${r.code}): ${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout) as Doc;
};

let proxy: StartedServer;
/** sum.golang.org's name, served by the loopback proxy (goproxyHandler answers /latest). */
const sumdb = (): string => `sum.golang.org ${proxy.url}`;
const loopbackGoEnv = (): Record<string, string> => ({ GOPROXY: proxy.url, GOSUMDB: sumdb() });

describe('Windows lane (Node for Windows and go.exe under wine)', function () {
  const servers: { close(): Promise<void> }[] = [];

  before(async function () {
    await buildCli();
    proxy = await startHttpServer(goproxyHandler());
    servers.push(proxy);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await resetWindowsUser();
  });
  beforeEach(resetWindowsUser);

  it('finds go.exe on a ;-separated PATH, and reads go env sources from %APPDATA%\\go\\env written by go.exe', async () => {
    const w = await runWindows(GO_EXE, ['env', '-w', `GOPROXY=${proxy.url}`, `GOSUMDB=${sumdb()}`], {});
    assert.equal(w.code, 0, w.stderr);
    assert.match(await fs.readFile(GO_ENV_FILE, 'utf8'), new RegExp(`GOPROXY=${proxy.url}`));

    const doc = await diagnose([], { path: ['/nonexistent', path.join(GOROOT, 'bin')], env: {} });
    assert.equal(doc.go?.path, winPath(GO_EXE));
    assert.equal(doc.go?.version, 'go1.19.8');
    assert.deepEqual(doc.env['GOPROXY'], { value: proxy.url, source: 'goenv' });
    assert.match(doc.env['GOENV']?.value ?? '', /^C:\\users\\[^\\]+\\AppData\\Roaming\\go\\env$/i);
    const ids = doc.findings.map((f) => f.id);
    assert.ok(ids.includes('proxy.ok'), ids.join(' '));
    assert.deepEqual(doc.env['GOSUMDB'], { value: sumdb(), source: 'goenv' });
    assert.ok(ids.includes('sumdb.ok'), ids.join(' '));
  });

  it('says the OS environment beats the go env file (env.overridden) on Windows too', async () => {
    await runWindows(GO_EXE, ['env', '-w', `GOPROXY=${proxy.url}`]);
    const doc = await diagnose([], { path: [path.join(GOROOT, 'bin')], env: { GOPROXY: 'off', GOSUMDB: sumdb() } });
    assert.deepEqual(doc.env['GOPROXY'], { value: 'off', source: 'environment' });
    assert.ok(doc.findings.some((f) => f.id === 'env.overridden' && f.subject === 'GOPROXY'));
  });

  it("finds go.exe in %LOCALAPPDATA%\\Programs\\Go when PATH has none (the user installer's place)", async () => {
    const dir = path.join(LOCALAPPDATA, 'Programs', 'Go');
    await fs.mkdir(path.dirname(dir), { recursive: true });
    await fs.symlink(GOROOT, dir);
    const doc = await diagnose([], { path: ['/nonexistent'] });
    assert.match(doc.go?.path ?? '(no go found)', /^C:\\users\\[^\\]+\\AppData\\Local\\Programs\\Go\\bin\\go\.exe$/i);
    assert.equal(doc.go?.version, 'go1.19.8');
  });

  it('finds the newest %USERPROFILE%\\sdk\\go* when nothing else has go.exe', async () => {
    await fs.mkdir(SDK_DIR, { recursive: true });
    await fs.symlink(GOROOT, path.join(SDK_DIR, 'go1.19.8'));
    const doc = await diagnose([], { path: ['/nonexistent'] });
    assert.match(doc.go?.path ?? '', /\\sdk\\go1\.19\.8\\bin\\go\.exe$/i);
    assert.equal(doc.go?.version, 'go1.19.8');
  });

  it('set-proxy writes through go.exe and restore-proxy puts the go env file back byte for byte', async () => {
    const original = `GOPRIVATE=corp.example.com\nGOPROXY=${proxy.url}\n`;
    await fs.mkdir(path.dirname(GO_ENV_FILE), { recursive: true });
    await fs.writeFile(GO_ENV_FILE, original);
    const opts = { path: [path.join(GOROOT, 'bin')], env: { GOSUMDB: sumdb() } };
    const value = `${proxy.url}|direct`;
    const set = await runWindowsCli(['set-proxy', '--value', value, '--json'], opts);
    assert.equal(set.code, 0, set.stdout + set.stderr);
    assert.match(await fs.readFile(GO_ENV_FILE, 'utf8'), new RegExp(`GOPROXY=${value.replace(/[|.]/g, '\\$&')}`));
    const go = await runWindows(GO_EXE, ['env', 'GOPROXY'], opts);
    assert.equal(go.stdout.trim(), value);
    const restore = await runWindowsCli(['restore-proxy', '--json'], opts);
    assert.equal(restore.code, 0, restore.stdout + restore.stderr);
    assert.equal(await fs.readFile(GO_ENV_FILE, 'utf8'), original);
  });

  it('installs a windows-amd64 .zip verified against a local index into %USERPROFILE%\\sdk, and its go.exe runs', async () => {
    const name = 'go1.31.2';
    const goExe = await fs.readFile(FAKE_GO_EXE);
    const zip = zipArchive([
      { name: 'go/' },
      { name: 'go/VERSION', data: Buffer.from(`${name}\ntime 2026-01-01T00:00:00Z\n`) },
      { name: 'go/bin/' },
      { name: 'go/bin/go.exe', data: goExe },
      { name: 'go/src/' },
      { name: 'go/src/runtime/' },
      { name: 'go/src/runtime/extern.go', data: Buffer.from('package runtime\n') },
    ]);
    const entry = archiveEntry(name, zip, 'windows', 'amd64');
    const host = await DownloadServer.start();
    servers.push(host);
    host.setIndex('/dl/', releaseIndex([{ version: name, files: [entry] }]));
    host.serve(`/dl/${entry.filename}`, { data: zip });

    // GOPROXY=off: were the index unreadable, the fallback through GOPROXY must not leave loopback.
    const r = await runWindowsCli(['install', name, '--dl-base', `${host.url}/dl/`, '--json'], {
      env: { GOPROXY: 'off' },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const doc = JSON.parse(r.stdout) as { ok: boolean; goroot: string; sha256: string };
    assert.equal(doc.ok, true);
    assert.equal(doc.sha256, entry.sha256);
    assert.match(doc.goroot, new RegExp(`\\\\sdk\\\\${name.replace('.', '\\.')}$`, 'i'));
    const installed = path.join(SDK_DIR, name, 'bin', 'go.exe');
    const v = await runWindows(installed, ['version']);
    assert.equal(v.stdout.trim(), `go version ${name} windows/amd64`);
  });
});
