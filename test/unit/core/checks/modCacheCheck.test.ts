// The module cache as `go mod verify` sees it: our verdict and the real go's (/usr/bin/go) on the
// same cache, clean and damaged three ways, and the per-module repair that makes both clean again.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { modCacheFindings } from '../../../../src/core/checks/modCacheCheck';
import { modulePaths } from '../../../../src/core/modules/modCache';
import { redownloadModule } from '../../../../src/core/modules/redownloadModule';
import { ids, only } from '../../../support/findingAsserts';
import { makeGoProject, pkg, REAL_GO, type GoProject } from '../../../support/goProject';
import { startModuleWorld, type ModuleWorld } from '../../../support/moduleWorld';

const A = pkg('example.test/a', 'v1.0.0', { 'sub/x.go': 'package sub\n', README: 'read me\n' });
const B = pkg('example.test/Upper', 'v1.2.0');
const UNUSED = pkg('example.test/unused', 'v0.0.1');

describe('checks/modCache (the module cache, against go mod verify)', function () {
  this.timeout(120_000);
  let world: ModuleWorld;
  let project: GoProject;

  before(async () => {
    world = await startModuleWorld([A, B, UNUSED]);
  });
  after(async () => {
    await world?.close();
  });
  beforeEach(async () => {
    project = await makeGoProject(world, [A, B]);
  });
  afterEach(async () => {
    await project.cleanup();
  });

  const ours = () => modCacheFindings({ goModFiles: [project.goMod], gomodcache: project.gomodcache });
  /** The module versions `go mod verify` reports, and whether it passed. */
  const theirs = async (): Promise<{ ok: boolean; modules: string[] }> => {
    const r = await project.go('mod', 'verify');
    const modules = [...r.out.matchAll(/^(\S+) (\S+): /gm)].map((m) => `${m[1]}@${m[2]}`);
    return { ok: r.code === 0, modules: [...new Set(modules)].sort() };
  };
  const corrupted = (fs: Awaited<ReturnType<typeof ours>>) =>
    fs.filter((f) => f.id === 'modcache.corrupt').map((f) => f.title.match(/copy of (\S+) is damaged/)![1]!);
  /** Runs `change` on A's extracted directory with write permission, as a careless editor would. */
  const damage = async (change: (dir: string) => Promise<void>): Promise<string> => {
    const dir = modulePaths(project.gomodcache, A.path, A.version).dir;
    await fs.chmod(dir, 0o755);
    await fs.chmod(path.join(dir, 'sub'), 0o755);
    await change(dir);
    return dir;
  };

  it('clean cache: modcache.ok, and go mod verify agrees', async () => {
    const f = only(await ours(), 'modcache.ok');
    assert.match(f.title, /The 2 module version/);
    assert.deepEqual(await theirs(), { ok: true, modules: [] });
  });

  for (const [name, change, listed] of [
    [
      'one file altered',
      async (dir: string) => {
        await fs.chmod(path.join(dir, 'a.go'), 0o644);
        await fs.appendFile(path.join(dir, 'a.go'), '// changed\n');
      },
      /Changed: a\.go\./,
    ],
    ['one file deleted', (dir: string) => fs.rm(path.join(dir, 'sub', 'x.go')), /Missing: sub\/x\.go\./],
    [
      'one extra file',
      (dir: string) => fs.writeFile(path.join(dir, 'sub', 'extra.go'), 'package sub\n'),
      /Extra: sub\/extra\.go\./,
    ],
  ] as const) {
    it(`${name}: modcache.corrupt names the module, its directory and the file; go mod verify agrees`, async () => {
      const dir = await damage(change);
      const findings = await ours();
      const f = only(findings, 'modcache.corrupt');
      assert.equal(f.severity, 'error');
      assert.equal(f.subject, dir);
      assert.match(f.detail, listed);
      assert.deepEqual(
        f.fixes?.map((x) => x.action?.kind),
        ['redownloadModule', 'cleanModcache'],
      );
      assert.match(f.fixes![1]!.title, /\d+(\.\d)? (KiB|MiB|GiB)/);
      const go = await theirs();
      assert.equal(go.ok, false);
      assert.deepEqual(corrupted(findings), go.modules);
    });
  }

  it('re-downloads only the damaged module; afterwards both verdicts are clean', async () => {
    await damage((dir) => fs.writeFile(path.join(dir, 'extra.txt'), 'x'));
    const other = modulePaths(project.gomodcache, B.path, B.version).dir;
    const otherBefore = await fs.stat(other);
    const steps: string[] = [];
    await redownloadModule({
      go: REAL_GO,
      cwd: project.dir,
      env: project.env,
      timeoutMs: 60_000,
      gomodcache: project.gomodcache,
      module: A.path,
      version: A.version,
      onProgress: (s) => steps.push(s),
    });
    assert.equal(steps.length, 2);
    assert.deepEqual(ids(await ours()), ['modcache.ok']);
    assert.deepEqual(await theirs(), { ok: true, modules: [] });
    assert.equal((await fs.stat(other)).ino, otherBefore.ino, 'the other module was not touched');
    const mode = (await fs.stat(modulePaths(project.gomodcache, A.path, A.version).dir)).mode & 0o777;
    assert.equal(mode, 0o555, 'go extracted it read-only again');
  });

  it('ignores module versions the project does not need, even when damaged', async () => {
    const r = await project.go('mod', 'download', `${UNUSED.path}@${UNUSED.version}`);
    assert.equal(r.code, 0, r.out);
    const dir = modulePaths(project.gomodcache, UNUSED.path, UNUSED.version).dir;
    await fs.chmod(dir, 0o755);
    await fs.writeFile(path.join(dir, 'extra.txt'), 'x');
    assert.deepEqual(ids(await ours()), ['modcache.ok']);
  });
});
