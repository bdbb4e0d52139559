// Shared by the integration tests: the extension's API, fake go binaries that answer like the
// real one would in this environment, and waiting for diagnostics and reports.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GoEnvApi } from '../../src/extension/api';
import type { Report } from '../../src/core/report/model';
import { makeFakeGo, tempDir, type FakeGoSpec } from '../support/fakeGo';

/** Measurements the suite reports to the launcher (written into the results file). */
export const metrics: Record<string, number> = {};

export const EXTENSION_ID = 'go-env-doctor.go-env-doctor';

export async function api(): Promise<GoEnvApi> {
  const ext = vscode.extensions.getExtension<GoEnvApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder');
  return folder.uri.fsPath;
}

export const rootGoMod = () => vscode.Uri.file(path.join(workspaceRoot(), 'go.mod'));
export const subGoMod = () => vscode.Uri.file(path.join(workspaceRoot(), 'sub', 'go.mod'));

/**
 * A fake go whose `go env -json` agrees with the environment the launcher set (loopback
 * GOPROXY/GOSUMDB), so the diagnosis never has a reason to probe anything else.
 */
export async function fakeGo(
  version = 'go1.22.5',
  spec: Omit<FakeGoSpec, 'version' | 'envJson'> = {},
): Promise<string> {
  // Inside the launcher's scratch folder, which it removes after the run.
  const scratch = process.env['GED_TEST_TMP'];
  const dir = scratch ? await fs.mkdtemp(path.join(scratch, 'go-')) : await tempDir('ged-it-go-');
  const env = {
    GOROOT: dir,
    GOPROXY: process.env['GOPROXY'] ?? 'off',
    GOSUMDB: process.env['GOSUMDB'] ?? 'off',
    GOENV: process.env['GOENV'] ?? path.join(dir, 'env'),
    GOVERSION: version,
    GOFLAGS: '',
    GOINSECURE: '',
    GONOSUMDB: '',
    GOPRIVATE: '',
    GONOPROXY: '',
    GOTOOLCHAIN: 'auto',
    GOOS: 'linux',
    GOARCH: 'amd64',
  };
  return makeFakeGo({ ...spec, version: `go version ${version} linux/amd64`, envJson: JSON.stringify(env) }, dir);
}

export async function setGoPath(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('goEnv').update('goPath', value, vscode.ConfigurationTarget.Workspace);
}

/** Diagnoses until the report satisfies `ok` (a settings change may start a run that supersedes ours). */
export async function diagnoseUntil(ok: (r: Report) => boolean, what: string, attempts = 4): Promise<Report> {
  const goEnv = await api();
  let last: Report | undefined;
  for (let i = 0; i < attempts; i++) {
    const r = await goEnv.diagnose();
    if (r) {
      last = r;
      if (ok(r)) return r;
    }
    await sleep(200);
  }
  throw new Error(
    `no report where ${what} after ${attempts} runs; last findings: ${last?.findings.map((f) => `${f.id}(${f.severity})`).join(', ')}; go: ${JSON.stringify(last?.go)}`,
  );
}

export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Go Env');

export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export async function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const ds = ours(uri);
      return ok(ds) ? ds : undefined;
    },
    `${what} (have: ${ours(uri)
      .map((d) => `${String(d.code)}@${d.range.start.line}`)
      .join(', ')})`,
  );
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function fileExists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
