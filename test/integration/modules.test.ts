// "Go Env: Verify Module Cache" in a real VS Code: a project whose go.sum and module cache the
// real go wrote from a local module world; a damaged module is found and downloaded again.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../src/core/findings';
import { modulePaths } from '../../src/core/modules/modCache';
import { makeGoProject, pkg, type GoProject } from '../support/goProject';
import { startModuleWorld, type ModuleWorld } from '../support/moduleWorld';

const A = pkg('example.test/a', 'v1.0.0');
const B = pkg('example.test/b', 'v1.1.0');
const ENV = ['GOPROXY', 'GOSUMDB', 'GOMODCACHE', 'GOPATH', 'GOFLAGS', 'GONOSUMDB', 'GOPRIVATE'] as const;

describe('module cache (Go Env: Verify Module Cache)', function () {
  this.timeout(120_000);
  let world: ModuleWorld;
  let project: GoProject;
  const saved: Partial<Record<string, string | undefined>> = {};

  before(async () => {
    world = await startModuleWorld([A, B]);
    project = await makeGoProject(world, [A, B]);
    // The extension host's environment is what the command's go runs with.
    for (const k of ENV) {
      saved[k] = process.env[k];
      process.env[k] = project.env[k];
    }
  });
  after(async () => {
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await project?.cleanup();
    await world?.close();
  });

  const verify = (redownload = false) =>
    vscode.commands.executeCommand<Finding[] | undefined>('goEnv.verifyModuleCache', {
      goModFiles: [project.goMod],
      redownload,
    });
  const ids = (fs: Finding[] | undefined) => (fs ?? []).map((f) => f.id).sort();

  it('is contributed as "Go Env: Verify Module Cache"', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('goEnv.verifyModuleCache'));
  });

  it('reports an intact module cache and verified go.sum', async () => {
    assert.deepEqual(ids(await verify()), ['gosum.ok', 'modcache.ok']);
  });

  it('finds a damaged module, downloads only it again, and is clean afterwards', async () => {
    const dir = modulePaths(project.gomodcache, A.path, A.version).dir;
    await fs.chmod(dir, 0o755);
    await fs.writeFile(path.join(dir, 'extra.go'), 'package a\n');
    const found = await verify();
    assert.deepEqual(ids(found), ['gosum.ok', 'modcache.corrupt']);
    assert.equal(found!.find((f) => f.id === 'modcache.corrupt')!.subject, dir);
    assert.deepEqual(ids(await verify(true)), ['gosum.ok', 'modcache.ok']);
    const go = await project.go('mod', 'verify');
    assert.equal(go.code, 0, go.out);
  });
});
